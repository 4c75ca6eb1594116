/**
 * The door of the relay: decides at the HTTP upgrade, before any frame is read, whether a socket
 * may join a space, and turns the ones that may not away with a named close code.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AuthResult, Devices } from '../auth/devices.ts';
import { makeRateLimiter } from '../auth/rate-limit.ts';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { redactUrl, short, type Logger } from '../log.ts';
import { CloseCode, CloseReason, type CloseCodeName } from './close-codes.ts';
import { encodePermissionDenied } from './protocol.ts';
import { extractToken, parseRoom, selectProtocol } from './request.ts';

type Admission =
  | { kind: 'not-sync' }
  | { kind: 'refuse'; code: CloseCodeName; spaceId?: string }
  | { kind: 'accept'; spaceId: string; deviceId: string; ip: string };

/** Current connection counts, for the limits. */
interface Load {
  readonly total: number;
  perIp(ip: string): number;
  inSpace(spaceId: string): number;
}

const AUTH_CODES = new Set<CloseCodeName>(['TOKEN_REQUIRED', 'TOKEN_INVALID', 'DEVICE_REVOKED']);

export class Gate {
  private readonly attempts;
  /** Refused sockets are upgraded here only to hear their close code; 1-byte frames at most. */
  private readonly refusing = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: selectProtocol,
    maxPayload: 1,
  });

  constructor(
    private readonly devices: Devices,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    // Upgrade attempts per address: room for a burst of legitimate sockets, not for a flood.
    this.attempts = makeRateLimiter(Math.max(limits.maxConnectionsPerIp, 100), 200);
  }

  /**
   * Who is knocking: the room, then the token (read from storage). The connection limits are
   * `overLimit`'s, checked by the caller right before the upgrade completes.
   */
  async admit(req: IncomingMessage): Promise<Admission> {
    const room = parseRoom(req.url);
    if (room.kind === 'not-sync') return room;
    if (room.kind === 'invalid') return { kind: 'refuse', code: 'INVALID_ROOM' };
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!this.attempts.take(ip)) return { kind: 'refuse', code: 'TOO_MANY_CONNECTIONS', spaceId: room.spaceId };
    let auth: AuthResult;
    try {
      auth = await this.devices.authenticate(room.spaceId, extractToken(req));
    } catch (error) {
      this.log('ws.auth-failed', { space: short(room.spaceId), error: String(error) });
      return { kind: 'refuse', code: 'INTERNAL_ERROR', spaceId: room.spaceId };
    }
    if (!auth.ok) {
      const code =
        auth.error === 'token-required'
          ? 'TOKEN_REQUIRED'
          : auth.error === 'device-revoked'
            ? 'DEVICE_REVOKED'
            : 'TOKEN_INVALID';
      return { kind: 'refuse', code, spaceId: room.spaceId };
    }
    return { kind: 'accept', spaceId: room.spaceId, deviceId: auth.device.id, ip };
  }

  /** Whether one more connection from `ip` to `spaceId` would pass a connection limit. */
  overLimit(load: Load, spaceId: string, ip: string): boolean {
    const { limits } = this;
    return (
      load.total >= limits.maxConnections ||
      load.perIp(ip) >= limits.maxConnectionsPerIp ||
      load.inSpace(spaceId) >= limits.maxConnectionsPerSpace
    );
  }

  /**
   * Completes the handshake only to say why: a y-protocols permission-denied message for auth
   * failures (the official client logs it), then the close code, which the client acts on. A
   * plain HTTP 401 would reach the client as an anonymous 1006 and make it retry for ever.
   */
  refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: CloseCodeName, spaceId?: string): void {
    this.metrics.reject(CloseReason[code]);
    // A well-formed room is logged by its short id like everywhere else; a malformed one as sent.
    const where =
      spaceId !== undefined
        ? { space: short(spaceId) }
        : {
            path: redactUrl(req.url)
              .slice(0, 80)
              .replace(/[A-Za-z0-9_-]{16,}/g, (id) => `${short(id)}*`),
          };
    this.log('ws.refused', { reason: CloseReason[code], ...where, ip: req.socket.remoteAddress });
    this.refusing.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      if (AUTH_CODES.has(code)) ws.send(encodePermissionDenied(CloseReason[code]));
      ws.close(CloseCode[code], CloseReason[code]);
      setTimeout(() => ws.terminate(), 2_000).unref();
    });
  }
}
