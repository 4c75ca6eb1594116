/**
 * The spaces held in memory: loading before first use, unloading when idle, and rebuilding a
 * space whose memory can no longer be trusted. Compaction of their storage is `Compaction`'s;
 * this only tells it when a space comes and goes.
 */
import type { Limits } from '../config.ts';
import { short, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { Compaction } from './compaction.ts';
import { Space } from './space.ts';
import type { WriteQueue } from './write-queue.ts';

export class Spaces {
  private readonly loaded = new Map<string, Space>();
  /** Loads under way, so that connections arriving together share one. */
  private readonly loading = new Map<string, Promise<Space>>();
  readonly compaction: Compaction;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly queue: () => WriteQueue,
    private readonly limits: Limits,
    metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.compaction = new Compaction({
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
    const rows = await this.storage.loadUpdates(spaceId);
    const space = new Space(spaceId);
    const { skipped } = space.load(rows);
    this.loaded.set(spaceId, space);
    this.log('space.loaded', { space: short(spaceId), rows: rows.length, skipped, ms: Date.now() - started });
    this.compaction.loaded(space, rows.length, skipped);
    return space;
  }

  get(spaceId: string): Space | undefined {
    return this.loaded.get(spaceId);
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
    if (this.loaded.get(space.id) === space) this.loaded.delete(space.id);
    this.compaction.forget(space);
    space.destroy();
  }
}
