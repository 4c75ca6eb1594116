/**
 * The relay's side of several nodes (PostgreSQL + Redis): what the other nodes announce — their
 * stored updates, presence, revocations and erasures — applied to the spaces this node holds and
 * sent to its devices, and spaces caught up from storage when announcements were missed. With one
 * node (SQLite) nothing reaches it: `noFanout` announces nothing and there is no lease.
 */
import type { Metrics } from '../metrics.ts';
import { short, type Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import type { ClusterCompaction } from './compaction.ts';
import type { FanoutHandlers } from './fanout.ts';
import * as protocol from './protocol.ts';
import type { Space } from './space.ts';
import type { Spaces } from './spaces.ts';

/** Several nodes: the compaction lease they share (PostgreSQL). */
export interface Lease {
  take(spaceId: string): Promise<boolean>;
  release(spaceId: string): Promise<void>;
}

/** Other nodes' clients renew their presence every 15 s; silent twice that long, they are gone. */
const REMOTE_AWARENESS_MAX_AGE_MS = 30_000;

/** Owner of awareness entries announced by other nodes (removed there, not here). */
const REMOTE = { remote: true };

/** Who is in the space, for a newcomer: without other nodes' clients gone silent. */
export function presentIn(space: Space): Uint8Array | null {
  space.awareness.forgetSilent(REMOTE, REMOTE_AWARENESS_MAX_AGE_MS);
  return space.awareness.encodePresent();
}

/** What `Spaces` needs for compaction with several nodes: the lease, and where rows caught up go. */
export function leasedCompaction(lease: Lease): Omit<ClusterCompaction, 'catchUp'> & {
  readonly caughtUp: (space: Space, update: Uint8Array) => void;
} {
  return {
    takeLease: (spaceId) => lease.take(spaceId),
    releaseLease: (spaceId) => lease.release(spaceId),
    caughtUp: (space, update) => space.broadcast(protocol.encodeUpdate(update), null),
  };
}

/** What the relay lends: its spaces and devices. */
interface RelayParts {
  readonly spaces: Spaces;
  readonly storage: Storage;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Spaces being (or having been) erased; shared with the relay, which stores nothing more of them. */
  readonly erasing: Set<string>;
  /** Devices with a connection open here. */
  readonly connectedDevices: () => Iterable<string>;
  /** Cuts a revoked device's connections (4410). */
  readonly disconnectDevice: (deviceId: string) => number;
}

/** What the other nodes say, applied here (see FanoutHandlers). */
export class Peers implements FanoutHandlers {
  private readonly catchingUp = new Set<Space>();
  /** Spaces asked to catch up again while a catch-up of theirs was under way. */
  private readonly catchUpAgain = new Set<Space>();

  constructor(private readonly relay: RelayParts) {}

  /** Another node stored an update of a space: apply it and send it to this node's devices. */
  update(spaceId: string, update: Uint8Array): void {
    const { spaces, erasing, metrics } = this.relay;
    const space = spaces.remote(spaceId, update);
    if (space === null || erasing.has(spaceId)) return;
    if (space.held !== null) {
      space.held.push(() => this.update(spaceId, update));
      return;
    }
    // Applied like a stored row (`absorb` would also encode what it added, which costs a walk of
    // the whole document per update and is not needed: the update itself is sent on).
    const { incomplete } = space.load([{ id: 0, data: update }]);
    metrics.updatesFromNodes += 1;
    spaces.compaction.stored(space, update.byteLength);
    space.broadcast(protocol.encodeUpdate(update), null);
    // Announced before something it builds on (missed while Redis was away): all of it is
    // stored, so read the space's rows again.
    if (incomplete > 0) void this.catchUpSpace(space);
  }

  /** Another node stored updates of these spaces without announcing them: read them again. */
  reread(spaceIds: readonly string[]): void {
    for (const spaceId of spaceIds) {
      const space = this.relay.spaces.get(spaceId);
      if (space !== undefined && !this.relay.erasing.has(spaceId)) void this.catchUpSpace(space);
    }
  }

  /** Presence changed on another node: keep it (for newcomers) and pass on what is new. */
  awareness(spaceId: string, update: Uint8Array): void {
    const space = this.relay.spaces.get(spaceId);
    if (space === undefined) return;
    const decoded = protocol.decodeMessage(protocol.encodeAwareness(update));
    if (!decoded.ok || decoded.message.kind !== 'awareness') return;
    const forward = space.awareness.apply(decoded.message.entries, REMOTE);
    if (forward !== null && forward !== 'full') space.broadcast(protocol.encodeAwareness(forward), null);
  }

  /** Devices were revoked (and perhaps their space erased) on another node. */
  revoked(deviceIds: readonly string[], erasedSpaceId: string | null): void {
    if (erasedSpaceId !== null) this.relay.erasing.add(erasedSpaceId);
    for (const deviceId of deviceIds) this.relay.disconnectDevice(deviceId);
    if (erasedSpaceId !== null) this.relay.spaces.erase(erasedSpaceId);
  }

  /**
   * Back in touch with the other nodes after missing what they said: every space in memory is
   * caught up from storage, and devices revoked meanwhile are cut.
   */
  reconnected(): void {
    this.relay.log('redis.reconnected');
    void this.catchUp();
  }

  /** See `reconnected`; resolves once done. */
  async catchUp(): Promise<void> {
    const { spaces, storage, log } = this.relay;
    for (const space of spaces.all()) await this.catchUpSpace(space);
    for (const deviceId of [...this.relay.connectedDevices()]) {
      try {
        const device = await storage.getDevice(deviceId);
        if (device === null || device.revokedAt !== null) this.relay.disconnectDevice(deviceId);
      } catch (error) {
        log('device.check-failed', { device: short(deviceId), error: String(error) });
      }
    }
  }

  /** Catches one space up from storage, once at a time per space. */
  private async catchUpSpace(space: Space): Promise<void> {
    if (this.catchingUp.has(space)) {
      // The one under way may have read the rows before those it is asked for now.
      this.catchUpAgain.add(space);
      return;
    }
    this.catchingUp.add(space);
    try {
      do {
        this.catchUpAgain.delete(space);
        this.relay.metrics.catchUps += 1;
        try {
          await this.relay.spaces.catchUp(space, (s, update) => s.broadcast(protocol.encodeUpdate(update), null));
        } catch (error) {
          this.relay.log('space.catch-up-failed', { space: short(space.id), error: String(error) });
        }
      } while (this.catchUpAgain.has(space));
    } finally {
      this.catchingUp.delete(space);
      this.catchUpAgain.delete(space);
    }
  }
}
