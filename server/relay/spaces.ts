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
      flush: () => this.queue().flush(),
      isLoaded: (space) => this.loaded.get(space.id) === space,
      metrics,
      log,
    });
  }

  get size(): number {
    return this.loaded.size;
  }

  /** The space in memory, loaded from storage first if needed (synchronously: load-before-answer). */
  acquire(spaceId: string): Space {
    const existing = this.loaded.get(spaceId);
    if (existing !== undefined) {
      if (existing.idleTimer !== null) clearTimeout(existing.idleTimer);
      existing.idleTimer = null;
      return existing;
    }
    const started = Date.now();
    const space = new Space(spaceId);
    const rows = this.storage.loadUpdates(spaceId);
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
    if (this.stopped || space.members.size > 0 || this.loaded.get(space.id) !== space) return;
    if (space.idleTimer !== null) clearTimeout(space.idleTimer);
    space.idleTimer = setTimeout(() => this.unload(space), this.limits.idleUnloadMs);
    space.idleTimer.unref();
  }

  private unload(space: Space): void {
    if (space.members.size > 0 || this.loaded.get(space.id) !== space) return;
    this.queue().flush();
    this.compaction.compactNow(space);
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

  /** Rebuilds a space's document from storage (the write queue must have been flushed). */
  rebuild(space: Space): void {
    const started = Date.now();
    const rows = this.storage.loadUpdates(space.id);
    const { skipped } = space.rebuild(rows);
    this.compaction.rebuilt(space, rows.length);
    this.log('space.rebuilt', { space: short(space.id), rows: rows.length, skipped, ms: Date.now() - started });
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
