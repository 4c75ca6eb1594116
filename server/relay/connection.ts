/**
 * One authenticated device socket in one space: reads frames, enforces per-connection limits and
 * hands decoded messages to the relay. Everything it sends goes through `send`, which counts
 * bytes and cuts off a reader that falls too far behind.
 */
import type { WebSocket } from 'ws';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { CloseCode, CloseReason, type CloseCodeName } from './close-codes.ts';
import type { Space, SpaceMember } from './space.ts';

export class Connection implements SpaceMember {
  lastSentAt = Date.now();
  lastHeardAt = Date.now();
  pingSentAt = 0;
  closed = false;
  private tokens: number;
  private byteTokens: number;
  private refilledAt = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly space: Space,
    readonly deviceId: string,
    readonly ip: string,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
  ) {
    this.tokens = limits.messageBurst;
    this.byteTokens = this.byteBurst;
  }

  /** Two full frames: the first sync of a large network always fits. */
  private get byteBurst(): number {
    return 2 * this.limits.maxFrameBytes;
  }

  /** Token buckets on messages and on bytes: false once the connection exceeds either rate. */
  takeMessageToken(now: number, bytes: number): boolean {
    const elapsed = (now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + elapsed * this.limits.messagesPerSecond);
    this.byteTokens = Math.min(this.byteBurst, this.byteTokens + elapsed * this.limits.bytesPerSecond);
    if (this.tokens < 1 || this.byteTokens < bytes) return false;
    this.tokens -= 1;
    this.byteTokens -= bytes;
    return true;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close('SLOW_CONSUMER');
      return;
    }
    this.lastSentAt = Date.now();
    this.metrics.messagesOut += 1;
    this.metrics.bytesOut += message.byteLength;
    this.ws.send(message);
  }

  close(code: CloseCodeName): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(CloseCode[code], CloseReason[code]);
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }
}
