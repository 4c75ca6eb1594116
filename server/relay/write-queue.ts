/**
 * Group commit: updates applied during one turn of the event loop are appended to storage in one
 * transaction, and only then broadcast. Anything a client ever received is therefore on disk,
 * even if the relay is killed the next instant. `flush()` may also be called synchronously, e.g.
 * before answering a sync step 1, whose answer must not contain unstored updates.
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

  constructor(
    private readonly storage: Storage,
    private readonly hooks: WriteQueueHooks,
  ) {}

  enqueue(space: Space, update: Uint8Array, origin: SpaceMember | null): void {
    this.pending.push({ space, update, origin });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  hasPendingFor(space: Space): boolean {
    return this.pending.some((p) => p.space === space);
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const started = process.hrtime.bigint();
    try {
      this.storage.appendUpdates(batch.map((p) => ({ spaceId: p.space.id, data: p.update })));
    } catch (error) {
      this.hooks.failed(new Set(batch.map((p) => p.space)), error);
      return;
    }
    this.hooks.observeWrite(Number(process.hrtime.bigint() - started) / 1e9, batch.length);
    for (const p of batch) this.hooks.delivered(p.space, p.update, p.origin);
  }
}
