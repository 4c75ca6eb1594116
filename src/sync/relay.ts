/**
 * The connection to the user's relay through the official y-websocket client,
 * and an honest status: offline, connecting, syncing, up to date (every change
 * made here acknowledged by the relay), or an error with its reason.
 *
 * Acknowledgement: the relay handles one connection's messages in order, so
 * when it answers a sync step 1 that we sent after our updates, it has taken
 * those updates (or closed the connection). We ask again after each burst of
 * local changes by clearing `provider.synced` and sending a step 1; the
 * provider sets `synced` when the answering step 2 arrives.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SpaceCredentials } from './relay-api.ts';

export type SyncState =
  | { kind: 'offline'; message: string }
  /** The device is online but the relay does not answer: not the same as "Will sync". */
  | { kind: 'unreachable'; message: string }
  | { kind: 'connecting'; message: string }
  | { kind: 'syncing'; message: string }
  | { kind: 'up-to-date'; message: string }
  /** 'storage': this device's own storage failed to give what sync needs (it may work on a retry). */
  | { kind: 'error'; reason: 'unreachable' | 'revoked' | 'denied' | 'rejected' | 'storage'; message: string };

/** Close codes the relay sends (server/relay/close-codes.ts); 44xx are final. */
const CLOSE = {
  tooBig: 1009,
  invalidRoom: 4400,
  tokenRequired: 4401,
  tokenInvalid: 4403,
  revoked: 4410,
  textFrame: 4415,
  invalidMessage: 4422,
} as const;

const MESSAGE_SYNC = 0;
const PROBE_DELAY_MS = 120;
const UNREACHABLE_AFTER_FAILURES = 2;

function finalStateFor(code: number): SyncState | null {
  switch (code) {
    case CLOSE.revoked:
      return {
        kind: 'error',
        reason: 'revoked',
        message: 'This device was removed from your network. Its data stays readable here; pair it again to sync.',
      };
    case CLOSE.tokenRequired:
    case CLOSE.tokenInvalid:
      return {
        kind: 'error',
        reason: 'denied',
        message: 'The relay did not accept this device. Pair it again from another device.',
      };
    case CLOSE.tooBig:
    case CLOSE.invalidRoom:
    case CLOSE.textFrame:
    case CLOSE.invalidMessage:
      return {
        kind: 'error',
        reason: 'rejected',
        message: 'The relay rejected data from this device. Your edits are safe here; export a backup and tell us.',
      };
    default:
      return null;
  }
}

export interface RelayConnection {
  state(): SyncState;
  /** Connect at once (e.g. when the browser comes back online) instead of waiting for the backoff. */
  retryNow(): void;
  destroy(): void;
}

function toWebSocketUrl(relayUrl: string): string {
  return `${relayUrl.replace(/^http/, 'ws')}/sync`;
}

export function connectRelay(doc: Y.Doc, creds: SpaceCredentials, onState: (s: SyncState) => void): RelayConnection {
  let current: SyncState = { kind: 'connecting', message: 'Connecting to your relay…' };
  let stopped = false;
  let localVersion = 0;
  let probedVersion = -1; // the local version the outstanding probe covers; -1: none yet on this connection
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const set = (s: SyncState) => {
    if (stopped && s.kind !== 'error') return;
    current = s;
    onState(s);
  };

  const provider = new WebsocketProvider(toWebSocketUrl(creds.relayUrl), creds.spaceId, doc, {
    // The token travels as a WebSocket sub-protocol, never in the URL.
    protocols: ['rapport', creds.token],
    disableBc: true, // tabs are kept in step by sync/tabs.ts, with or without a relay
    maxBackoffTime: 5000,
    shouldReconnect: (event) => finalStateFor(event.code) === null,
  });

  const probe = () => {
    clearTimeout(probeTimer);
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    probedVersion = localVersion;
    provider.synced = false;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    localVersion++;
    if (provider.wsconnected) {
      if (current.kind === 'up-to-date') set({ kind: 'syncing', message: 'Syncing…' });
      clearTimeout(probeTimer);
      probeTimer = setTimeout(probe, PROBE_DELAY_MS);
    } else if (current.kind !== 'error' && current.kind !== 'unreachable') {
      set({ kind: 'offline', message: 'Offline — your changes are saved here and will sync when the relay is back.' });
    }
  };
  doc.on('update', onUpdate);

  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      failures = 0;
      probedVersion = -1;
      set({ kind: 'syncing', message: 'Syncing…' });
    } else if (status === 'connecting') {
      if (current.kind !== 'offline' && current.kind !== 'unreachable')
        set({ kind: 'connecting', message: 'Connecting to your relay…' });
    }
  });
  provider.on('sync', (synced) => {
    if (!synced) return;
    // The handshake's step 2 does not cover what we sent in reply to the relay's step 1: ask once more.
    if (probedVersion === -1 || probedVersion !== localVersion) probe();
    else set({ kind: 'up-to-date', message: 'Up to date' });
  });
  provider.on('connection-close', (event) => {
    if (stopped || !event) return;
    failures++;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    if (offline)
      set({ kind: 'offline', message: 'Offline — your changes are saved here and will sync when you reconnect.' });
    else if (failures >= UNREACHABLE_AFTER_FAILURES)
      set({ kind: 'unreachable', message: 'The relay cannot be reached — your changes are saved here; retrying.' });
  });
  provider.on('closed', (event) => {
    const final = finalStateFor(event.code);
    if (!final) return;
    stopped = true;
    set(final);
  });

  const onOnline = () => retryNow();
  const onOffline = () =>
    set({ kind: 'offline', message: 'Offline — your changes are saved here and will sync when you reconnect.' });
  const retryNow = () => {
    if (stopped) return;
    if (provider.wsconnected) {
      // Back online while the socket stayed open: ask the relay again rather than keep saying "offline".
      set({ kind: 'syncing', message: 'Syncing…' });
      probe();
      return;
    }
    provider.disconnect();
    provider.connect();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }

  return {
    state: () => current,
    retryNow,
    destroy() {
      stopped = true;
      clearTimeout(probeTimer);
      doc.off('update', onUpdate);
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      provider.destroy();
    },
  };
}

/**
 * A copy of the network as the relay holds it, in a document of its own, for a device to look at
 * before it joins; null when the relay does not answer within `waitMs`. Nothing is sent from this
 * device's own document.
 */
export function fetchNetworkCopy(creds: SpaceCredentials, waitMs = 15_000): Promise<Y.Doc | null> {
  const copy = new Y.Doc();
  const provider = new WebsocketProvider(toWebSocketUrl(creds.relayUrl), creds.spaceId, copy, {
    protocols: ['rapport', creds.token],
    disableBc: true,
    shouldReconnect: (event) => finalStateFor(event.code) === null,
  });
  return new Promise((resolve) => {
    const done = (result: Y.Doc | null) => {
      clearTimeout(timer);
      provider.destroy();
      if (result === null) copy.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(null), waitMs);
    provider.on('sync', (synced) => synced && done(copy));
    provider.on('closed', (event) => finalStateFor(event.code) && done(null));
  });
}
