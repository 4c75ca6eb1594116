import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodePiece, encodePieces, lastPiece, planPieces } from '../../src/sync/pieces.ts';

const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sorted(x)]),
        )
      : v;

/** Three devices' edits, interleaved, with deletions, text and nested maps. */
function network(): Y.Doc {
  const devices = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const sync = () => {
    for (const a of devices)
      for (const b of devices) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < 3; round++) {
    devices.forEach((d, k) => {
      const people = d.getMap('contacts');
      for (let i = 0; i < 120; i++) {
        const p = new Y.Map<unknown>();
        people.set(`p${round}-${k}-${i}`, p);
        p.set('name', `Person ${i}`);
        p.set('tags', Y.Array.from(['a', 'b']));
        const notes = new Y.Text('met at');
        p.set('notes', notes);
      }
      // Edits inside what other devices made, and deletions.
      let n = 0;
      people.forEach((p, key) => {
        if (n++ % 7 === 0 && p instanceof Y.Map) {
          p.set('name', `${String(p.get('name'))} (${k})`);
          (p.get('notes') as Y.Text).insert(2, ' x');
        }
        if (n % 31 === 0) people.delete(key);
      });
    });
    sync();
  }
  return devices[0]!;
}

describe('a document stored in pieces', () => {
  it('gives the same document when the pieces are applied in order', () => {
    const doc = network();
    const pieces = encodePieces(doc, 200);
    expect(pieces.length).toBeGreaterThan(5);
    const loaded = new Y.Doc();
    for (const piece of pieces) Y.applyUpdate(loaded, piece);
    expect(sorted(loaded.getMap('contacts').toJSON())).toEqual(sorted(doc.getMap('contacts').toJSON()));
    expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
    expect(loaded.store.pendingStructs).toBeNull();
  });

  it('gives the same document in any order, and when the document changed while the pieces were written', () => {
    const doc = network();
    const plan = planPieces(doc, 150);
    const pieces = plan.slice(0, 3).map((r) => encodePiece(doc, r));
    // Edits between pieces: new entries, deletions, edits to what earlier pieces hold.
    doc.getMap('contacts').set('late', 'arrived');
    doc.getMap('contacts').delete([...doc.getMap('contacts').keys()][0]!);
    pieces.push(...plan.slice(3).map((r) => encodePiece(doc, r)), lastPiece(doc, plan));
    for (const order of [pieces, [...pieces].reverse()]) {
      const loaded = new Y.Doc();
      for (const piece of order) Y.applyUpdate(loaded, piece);
      expect(sorted(loaded.getMap('contacts').toJSON())).toEqual(sorted(doc.getMap('contacts').toJSON()));
    }
  });
});
