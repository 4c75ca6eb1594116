/**
 * What of a document the envelope's entries are known to hold: per client the range of clocks,
 * and the deletions. The catch-up seals only what lies beyond it (a device's changes made before
 * private sync, or sealed while it was offline into an envelope that was closed before it
 * reached the relay).
 *
 * Deletions need their own record: a change that only removes (a field cleared on the card, a
 * dismissal taken back) adds no clock, so comparing state vectors alone would never find it.
 */
import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>; // Yjs exports the functions, not the type

export class Coverage {
  private readonly ends = new Map<number, number>();
  private deletes: DeleteSet = Y.createDeleteSet();

  /**
   * Notes an update's range and deletions; only ranges that continue from 0 count (a gap means
   * "not covered"). One pass over the update, as reading its range alone would cost.
   */
  add(update: Uint8Array): void {
    const { structs, ds } = Y.decodeUpdate(update);
    let i = 0;
    while (i < structs.length) {
      const client = structs[i]!.id.client;
      const start = structs[i]!.id.clock;
      let end = start;
      for (; i < structs.length && structs[i]!.id.client === client; i++) {
        const s = structs[i]!;
        // A skip is a hole in the update: what follows it is not covered from here.
        if (s instanceof Y.Skip) break;
        end = s.id.clock + s.length;
      }
      while (i < structs.length && structs[i]!.id.client === client) i++;
      const known = this.ends.get(client) ?? 0;
      if (start <= known && end > known) this.ends.set(client, end);
    }
    if (ds.clients.size > 0) this.deletes = Y.mergeDeleteSets([this.deletes, ds]);
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(new Map(this.ends));
  }

  lacks(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
      if ((this.ends.get(client) ?? 0) < clock) return true;
    // Every deletion the document holds must be among the covered ones.
    const held = Y.createDeleteSetFromStructStore(doc.store);
    return !Y.equalDeleteSets(this.deletes, Y.mergeDeleteSets([this.deletes, held]));
  }
}
