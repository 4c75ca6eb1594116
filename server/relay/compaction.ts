/**
 * Compaction of a space's stored rows into one snapshot, and all its book-keeping: how many rows
 * and bytes were stored since the last snapshot, when that is enough to compact, scheduling it
 * outside the write path, and the compaction itself. The rest of the relay only reports events:
 * a space was loaded or rebuilt (`loaded`, `rebuilt`), rows were stored (`stored`), a space is
 * leaving memory (`compactNow`, `forget`, `erased`).
 */
import { short, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { makeSnapshotChecker, type SnapshotChecker } from './snapshot-check.ts';
import type { Space } from './space.ts';

/** What storage holds for one space beyond its last snapshot. */
interface Tally {
  /** Rows in storage, the snapshot included. */
  rows: number;
  /** Bytes appended since the last snapshot. */
  bytesSinceSnapshot: number;
  /** Size of the last snapshot: compaction is amortised against it. */
  snapshotBytes: number;
}

interface CompactionDeps {
  readonly storage: Storage;
  /** Stored rows after which a space is compacted (`RAPPORT_COMPACT_AFTER`). */
  readonly compactAfterUpdates: number;
  /**
   * Resolves once what the write queue holds for the space is stored: a snapshot must cover every
   * row before the one it replaces.
   */
  readonly flush: (space: Space) => Promise<void>;
  /** Whether this very space object is the one in memory (not unloaded, dropped or reloaded since). */
  readonly isLoaded: (space: Space) => boolean;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Several nodes store rows of the same space: see `ClusterCompaction`. */
  readonly cluster?: ClusterCompaction | undefined;
}

/**
 * With several nodes, a node's document may lack rows another node stored and not yet announced,
 * so a snapshot of it alone could replace rows it does not hold. Instead the node takes the
 * space's lease (one compaction at a time across nodes), reads every stored row and applies it
 * to its document (rows of a space commit in id order: see postgres.ts), and only then snapshots.
 */
export interface ClusterCompaction {
  /** Takes the space's compaction lease; false when another node holds it. */
  takeLease(spaceId: string): Promise<boolean>;
  releaseLease(spaceId: string): Promise<void>;
  /** Applies every stored row to the document; the last row's id and how many rows there are. */
  catchUp(space: Space): Promise<{ upToId: number | null; rows: number }>;
}

/** After finding a space's lease taken by another node, it is looked at again this much later. */
const LEASE_RETRY_MS = 1_000;

export class Compaction {
  private readonly tallies = new WeakMap<Space, Tally>();
  /** Spaces due for compaction; true = even below the row threshold (a row had to be skipped). */
  private readonly due = new Map<Space, boolean>();
  /** Compactions whose snapshot is being checked, by space id (one at a time per space). */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly checker: SnapshotChecker = makeSnapshotChecker();
  /** Spaces erased while loaded: a snapshot check still in flight must not write them back. */
  private readonly erasedIds = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: CompactionDeps) {
    this.checker.warm();
  }

  /** A space was loaded from `rows` stored rows, of which Yjs refused `skipped`. */
  loaded(space: Space, rows: number, skipped: number): void {
    this.tally(space).rows = rows;
    // A skipped row is rewritten away by the snapshot, so the next load is clean.
    if (rows >= this.deps.compactAfterUpdates || skipped > 0) this.schedule(space, skipped > 0);
  }

  /** A space's document was rebuilt from `rows` stored rows. */
  rebuilt(space: Space, rows: number): void {
    this.tally(space).rows = rows;
  }

  /** A row of `bytes` was appended for the space; compaction runs later, outside the write path. */
  stored(space: Space, bytes: number): void {
    const tally = this.tally(space);
    tally.rows += 1;
    tally.bytesSinceSnapshot += bytes;
    this.scheduleIfDue(space);
  }

  /**
   * Compacts now, unless the space is already a single row (a space leaving memory). Resolves
   * once the snapshot has been taken from the document (its check and storing go on after).
   */
  compactNow(space: Space): Promise<void> {
    return this.tally(space).rows > 1 ? this.compact(space, 2) : Promise.resolve();
  }

  /** The space leaves memory without being written (after a failure, or once unloaded). */
  forget(space: Space): void {
    this.due.delete(space);
  }

  /** The space's stored document was erased: nothing of it is written again. */
  erased(spaceId: string): void {
    this.erasedIds.add(spaceId);
  }

  /**
   * At shutdown: compact `spaces`, wait (bounded) for snapshot checks in flight, and schedule
   * nothing more. Storage may be closed once this resolves.
   */
  async shutdown(spaces: Iterable<Space>, maxWaitMs: number): Promise<void> {
    this.due.clear();
    const started = [...spaces].map((space) => this.compactNow(space));
    this.stopped = true;
    await Promise.all(started);
    const waited = new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref());
    await Promise.race([Promise.all(this.inFlight.values()), waited]);
    await this.checker.stop();
  }

  private tally(space: Space): Tally {
    let tally = this.tallies.get(space);
    if (tally === undefined) this.tallies.set(space, (tally = { rows: 0, bytesSinceSnapshot: 0, snapshotBytes: 0 }));
    return tally;
  }

  private scheduleIfDue(space: Space): void {
    const { rows, bytesSinceSnapshot, snapshotBytes } = this.tally(space);
    const { compactAfterUpdates } = this.deps;
    if (rows < compactAfterUpdates) return;
    // Re-encoding costs about the document's size, so wait until the appended rows amount to half
    // of it (amortised linear), but never let the row count grow without bound.
    if (bytesSinceSnapshot >= snapshotBytes / 2 || rows >= compactAfterUpdates * 20) this.schedule(space);
  }

  private schedule(space: Space, force = false): void {
    if (this.due.size === 0) setImmediate(() => this.compactDue());
    this.due.set(space, force || (this.due.get(space) ?? false));
  }

  private compactDue(): void {
    if (this.stopped) return;
    const due = [...this.due];
    this.due.clear();
    for (const [space, force] of due) {
      // A compaction that ran in between (they flush the queue, which stores more rows) may have
      // done the work already.
      if (!this.deps.isLoaded(space)) continue;
      if (force || this.tally(space).rows >= this.deps.compactAfterUpdates)
        void this.compact(space, force ? 2 : this.deps.compactAfterUpdates);
    }
  }

  /**
   * Replaces the space's rows by one snapshot: Yjs's re-encoding of the document in memory,
   * which holds exactly the stored rows (the queue is flushed first) and was built with V1
   * applyUpdate only, so no merge of untrusted bytes and time linear in the document. The
   * snapshot replaces the rows only after a worker has loaded it back (see snapshot-check.ts);
   * rows stored meanwhile stay, after it.
   */
  /** `minRows`: with several nodes, the stored rows (counted afresh) needed to go ahead. */
  private compact(space: Space, minRows: number): Promise<void> {
    if (this.stopped || this.inFlight.has(space.id)) return Promise.resolve();
    let snapshotTaken: () => void = () => {};
    const taken = new Promise<void>((resolve) => (snapshotTaken = resolve));
    const done = this.run(space, minRows, snapshotTaken)
      .catch((error: unknown) => {
        this.deps.log('space.compaction-failed', { space: short(space.id), error: String(error) });
      })
      .finally(() => {
        snapshotTaken();
        if (this.inFlight.get(space.id) === done) this.inFlight.delete(space.id);
      });
    this.inFlight.set(space.id, done);
    return taken;
  }

  private async run(space: Space, minRows: number, snapshotTaken: () => void): Promise<void> {
    const { cluster } = this.deps;
    if (cluster === undefined) return this.snapshot(space, minRows, snapshotTaken);
    if (!(await cluster.takeLease(space.id))) {
      // Another node is compacting it. Its snapshot may not cover what was stored meanwhile, so
      // look again a little later (then the rows are counted afresh: often nothing is left to do).
      const retry = setTimeout(() => {
        if (!this.stopped && this.deps.isLoaded(space)) this.schedule(space);
      }, LEASE_RETRY_MS);
      retry.unref();
      return;
    }
    try {
      await this.snapshot(space, minRows, snapshotTaken);
    } finally {
      await cluster.releaseLease(space.id).catch((error: unknown) => {
        // It expires by itself.
        this.deps.log('space.lease-release-failed', { space: short(space.id), error: String(error) });
      });
    }
  }

  private async snapshot(space: Space, minRows: number, snapshotTaken: () => void): Promise<void> {
    const { storage, metrics, log, cluster } = this.deps;
    await this.deps.flush(space);
    let upToId: number | null;
    if (cluster === undefined) {
      // The document holds every stored row (this node wrote them all from it), so a snapshot
      // taken now covers every row up to `upToId`, and perhaps a few newer ones (Yjs dedupes).
      upToId = await storage.lastUpdateId(space.id);
    } else {
      const caught = await cluster.catchUp(space);
      upToId = caught.rows >= minRows ? caught.upToId : null;
      this.tally(space).rows = caught.rows;
    }
    if (upToId === null || !this.deps.isLoaded(space)) return;
    // A rebuild (Relay.rebuild) awaits the same flush: while it holds the space, the document may
    // still carry part of an update the rebuild is about to throw away, which must not become a
    // snapshot. Leave it; the next stored update schedules the compaction again.
    if (space.held !== null) return;
    const started = Date.now();
    const snapshot = space.snapshot();
    const stateVector = space.stateVector();
    snapshotTaken();
    const tally = this.tally(space);
    const rowsAtSnapshot = tally.rows;
    const bytesAtSnapshot = tally.bytesSinceSnapshot;
    const result = await this.checker.check(snapshot, stateVector);
    if (this.erasedIds.has(space.id)) return;
    if (!result.ok) {
      metrics.compactionsRefused += 1;
      log('space.compaction-refused', { space: short(space.id), error: result.error });
      return;
    }
    await storage.replaceWithSnapshot(space.id, snapshot, upToId);
    tally.rows = 1 + Math.max(0, tally.rows - rowsAtSnapshot);
    tally.snapshotBytes = snapshot.byteLength;
    tally.bytesSinceSnapshot = Math.max(0, tally.bytesSinceSnapshot - bytesAtSnapshot);
    metrics.compactions += 1;
    log('space.compacted', {
      space: short(space.id),
      rows: rowsAtSnapshot,
      bytes: snapshot.byteLength,
      ms: Date.now() - started,
    });
    // Rows stored while the check ran are not in this snapshot; a burst that ended meanwhile
    // would otherwise wait for the next write to be compacted.
    if (this.deps.isLoaded(space)) this.scheduleIfDue(space);
  }
}
