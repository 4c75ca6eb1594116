/**
 * Reading a WebSocket upgrade request: which space, which token. Pure functions on the raw
 * request line and headers; nothing here is decoded leniently.
 */
import type { IncomingMessage } from 'node:http';
import { ID_PATTERN, looksLikeToken } from '../auth/tokens.ts';

/** The sub-protocol a client may offer next to its token; the relay selects it. */
const SUBPROTOCOL = 'rapport';

type RoomResult = { kind: 'not-sync' } | { kind: 'invalid' } | { kind: 'space'; spaceId: string };

/**
 * `/sync/<22 url-safe chars>` exactly, compared on the raw, undecoded path: any `%`, `..`, extra
 * segment or trailing slash is refused rather than normalised.
 */
export function parseRoom(url: string | undefined): RoomResult {
  const raw = url ?? '';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  if (!path.toLowerCase().startsWith('/sync')) return { kind: 'not-sync' };
  const spaceId = path.slice('/sync/'.length);
  if (!path.startsWith('/sync/') || !ID_PATTERN.test(spaceId)) return { kind: 'invalid' };
  return { kind: 'space', spaceId };
}

/** Values offered in Sec-WebSocket-Protocol, in order. */
function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The token from the `token` query parameter, else from a Sec-WebSocket-Protocol value that has
 * the shape of a token. A repeated `token` parameter is treated as a wrong token.
 */
export function extractToken(req: IncomingMessage): string | null {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  if (q !== -1) {
    const values = new URLSearchParams(url.slice(q + 1)).getAll('token');
    if (values.length > 1) return 'invalid';
    if (values.length === 1 && values[0] !== undefined && values[0] !== '') return values[0];
  }
  return offeredProtocols(req).find(looksLikeToken) ?? null;
}

/**
 * Browsers fail a handshake whose response does not select one of the offered protocols, so we
 * always pick one: `rapport` when offered, else the first value (possibly the token itself, which
 * only goes back to the client that sent it).
 */
export function selectProtocol(protocols: Set<string>): string | false {
  if (protocols.has(SUBPROTOCOL)) return SUBPROTOCOL;
  const first = protocols.values().next();
  return first.done === true ? false : first.value;
}
