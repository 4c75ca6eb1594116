/**
 * Group commit: updates applied while a batch is being written (or during one turn of the event
 * loop) are appended to storage in the next transaction, and only once it is durable are they
 * broadcast. Anything a client ever received is therefore stored, even if the relay is killed the
 * next instant. One batch is written at a time, so rows land in the order they were applied.
 * `stored(space)` says when everything enqueued for a space so far is written: an answer to a
 * sync step 1 waits for it, so it never contains an update that is not yet stored.
 */
import type { Storage } from '../storage/types.ts';
import type { Space, SpaceMember } from './space.ts';

interface Pending {
  readonly space: Space;
  readonly update: Uint8Array;
  readonly origin: SpaceMember | null;
}

interface WriteQueueHooks {
  /** Called after a batch is durable, once per update: count it for compaction, send it to the space's members. */
  readonly delivered: (space: Space, update: Uint8Array, origin: SpaceMember | null) => void;
  /** Storage refused the batch; the spaces' memory is now ahead of disk. */
  readonly failed: (spaces: ReadonlySet<Space>, error: unknown) => void;
  readonly observeWrite: (seconds: number, rows: number) => void;
}

export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private writing = false;
  /** Sequence number of the last update enqueued, and of the last whose batch has settled. */
  private enqueued = 0;
  private settled = 0;
  /** Per space, the sequence number of its last update not yet settled. */
  private readonly lastOf = new Map<Space, number>();
  private waiters: { seq: number; resolve: () => void }[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly hooks: WriteQueueHooks,
  ) {}

  enqueue(space: Space, update: Uint8Array, origin: SpaceMember | null): void {
    this.pending.push({ space, update, origin });
    this.lastOf.set(space, ++this.enqueued);
    this.schedule();
  }

  /**
   * Null when nothing enqueued for the space is still unwritten (the caller may answer at once);
   * otherwise a promise that resolves once all of it has been written — or has failed, in which
   * case the `failed` hook has run first and the space's connections are closed.
   */
  stored(space: Space): Promise<void> | null {
    const seq = this.lastOf.get(space);
    return seq === undefined ? null : this.until(seq);
  }

  /** Resolves once everything enqueued so far has been written (or has failed). */
  drain(): Promise<void> {
    return this.until(this.enqueued);
  }

  private until(seq: number): Promise<void> {
    if (seq <= this.settled) return Promise.resolve();
    this.schedule();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = this.pending;
    this.pending = [];
    const last = this.enqueued;
    const started = process.hrtime.bigint();
    let error: unknown = null;
    try {
      await this.storage.appendUpdates(batch.map((p) => ({ spaceId: p.space.id, data: p.update })));
    } catch (caught) {
      error = caught ?? new Error('storage write failed');
    }
    this.writing = false;
    this.settled = last;
    for (const p of batch) {
      const seq = this.lastOf.get(p.space);
      if (seq !== undefined && seq <= last) this.lastOf.delete(p.space);
    }
    const failed = error === null ? null : new Set(batch.map((p) => p.space));
    if (failed !== null) {
      // What these spaces queued while the batch was written came after an update that is not
      // stored: it must be neither written nor broadcast (the spaces are dropped). Their waiters
      // are released below, with the failure.
      this.pending = this.pending.filter((p) => !failed.has(p.space));
      for (const space of failed) this.lastOf.delete(space);
      if (this.pending.length === 0) this.settled = this.enqueued;
    }
    try {
      if (failed !== null) {
        this.hooks.failed(failed, error);
      } else {
        this.hooks.observeWrite(Number(process.hrtime.bigint() - started) / 1e9, batch.length);
        for (const p of batch) this.hooks.delivered(p.space, p.update, p.origin);
      }
    } finally {
      const ready = this.waiters.filter((w) => w.seq <= this.settled);
      this.waiters = this.waiters.filter((w) => w.seq > this.settled);
      for (const w of ready) w.resolve();
    }
    // What arrived while this batch was written goes in the next one, without waiting for a turn.
    if (this.pending.length > 0) void this.write();
  }
}
