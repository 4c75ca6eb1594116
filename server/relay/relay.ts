/**
 * The relay: accepts WebSocket upgrades on /sync/<spaceId>, authenticates them before any frame
 * is read, and speaks the y-websocket protocol with each device. Storage writes go through the
 * write queue (durable before broadcast); spaces live in `Spaces`, and their compaction in
 * `Compaction`, which hears of every stored row here; each `Connection` keeps itself alive.
 *
 * The seam to other nodes: what this node stores, presence and revocations go out through the
 * fan-out (`noFanout` for one node), and what the others announce comes in through `peers`
 * (cluster.ts), as does the compaction lease.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Devices } from '../auth/devices.ts';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { short, type Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { CloseReason, type CloseCodeName } from './close-codes.ts';
import { Connection } from './connection.ts';
import * as protocol from './protocol.ts';
import { Gate } from './gate.ts';
import { selectProtocol } from './request.ts';
import type { Space } from './space.ts';
import { Spaces } from './spaces.ts';
import { WriteQueue } from './write-queue.ts';
import { noFanout, type Fanout } from './fanout.ts';
import { leasedCompaction, Peers, presentIn, type Lease } from './cluster.ts';

/** How long a revoked device is remembered for upgrades still under way (far longer than one takes). */
const REVOKED_MEMORY_MS = 60_000;

interface RelayDeps {
  readonly storage: Storage;
  /** The other nodes serving the same spaces; `noFanout` for one node. */
  readonly fanout?: Fanout;
  /** Set with several nodes: compaction then takes the lease and catches up from storage first. */
  readonly lease?: Lease;
  readonly devices: Devices;
  readonly limits: Limits;
  readonly metrics: Metrics;
  readonly log: Logger;
}

export class Relay {
  readonly spaces: Spaces;
  private readonly queue: WriteQueue;
  private readonly connections = new Set<Connection>();
  private readonly byDevice = new Map<string, Set<Connection>>();
  private readonly perIp = new Map<string, number>();
  private readonly gate: Gate;
  private readonly wss: WebSocketServer;
  private stopping = false;
  /**
   * Spaces being (or having been) erased: updates for them are ignored, so that nothing lands
   * after the erasure. Their devices are revoked, so the set only grows by one id per erasure.
   */
  private readonly erasing = new Set<string>();
  private readonly fanout: Fanout;
  /** What the other nodes announce (main.ts hands it the fan-out's messages). */
  readonly peers: Peers;
  /**
   * Devices cut lately, with when: an upgrade admitted before the revocation but completing after
   * it (its token check and space load are asynchronous) is refused. Oldest first.
   */
  private readonly recentlyRevoked = new Map<string, number>();

  constructor(private readonly deps: RelayDeps) {
    const { limits, metrics, log, storage, lease } = deps;
    const fanout = (this.fanout = deps.fanout ?? noFanout);
    this.queue = new WriteQueue(storage, {
      delivered: (space, update, origin) => {
        // Dropped (an earlier write failed) or erased since it was queued: its memory is gone and
        // nothing of it may reach anyone. (A space unloaded when idle has its writes flushed first.)
        if (this.spaces.get(space.id) !== space) return;
        metrics.updatesStored += 1;
        this.spaces.compaction.stored(space, update.byteLength);
        space.broadcast(protocol.encodeUpdate(update), origin);
        // Stored, so other nodes may send it to their devices too.
        fanout.publishUpdate(space.id, update);
      },
      failed: (spaces, error) => {
        log('storage.write-failed', { spaces: spaces.size, error: String(error) });
        for (const space of spaces) this.dropSpace(space);
      },
      observeWrite: (seconds) => metrics.observeWrite(seconds),
    });
    this.spaces = new Spaces(
      storage,
      () => this.queue,
      limits,
      metrics,
      log,
      fanout,
      lease === undefined ? undefined : leasedCompaction(lease),
    );
    this.peers = new Peers({
      spaces: this.spaces,
      storage,
      metrics,
      log,
      erasing: this.erasing,
      connectedDevices: () => this.byDevice.keys(),
      disconnectDevice: (deviceId) => this.disconnectDevice(deviceId),
    });
    this.gate = new Gate(deps.devices, limits, metrics, log);
    this.wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      handleProtocols: selectProtocol,
      maxPayload: limits.maxFrameBytes,
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    this.upgrade(req, socket, head).catch((error: unknown) => {
      this.deps.log('ws.upgrade-failed', { error: String(error) });
      socket.destroy();
    });
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const admission = this.stopping ? { kind: 'not-sync' as const } : await this.gate.admit(req);
    if (admission.kind === 'not-sync' || this.stopping) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (admission.kind === 'refuse') return this.gate.refuse(req, socket, head, admission.code, admission.spaceId);
    const { spaceId, deviceId, ip } = admission;
    const load = {
      total: this.connections.size,
      perIp: (address: string) => this.perIp.get(address) ?? 0,
      inSpace: (id: string) => this.spaces.get(id)?.members.size ?? 0,
    };
    // Checked before loading the space (no load for a refused socket) and again right before the
    // upgrade, which completes synchronously: connections admitted meanwhile count.
    const overLimit = () => this.gate.overLimit({ ...load, total: this.connections.size }, spaceId, ip);
    if (overLimit()) return this.gate.refuse(req, socket, head, 'TOO_MANY_CONNECTIONS', spaceId);
    let space: Space;
    try {
      space = await this.spaces.acquire(spaceId);
    } catch (error) {
      this.deps.log('space.load-failed', { space: short(spaceId), error: String(error) });
      return this.gate.refuse(req, socket, head, 'INTERNAL_ERROR', spaceId);
    }
    try {
      if (this.stopping || socket.destroyed) {
        socket.destroy();
        return;
      }
      // Revoked while its token was being checked or its space loaded: turned away like at the door.
      if (this.recentlyRevoked.has(deviceId)) return this.gate.refuse(req, socket, head, 'DEVICE_REVOKED', spaceId);
      if (overLimit()) return this.gate.refuse(req, socket, head, 'TOO_MANY_CONNECTIONS', spaceId);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, space, deviceId, ip));
    } finally {
      this.spaces.settle(space);
    }
  }

  private open(ws: WebSocket, space: Space, deviceId: string, ip: string): void {
    const spaceId = space.id;
    const conn = new Connection(ws, space, deviceId, ip, this.deps.limits, this.deps.metrics);
    this.connections.add(conn);
    space.members.add(conn);
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    let devices = this.byDevice.get(deviceId);
    if (devices === undefined) this.byDevice.set(deviceId, (devices = new Set()));
    devices.add(conn);
    this.touch(deviceId);
    this.deps.log('ws.open', { space: short(spaceId), device: short(deviceId), connections: this.connections.size });

    ws.on('message', (data, isBinary) => this.receive(conn, data, isBinary));
    ws.on('error', (error) => {
      // `ws` reports an oversized frame here and closes with 1009 itself.
      const tooBig = (error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      this.deps.metrics.reject(tooBig ? CloseReason.MESSAGE_TOO_BIG : CloseReason.INVALID_MESSAGE);
      this.deps.log('ws.error', {
        space: short(spaceId),
        device: short(deviceId),
        error: (error as { code?: string }).code ?? 'error',
      });
    });
    ws.on('close', (code) => this.closed(conn, code));

    // Our state vector first, so the client sends what we lack; then who is present. The state
    // vector is taken now and sent once what it covers is stored.
    const stateVector = space.stateVector();
    this.whenStored(space, () => {
      if (conn.closed) return;
      conn.send(protocol.encodeSyncStep1(stateVector));
      const present = presentIn(space);
      if (present !== null) conn.send(protocol.encodeAwareness(present));
    });
  }

  private touch(deviceId: string): void {
    this.deps.devices.touch(deviceId).catch((error: unknown) => {
      this.deps.log('device.touch-failed', { device: short(deviceId), error: String(error) });
    });
  }

  /** Runs `fn` once everything enqueued for the space so far is stored: at once if nothing is. */
  private whenStored(space: Space, fn: () => void): void {
    const stored = this.queue.stored(space);
    if (stored === null) fn();
    else void stored.then(fn);
  }

  private receive(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.closed) return;
    const now = Date.now();
    if (!isBinary) return this.reject(conn, 'UNSUPPORTED_DATA');
    const bytes = toBytes(data);
    if (!conn.takeMessageToken(now, bytes.byteLength)) return this.reject(conn, 'RATE_LIMITED');
    this.deps.metrics.messagesIn += 1;
    this.deps.metrics.bytesIn += bytes.byteLength;
    const decoded = protocol.decodeMessage(bytes);
    if (!decoded.ok) return this.reject(conn, 'INVALID_MESSAGE', decoded.error);
    const held = conn.space.held;
    if (held !== null) held.push(() => this.handle(conn, decoded.message));
    else this.handle(conn, decoded.message);
  }

  private handle(conn: Connection, message: protocol.ClientMessage): void {
    if (conn.closed) return;
    const { space } = conn;
    switch (message.kind) {
      case 'sync-step-1': {
        // Computed now, so it holds this device's earlier updates; sent once they are stored.
        const diff = space.diff(message.stateVector);
        this.whenStored(space, () => {
          if (!conn.closed) conn.send(protocol.encodeSyncStep2(diff));
        });
        return;
      }
      case 'sync-step-2':
      case 'update': {
        // An erasure is under way: nothing more of this space may be stored.
        if (this.erasing.has(space.id)) return;
        const droppedBefore = space.parked.dropped;
        const result = space.applyClientUpdate(message.update, conn);
        this.deps.metrics.droppedPending += space.parked.dropped - droppedBefore;
        for (const { update, origin } of result.integrated) {
          this.queue.enqueue(space, update, origin instanceof Connection ? origin : null);
        }
        if (result.ok) return;
        // Store (and relay) what was sound, then rebuild the document from storage, which drops
        // whatever part of the failed update Yjs kept.
        if (result.rebuild) void this.rebuild(space);
        return this.reject(conn, 'INVALID_MESSAGE', result.error);
      }
      case 'awareness': {
        const forward = space.awareness.apply(message.entries, conn);
        if (forward === 'full') return this.reject(conn, 'INVALID_MESSAGE', 'awareness full');
        if (forward !== null) {
          space.broadcast(protocol.encodeAwareness(forward), conn);
          this.fanout.publishAwareness(space.id, forward);
        }
        return;
      }
      case 'query-awareness': {
        const present = presentIn(space);
        if (present !== null) conn.send(protocol.encodeAwareness(present));
        return;
      }
      case 'auth':
        return;
    }
  }

  /** Rebuilds the space's document from storage, holding its messages meanwhile (see Space.held). */
  private async rebuild(space: Space): Promise<void> {
    if (space.held !== null) return;
    space.held = [];
    let rebuilt = false;
    try {
      rebuilt = await this.spaces.rebuild(space);
    } catch (error) {
      this.deps.log('space.rebuild-failed', { space: short(space.id), error: String(error) });
    }
    const held = space.held;
    space.held = null;
    if (!rebuilt) {
      if (this.spaces.get(space.id) === space) this.dropSpace(space);
      return;
    }
    for (let i = 0; i < held.length; i++) {
      // A held message may itself have started a rebuild: the rest wait for that one.
      const again = space.held as (() => void)[] | null;
      if (again !== null) {
        again.push(...held.slice(i));
        return;
      }
      held[i]?.();
    }
  }

  private reject(conn: Connection, code: CloseCodeName, detail?: string): void {
    this.deps.metrics.reject(CloseReason[code]);
    this.deps.log('ws.rejected', {
      reason: CloseReason[code],
      space: short(conn.space.id),
      device: short(conn.deviceId),
      detail,
    });
    conn.close(code);
  }

  /**
   * After a failed storage write: the space's memory is ahead of disk, so it is thrown away and
   * its connections are closed (1011, transient); they reconnect and resync from storage.
   */
  private dropSpace(space: Space): void {
    this.deps.log('space.dropped', { space: short(space.id), reason: CloseReason.INTERNAL_ERROR });
    for (const member of [...space.members]) {
      if (member instanceof Connection) this.reject(member, 'INTERNAL_ERROR');
    }
    this.spaces.drop(space);
  }

  private closed(conn: Connection, code: number): void {
    if (!this.connections.delete(conn)) return;
    const { space } = conn;
    space.members.delete(conn);
    const gone = space.awareness.removeOwner(conn);
    if (gone !== null) {
      space.broadcast(protocol.encodeAwareness(gone), null);
      this.fanout.publishAwareness(space.id, gone);
    }
    const left = (this.perIp.get(conn.ip) ?? 1) - 1;
    if (left <= 0) this.perIp.delete(conn.ip);
    else this.perIp.set(conn.ip, left);
    const devices = this.byDevice.get(conn.deviceId);
    devices?.delete(conn);
    if (devices?.size === 0) this.byDevice.delete(conn.deviceId);
    if (!this.stopping) this.touch(conn.deviceId);
    this.deps.log('ws.close', { space: short(space.id), device: short(conn.deviceId), code });
    this.spaces.releaseIfIdle(space);
  }

  /** A device was revoked here: cuts its connections on this node and tells the others. */
  revokeDevice(deviceId: string): number {
    this.fanout.publishRevoked([deviceId], null);
    return this.disconnectDevice(deviceId);
  }

  /** Cuts every open connection of a revoked device at once. */
  disconnectDevice(deviceId: string): number {
    const now = Date.now();
    for (const [id, at] of this.recentlyRevoked) {
      if (now - at < REVOKED_MEMORY_MS) break;
      this.recentlyRevoked.delete(id);
    }
    this.recentlyRevoked.delete(deviceId);
    this.recentlyRevoked.set(deviceId, now);
    const conns = [...(this.byDevice.get(deviceId) ?? [])];
    for (const conn of conns) this.reject(conn, 'DEVICE_REVOKED');
    return conns.length;
  }

  /**
   * Erases a space (see Storage.eraseSpace): what is queued is stored first, so that nothing lands
   * after the erasure; its devices' connections are cut (4410) and its memory forgotten.
   */
  async eraseSpace(spaceId: string): Promise<number> {
    this.erasing.add(spaceId);
    let devices: string[];
    try {
      await this.queue.drain();
      devices = await this.deps.storage.eraseSpace(spaceId, Date.now());
    } catch (error) {
      this.erasing.delete(spaceId);
      throw error;
    }
    this.fanout.publishRevoked(devices, spaceId);
    let cut = 0;
    for (const deviceId of devices) cut += this.disconnectDevice(deviceId);
    this.spaces.erase(spaceId);
    return cut;
  }

  /** Closes every connection, stores what is queued and compacts what is loaded. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const conn of [...this.connections]) conn.close('GOING_AWAY');
    await this.queue.drain();
    await this.spaces.shutdown();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
