/**
 * The spaces held in memory: loading before first use, unloading when idle, and rebuilding a
 * space whose memory can no longer be trusted. Compaction of their storage is `Compaction`'s;
 * this only tells it when a space comes and goes.
 */
import type { Limits } from '../config.ts';
import { short, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Storage, StoredUpdate } from '../storage/types.ts';
import { Compaction, type ClusterCompaction } from './compaction.ts';
import type { Fanout } from './fanout.ts';
import { Space } from './space.ts';
import type { WriteQueue } from './write-queue.ts';

export class Spaces {
  private readonly loaded = new Map<string, Space>();
  /** Loads under way, so that connections arriving together share one. */
  private readonly loading = new Map<string, Promise<Space>>();
  /** Updates other nodes announced while a space was loading: applied once it is loaded. */
  private readonly early = new Map<string, Uint8Array[]>();
  readonly compaction: Compaction;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly queue: () => WriteQueue,
    private readonly limits: Limits,
    metrics: Metrics,
    private readonly log: Logger,
    private readonly fanout: Fanout,
    cluster?: Omit<ClusterCompaction, 'catchUp'> & {
      /** Rows found in storage added this to a loaded space: send it to its members. */
      readonly caughtUp: (space: Space, update: Uint8Array) => void;
    },
  ) {
    this.compaction = new Compaction({
      cluster:
        cluster === undefined
          ? undefined
          : {
              takeLease: (spaceId) => cluster.takeLease(spaceId),
              releaseLease: (spaceId) => cluster.releaseLease(spaceId),
              catchUp: async (space) => {
                const rows = await this.catchUp(space, cluster.caughtUp);
                // Not applied (the space is being rebuilt, or left): nothing to compact now.
                return rows === null
                  ? { upToId: null, rows: 0 }
                  : { upToId: rows.at(-1)?.id ?? null, rows: rows.length };
              },
            },
      storage,
      compactAfterUpdates: limits.compactAfterUpdates,
      flush: (space) => this.queue().stored(space) ?? Promise.resolve(),
      isLoaded: (space) => this.loaded.get(space.id) === space,
      metrics,
      log,
    });
  }

  get size(): number {
    return this.loaded.size;
  }

  /**
   * The space in memory, loaded from storage first if needed. The caller completes the WebSocket
   * upgrade only once this resolves, so no frame is read before the space is there to answer it.
   * The space counts a claim until the caller calls `settle` (having added a member, or not), so
   * that it does not leave memory in between.
   */
  async acquire(spaceId: string): Promise<Space> {
    for (;;) {
      let space = this.loaded.get(spaceId);
      if (space === undefined) {
        let loading = this.loading.get(spaceId);
        if (loading === undefined) {
          loading = this.load(spaceId).finally(() => this.loading.delete(spaceId));
          this.loading.set(spaceId, loading);
        }
        space = await loading;
      }
      // Dropped while this caller waited (a failed write): load it afresh.
      if (this.loaded.get(spaceId) !== space) continue;
      if (space.idleTimer !== null) clearTimeout(space.idleTimer);
      space.idleTimer = null;
      space.claims += 1;
      return space;
    }
  }

  /** Ends a claim taken by `acquire`, once its member is added or will not be. */
  settle(space: Space): void {
    space.claims -= 1;
    this.releaseIfIdle(space);
  }

  private async load(spaceId: string): Promise<Space> {
    const started = Date.now();
    // Hear of the space before reading it: an update stored after the read is then announced
    // to us (and kept in `early` until the space is there), never lost in between.
    const early: Uint8Array[] = [];
    this.early.set(spaceId, early);
    let rows: StoredUpdate[];
    try {
      await this.fanout.join(spaceId);
      rows = await this.storage.loadUpdates(spaceId);
    } catch (error) {
      this.fanout.leave(spaceId);
      throw error;
    } finally {
      this.early.delete(spaceId);
    }
    const space = new Space(spaceId);
    const { skipped } = space.load(rows);
    space.load(early.map((data) => ({ id: 0, data })));
    this.loaded.set(spaceId, space);
    this.log('space.loaded', { space: short(spaceId), rows: rows.length, skipped, ms: Date.now() - started });
    this.compaction.loaded(space, rows.length, skipped);
    return space;
  }

  get(spaceId: string): Space | undefined {
    return this.loaded.get(spaceId);
  }

  /** Every space in memory. */
  all(): Space[] {
    return [...this.loaded.values()];
  }

  /**
   * An update another node stored: the space it belongs to when it is in memory; kept for the
   * space (and null returned) while it is loading; null when this node does not hold it.
   */
  remote(spaceId: string, update: Uint8Array): Space | null {
    const early = this.early.get(spaceId);
    if (early !== undefined) {
      early.push(update);
      return null;
    }
    return this.loaded.get(spaceId) ?? null;
  }

  /**
   * Applies every stored row of a loaded space to its document (after this node missed
   * announcements, or before a compaction); what was new goes to `caughtUp`. Returns the rows,
   * or null when they were not applied (the space left memory or is being rebuilt).
   */
  async catchUp(space: Space, caughtUp: (space: Space, update: Uint8Array) => void): Promise<StoredUpdate[] | null> {
    const rows = await this.storage.loadUpdates(space.id);
    if (this.loaded.get(space.id) !== space || space.held !== null) return null;
    const { added } = space.absorb(rows);
    if (added !== null) caughtUp(space, added);
    return rows;
  }

  /** Called when a space's last member left. */
  releaseIfIdle(space: Space): void {
    if (this.stopped || space.members.size > 0 || space.claims > 0 || this.loaded.get(space.id) !== space) return;
    if (space.idleTimer !== null) clearTimeout(space.idleTimer);
    space.idleTimer = setTimeout(() => void this.unload(space), this.limits.idleUnloadMs);
    space.idleTimer.unref();
  }

  private async unload(space: Space): Promise<void> {
    space.idleTimer = null;
    if (space.members.size > 0 || space.claims > 0 || this.loaded.get(space.id) !== space) return;
    // Compaction first stores what is queued, then takes its snapshot from the document.
    await this.compaction.compactNow(space);
    // Someone may have connected meanwhile (or the space was dropped, or shutdown began).
    if (
      this.stopped ||
      space.members.size > 0 ||
      space.claims > 0 ||
      space.idleTimer !== null ||
      this.loaded.get(space.id) !== space
    )
      return;
    this.drop(space);
    this.log('space.unloaded', { space: short(space.id) });
  }

  /**
   * At shutdown: compact what is loaded, wait (bounded) for snapshot checks in flight, and
   * unload nothing more. Storage may be closed once this resolves.
   */
  async shutdown(maxWaitMs = 3_000): Promise<void> {
    for (const space of this.loaded.values()) {
      if (space.idleTimer !== null) clearTimeout(space.idleTimer);
      space.idleTimer = null;
    }
    this.stopped = true;
    await this.compaction.shutdown([...this.loaded.values()], maxWaitMs);
  }

  /**
   * Rebuilds a space's document from storage once what is queued for it is stored. The caller
   * holds the space's messages meanwhile, so nothing is applied to the document being replaced.
   * False when the space left memory in between.
   */
  async rebuild(space: Space): Promise<boolean> {
    await (this.queue().stored(space) ?? Promise.resolve());
    const started = Date.now();
    const rows = await this.storage.loadUpdates(space.id);
    if (this.loaded.get(space.id) !== space) return false;
    const { skipped } = space.rebuild(rows);
    this.compaction.rebuilt(space, rows.length);
    this.log('space.rebuilt', { space: short(space.id), rows: rows.length, skipped, ms: Date.now() - started });
    return true;
  }

  /** Forgets an erased space's memory; nothing of it is written again. */
  erase(spaceId: string): void {
    this.compaction.erased(spaceId);
    const space = this.loaded.get(spaceId);
    if (space !== undefined) this.drop(space);
  }

  /** Forgets the in-memory copy without writing anything (after a failure). */
  drop(space: Space): void {
    if (this.loaded.get(space.id) === space) {
      this.loaded.delete(space.id);
      this.fanout.leave(space.id);
    }
    this.compaction.forget(space);
    space.destroy();
  }
}
