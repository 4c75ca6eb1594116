/** Helpers for talking to a relay the way the app does: HTTP API, official client, raw sockets. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface Credentials {
  spaceId: string;
  deviceId: string;
  token: string;
}

export async function registerSpace(baseUrl: string, body: Record<string, unknown> = {}): Promise<Credentials> {
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

/**
 * Polls until `check` holds. There is no bound of its own: how long something takes on a busy
 * machine is no test's business (speed lives in bench/); a hang is caught by the test timeout,
 * and `what` says in the log what was being waited for.
 */
export async function waitFor(check: () => boolean, what = 'condition'): Promise<void> {
  const reportAfter = Date.now() + 20_000;
  let reported = false;
  while (!check()) {
    if (!reported && Date.now() > reportAfter) {
      reported = true;
      console.warn(`still waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (peer: Peer) => waitFor(() => peer.provider.synced, 'sync');

/** A document's contents as plain sorted JSON, for comparing peers by value. */
export function contents(doc: Y.Doc, names: readonly string[] = ['m']): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
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
  options: {
    protocols?: string[];
    frames?: (Buffer | string)[];
    timeoutMs?: number;
    onOpen?: (ws: WebSocket) => void;
  } = {},
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

/**
 * A WebSocket handshake written by hand, so the request path reaches the relay exactly as given
 * (WHATWG URL parsing in real clients would normalise `..` and `%2e`). Reads server frames until
 * the close frame and reports its code, or the HTTP status when the upgrade was refused.
 */
export async function rawUpgrade(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; closeCode: number | null; frames: { opcode: number; payload: Buffer }[] }> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let status = 0;
    const frames: { opcode: number; payload: Buffer }[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('raw upgrade timed out'));
    }, 5_000);
    const finish = (closeCode: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, closeCode, frames });
    };
    socket.on('connect', () => {
      const extra = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
      );
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (status === 0) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        status = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.subarray(0, end).toString('latin1'))?.[1] ?? 0);
        buffer = buffer.subarray(end + 4);
        if (status !== 101) return finish(null);
      }
      while (buffer.length >= 2) {
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) return;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) return;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + len) return;
        const payload = buffer.subarray(offset, offset + len);
        buffer = buffer.subarray(offset + len);
        frames.push({ opcode, payload });
        if (opcode === 8) return finish(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
      }
    });
  });
}
