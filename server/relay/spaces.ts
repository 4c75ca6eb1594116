/**
 * The spaces held in memory: loading before first use, unloading when idle, compaction of
 * storage into a snapshot, and rebuilding a space whose memory can no longer be trusted.
 */
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { makeSnapshotChecker, type SnapshotChecker } from './snapshot-check.ts';
import { Space } from './space.ts';
import type { WriteQueue } from './write-queue.ts';

export class Spaces {
  private readonly loaded = new Map<string, Space>();
  /** Spaces due for compaction; true = even below the row threshold (a row had to be skipped). */
  private readonly toCompact = new Map<Space, boolean>();
  /** Snapshot size at the last compaction, per space: compaction is amortised against it. */
  private readonly snapshotBytes = new WeakMap<Space, number>();
  private readonly bytesSinceSnapshot = new WeakMap<Space, number>();
  private stopped = false;
  /** Compactions whose snapshot is being checked, by space id (one at a time per space). */
  private readonly compacting = new Map<string, Promise<void>>();
  private readonly checker: SnapshotChecker = makeSnapshotChecker();
  /** Spaces erased while loaded: a snapshot check still in flight must not write them back. */
  private readonly erased = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly queue: () => WriteQueue,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.checker.warm();
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
    // A skipped row is rewritten away by the snapshot, so the next load is clean.
    if (rows.length >= this.limits.compactAfterUpdates || skipped > 0) this.scheduleCompaction(space, skipped > 0);
    return space;
  }

  get(spaceId: string): Space | undefined {
    return this.loaded.get(spaceId);
  }

  all(): IterableIterator<Space> {
    return this.loaded.values();
  }

  /** Called when a space's last member left. */
  releaseIfIdle(space: Space): void {
    if (this.stopped || space.members.size > 0 || this.loaded.get(space.id) !== space) return;
    if (space.idleTimer !== null) clearTimeout(space.idleTimer);
    space.idleTimer = setTimeout(() => this.unload(space), this.limits.idleUnloadMs);
    space.idleTimer.unref();
  }

  unload(space: Space): void {
    if (space.members.size > 0 || this.loaded.get(space.id) !== space) return;
    this.queue().flush();
    if (space.storedRows > 1) this.compact(space);
    this.drop(space);
    this.log('space.unloaded', { space: short(space.id) });
  }

  /**
   * At shutdown: compact what is loaded, wait (bounded) for snapshot checks in flight, and
   * schedule nothing more. Storage may be closed once this resolves.
   */
  async shutdown(maxWaitMs = 3_000): Promise<void> {
    this.toCompact.clear();
    for (const space of [...this.loaded.values()]) {
      if (space.idleTimer !== null) clearTimeout(space.idleTimer);
      space.idleTimer = null;
      if (space.storedRows > 1) this.compact(space);
    }
    this.stopped = true;
    const waited = new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref());
    await Promise.race([Promise.all(this.compacting.values()), waited]);
    await this.checker.stop();
  }

  /** Rebuilds a space's document from storage (the write queue must have been flushed). */
  rebuild(space: Space): void {
    const started = Date.now();
    const rows = this.storage.loadUpdates(space.id);
    const { skipped } = space.rebuild(rows);
    this.log('space.rebuilt', { space: short(space.id), rows: rows.length, skipped, ms: Date.now() - started });
  }

  /** Forgets an erased space's memory; nothing of it is written again. */
  erase(spaceId: string): void {
    this.erased.add(spaceId);
    const space = this.loaded.get(spaceId);
    if (space !== undefined) this.drop(space);
  }

  /** Forgets the in-memory copy without writing anything (after a failure). */
  drop(space: Space): void {
    if (this.loaded.get(space.id) === space) this.loaded.delete(space.id);
    this.toCompact.delete(space);
    space.destroy();
  }

  /** Book-keeping after rows were appended; compaction runs later, outside the write path. */
  noteStored(space: Space, bytes: number): void {
    const since = (this.bytesSinceSnapshot.get(space) ?? 0) + bytes;
    this.bytesSinceSnapshot.set(space, since);
    if (space.storedRows < this.limits.compactAfterUpdates) return;
    // Re-encoding costs about the document's size, so wait until the appended rows amount to half
    // of it (amortised linear), but never let the row count grow without bound.
    const enoughBytes = since >= (this.snapshotBytes.get(space) ?? 0) / 2;
    if (enoughBytes || space.storedRows >= this.limits.compactAfterUpdates * 20) this.scheduleCompaction(space);
  }

  private scheduleCompaction(space: Space, force = false): void {
    if (this.toCompact.size === 0) setImmediate(() => this.compactScheduled());
    this.toCompact.set(space, force || (this.toCompact.get(space) ?? false));
  }

  private compactScheduled(): void {
    if (this.stopped) return;
    const due = [...this.toCompact];
    this.toCompact.clear();
    for (const [space, force] of due) {
      // A compaction that ran in between (they flush the queue, which notes more rows) may have
      // done the work already.
      if (this.loaded.get(space.id) !== space) continue;
      if (force || space.storedRows >= this.limits.compactAfterUpdates) this.compact(space);
    }
  }

  /**
   * Replaces the space's rows by one snapshot: Yjs's re-encoding of the document in memory,
   * which holds exactly the stored rows (the queue is flushed first) and was built with V1
   * applyUpdate only, so no merge of untrusted bytes and time linear in the document. The
   * snapshot replaces the rows only after a worker has loaded it back (see snapshot-check.ts);
   * rows stored meanwhile stay, after it.
   */
  compact(space: Space): void {
    if (this.stopped || this.compacting.has(space.id)) return;
    this.queue().flush();
    const upToId = this.storage.lastUpdateId(space.id);
    if (upToId === null) return;
    const started = Date.now();
    const snapshot = space.snapshot();
    const rowsAtSnapshot = space.storedRows;
    const bytesAtSnapshot = this.bytesSinceSnapshot.get(space) ?? 0;
    const done = this.checker.check(snapshot, space.stateVector()).then((result) => {
      this.compacting.delete(space.id);
      if (this.erased.has(space.id)) return;
      if (!result.ok) {
        this.metrics.compactionsRefused += 1;
        this.log('space.compaction-refused', { space: short(space.id), error: result.error });
        return;
      }
      try {
        this.storage.replaceWithSnapshot(space.id, snapshot, upToId);
      } catch (error) {
        this.log('space.compaction-failed', { space: short(space.id), error: String(error) });
        return;
      }
      space.storedRows = 1 + Math.max(0, space.storedRows - rowsAtSnapshot);
      this.snapshotBytes.set(space, snapshot.byteLength);
      this.bytesSinceSnapshot.set(space, Math.max(0, (this.bytesSinceSnapshot.get(space) ?? 0) - bytesAtSnapshot));
      this.metrics.compactions += 1;
      this.log('space.compacted', {
        space: short(space.id),
        rows: rowsAtSnapshot,
        bytes: snapshot.byteLength,
        ms: Date.now() - started,
      });
      // Rows stored while the check ran are not in this snapshot; a burst that ended meanwhile
      // would otherwise wait for the next write to be compacted.
      if (this.loaded.get(space.id) === space) this.noteStored(space, 0);
    });
    this.compacting.set(space.id, done);
  }
}

/** Enough of an id to follow one space through the log without publishing the whole id. */
export const short = (id: string): string => id.slice(0, 6);
