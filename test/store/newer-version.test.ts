/**
 * Devices on different versions (issue 16 §3): what a newer version adds — an option, a field —
 * is kept and does not make an entry unreadable here; editing here leaves it as it was.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collectionMap, add, readAll, update } from '../../src/store/index.ts';

/** Two devices that have exchanged everything. */
function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('what a newer version wrote', () => {
  it('an option this version does not know reads as its fallback, and stays stored as written', () => {
    const here = new Y.Doc();
    const newer = new Y.Doc();
    const made = add(newer, 'communities', { name: 'Climate buyers', kind: 'online' });
    if (!made.ok) throw new Error('create');
    // The newer version sets an option and a field that this one has never heard of.
    const entry = collectionMap(newer, 'communities').get(made.value.id) as Y.Map<unknown>;
    newer.transact(() => {
      entry.set('kind', 'buyers-club');
      entry.set('favouriteColour', 'teal');
    });
    syncBoth(newer, here);

    const read = readAll(here, 'communities');
    expect(read.problems).toEqual([]);
    expect(read.items.map((c) => [c.name, c.kind])).toEqual([['Climate buyers', 'other']]);

    // Edited here, on the older version: only the edited field is written.
    expect(update(here, 'communities', made.value.id, { name: 'Climate buyers club' }).ok).toBe(true);
    syncBoth(here, newer);
    const stored = collectionMap(newer, 'communities').get(made.value.id) as Y.Map<unknown>;
    expect(stored.get('kind')).toBe('buyers-club');
    expect(stored.get('favouriteColour')).toBe('teal');
    expect(readAll(newer, 'communities').items.map((c) => c.name)).toEqual(['Climate buyers club']);
  });

  it('writing still refuses an option nobody knows', () => {
    const doc = new Y.Doc();
    expect(add(doc, 'communities', { name: 'X', kind: 'buyers-club' as never }).ok).toBe(false);
  });
});
