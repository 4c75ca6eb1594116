/**
 * One authenticated device socket in one space: reads frames, enforces per-connection limits and
 * hands decoded messages to the relay. Everything it sends goes through `send`, which counts
 * bytes and cuts off a reader that falls too far behind. It keeps itself alive: a keepalive
 * message when it has sent nothing for a while, a ping when it has heard nothing, and the end of
 * a peer that does not answer the ping.
 */
import type { WebSocket } from 'ws';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { CloseCode, CloseReason, type CloseCodeName } from './close-codes.ts';
import { KEEPALIVE } from './protocol.ts';
import type { Space, SpaceMember } from './space.ts';

export class Connection implements SpaceMember {
  private lastSentAt = Date.now();
  private lastHeardAt = Date.now();
  private pingSentAt = 0;
  private isClosed = false;
  private tokens: number;
  private byteTokens: number;
  private refilledAt = Date.now();
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    readonly space: Space,
    readonly deviceId: string,
    readonly ip: string,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
  ) {
    this.tokens = limits.messageBurst;
    this.byteTokens = this.byteBurst;
    // Any frame, and a pong, is a sign of life. Registered before the relay's own listeners, so a
    // closed connection reads as closed by the time the relay hears of it.
    ws.on('message', () => this.heard());
    ws.on('pong', () => this.heard());
    ws.on('close', () => this.stop());
    this.keepalive = setInterval(() => this.checkAlive(Date.now()), checkEveryMs(limits));
    this.keepalive.unref();
  }

  /** True once either side began closing: nothing more is sent, and what arrives is ignored. */
  get closed(): boolean {
    return this.isClosed;
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
    this.stop();
    this.ws.close(CloseCode[code], CloseReason[code]);
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }

  private heard(): void {
    this.lastHeardAt = Date.now();
    this.pingSentAt = 0;
  }

  private stop(): void {
    this.isClosed = true;
    clearInterval(this.keepalive);
  }

  /**
   * A peer silent for half the ping timeout is pinged; one that has not answered after another
   * half is terminated (no close handshake: it is not listening). A connection that has sent
   * nothing for `keepaliveMs` sends an empty awareness update, so the client never drops a socket
   * that is merely quiet.
   */
  private checkAlive(now: number): void {
    if (this.closed) return;
    const { keepaliveMs, pingTimeoutMs } = this.limits;
    if (this.pingSentAt !== 0 && now - this.pingSentAt >= pingTimeoutMs / 2) {
      this.ws.terminate();
      return;
    }
    if (this.pingSentAt === 0 && now - this.lastHeardAt >= pingTimeoutMs / 2) {
      this.pingSentAt = now;
      this.ws.ping();
    }
    if (now - this.lastSentAt >= keepaliveMs) this.send(KEEPALIVE);
  }
}

/** Often enough that neither deadline is overshot by more than a quarter, never busier than 50 ms. */
const checkEveryMs = (limits: Limits): number =>
  Math.max(50, Math.min(5_000, Math.min(limits.keepaliveMs, limits.pingTimeoutMs) / 4));
