/** Helpers for talking to a relay the way the app does: HTTP API, official client, raw sockets. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface Credentials {
  spaceId: string;
  deviceId: string;
  token: string;
}

export async function createSpace(baseUrl: string, body: Record<string, unknown> = {}): Promise<Credentials> {
  const res = await fetch(`${baseUrl}/api/spaces`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create space: ${res.status} ${await res.text()}`);
  return (await res.json()) as Credentials;
}

export async function pairDevice(baseUrl: string, owner: Credentials, deviceName = 'Phone'): Promise<Credentials> {
  const pairing = await fetch(`${baseUrl}/api/spaces/${owner.spaceId}/pairings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${owner.token}` },
  });
  if (pairing.status !== 201) throw new Error(`pairing: ${pairing.status}`);
  const { code } = (await pairing.json()) as { code: string };
  const res = await fetch(`${baseUrl}/api/pair`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ spaceId: owner.spaceId, code, deviceName }),
  });
  if (res.status !== 201) throw new Error(`pair: ${res.status}`);
  const device = (await res.json()) as { deviceId: string; token: string };
  return { spaceId: owner.spaceId, ...device };
}

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, in order. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** An official y-websocket client, exactly as the app constructs it. */
export function connectPeer(syncUrl: string, room: string, token: string | null, doc = new Y.Doc()): Peer {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (peer: Peer, timeoutMs?: number) => waitFor(() => peer.provider.synced, timeoutMs, 'sync');

/** A document's contents as plain sorted JSON, for comparing peers by value. */
export function contents(doc: Y.Doc, names: readonly string[] = ['m']): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)]))
        : v;
  return JSON.stringify(Object.fromEntries(names.map((n) => [n, sort(doc.getMap(n).toJSON())])));
}

export interface RawResult {
  code: number;
  reason: string;
  messages: Uint8Array[];
  opened: boolean;
}

/** A bare socket: sends `frames` once open and reports how the relay closed it. */
export function rawSocket(
  url: string,
  options: { protocols?: string[]; frames?: (Buffer | string)[]; timeoutMs?: number; onOpen?: (ws: WebSocket) => void } = {},
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? []);
    const messages: Uint8Array[] = [];
    let opened = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('raw socket was not closed by the relay'));
    }, options.timeoutMs ?? 10_000);
    ws.on('open', () => {
      opened = true;
      for (const f of options.frames ?? []) ws.send(f);
      options.onOpen?.(ws);
    });
    ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
    ws.on('error', () => {});
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString(), messages, opened });
    });
  });
}
