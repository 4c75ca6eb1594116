/**
 * The y-websocket wire protocol: one message per binary frame, a varuint message type first.
 * Decoding is strict: a message must be exactly one well-formed message of a known type, with no
 * trailing bytes, or it is rejected as a value (never thrown).
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

const AUTH_PERMISSION_DENIED = 0;

/** Awareness limits: the official client sends one entry of a few hundred bytes. */
const MAX_AWARENESS_ENTRIES = 64;
const MAX_AWARENESS_STATE_CHARS = 64 * 1024;

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The JSON state, already checked to parse; 'null' removes the client. */
  readonly state: string;
}

export type ClientMessage =
  | { readonly kind: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly entries: readonly AwarenessEntry[] }
  | { readonly kind: 'query-awareness' }
  | { readonly kind: 'auth' };

type Decoded = { ok: true; message: ClientMessage } | { ok: false; error: string };

function decodeAwareness(payload: Uint8Array): AwarenessEntry[] | string {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) return 'too many awareness entries';
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (!Number.isSafeInteger(clientId) || clientId > 0xffffffff || !Number.isSafeInteger(clock)) {
      return 'awareness id out of range';
    }
    if (state.length > MAX_AWARENESS_STATE_CHARS) return 'awareness state too large';
    const parsed: unknown = JSON.parse(state);
    // The client stores whatever parses; only objects (or null = gone) make sense as presence.
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
      return 'awareness state not an object';
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) return 'trailing bytes in awareness update';
  return entries;
}

export function decodeMessage(data: Uint8Array): Decoded {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC_STEP_1) {
          Y.decodeStateVector(payload); // throws on a malformed vector
          message = { kind: 'sync-step-1', stateVector: payload };
        } else if (step === SYNC_STEP_2) message = { kind: 'sync-step-2', update: payload };
        else if (step === SYNC_UPDATE) message = { kind: 'update', update: payload };
        else return { ok: false, error: 'unknown sync step' };
        break;
      }
      case MESSAGE_AWARENESS: {
        const entries = decodeAwareness(decoding.readVarUint8Array(decoder));
        if (typeof entries === 'string') return { ok: false, error: entries };
        message = { kind: 'awareness', entries };
        break;
      }
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      case MESSAGE_AUTH:
        // Clients have nothing to say about auth; read and ignore whatever follows.
        return { ok: true, message: { kind: 'auth' } };
      default:
        return { ok: false, error: 'unknown message type' };
    }
    if (decoding.hasContent(decoder)) return { ok: false, error: 'trailing bytes' };
    return { ok: true, message };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'undecodable' };
  }
}

const build = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP_1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP_2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

export const encodePermissionDenied = (reason: string): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    encoding.writeVarUint(e, AUTH_PERMISSION_DENIED);
    encoding.writeVarString(e, reason);
  });

/**
 * An awareness update with zero entries: the client counts it as "heard from the relay" (it drops
 * a socket silent for 30 s) and applies it as a no-op.
 */
export const KEEPALIVE: Uint8Array = encodeAwareness(new Uint8Array([0]));
