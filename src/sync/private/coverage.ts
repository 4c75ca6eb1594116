/**
 * What of a document the envelope's entries are known to hold, per client: the catch-up seals
 * only what lies beyond it (a device's changes made before private sync, or while it was not
 * running the bridge).
 */
import * as Y from 'yjs';

/** Ranges of clocks per client that the envelope's entries are known to hold. */
export class Coverage {
  private readonly ends = new Map<number, number>();

  /** Notes an update's range; only ranges that continue from 0 count (a gap means "not covered"). */
  add(update: Uint8Array): void {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, end] of to) {
      const start = from.get(client) ?? 0;
      const known = this.ends.get(client) ?? 0;
      if (start <= known && end > known) this.ends.set(client, end);
    }
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(new Map(this.ends));
  }

  lacks(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
      if ((this.ends.get(client) ?? 0) < clock) return true;
    return false;
  }
}
