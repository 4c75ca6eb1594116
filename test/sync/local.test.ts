import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { add, addMany, readAll, update, type ReadAll } from '../../src/store/index.ts';
import { makeLocalCopy, type SaveState } from '../../src/sync/local.ts';

let dbCounter = 0;
const freshName = () => `rapport-test-${++dbCounter}`;

async function open(name: string) {
  const doc = new Y.Doc();
  const states: SaveState[] = [];
  const copy = makeLocalCopy(doc, { name, onSaveState: (s) => states.push(s) });
  await copy.loaded;
  return { doc, copy, states };
}

const names = (r: ReadAll<'contacts'>) => r.items.map((c) => c.name).sort();

describe('the local copy in IndexedDB', () => {
  it('gives back on reopen every edit made before closing', async () => {
    const name = freshName();
    const first = await open(name);
    const ana = add(first.doc, 'contacts', { name: 'Ana' });
    add(first.doc, 'contacts', { name: 'Bo' });
    if (!ana.ok) throw new Error('create failed');
    update(first.doc, 'contacts', ana.value.id, { role: 'CTO' });
    await first.copy.flushed();
    await first.copy.destroy();

    const second = await open(name);
    expect(names(readAll(second.doc, 'contacts'))).toEqual(['Ana', 'Bo']);
    expect(readAll(second.doc, 'contacts').items.find((c) => c.name === 'Ana')?.role).toBe('CTO');
    await second.copy.destroy();
  });

  it('stores a large network in pieces and loads it back a piece at a time, letting others run in between', async () => {
    const name = freshName();
    const first = await open(name);
    addMany(
      first.doc,
      'contacts',
      Array.from({ length: 3000 }, (_, i) => ({ name: `Person ${i}`, role: 'Engineer', tags: ['a', 'b'] })),
    );
    await first.copy.flushed();
    expect(first.copy.worthCompacting()).toBe(false);
    await first.copy.compact();
    expect(await first.copy.storedEntries()).toBeGreaterThan(3);
    await first.copy.destroy();

    const doc = new Y.Doc();
    const copy = makeLocalCopy(doc, { name });
    let turns = 0;
    let loading = true;
    void copy.loaded.then(() => (loading = false));
    const other = async () => {
      while (loading) {
        turns++;
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    await Promise.all([copy.loaded, other()]);
    expect(readAll(doc, 'contacts').items).toHaveLength(3000);
    expect(copy.worthCompacting()).toBe(false);
    expect(turns).toBeGreaterThan(1);
    await copy.destroy();
  });

  it('keeps an edit made while the stored copy is still loading', async () => {
    const name = freshName();
    const first = await open(name);
    add(first.doc, 'contacts', { name: 'Ana' });
    await first.copy.flushed();
    await first.copy.destroy();

    const doc = new Y.Doc();
    const copy = makeLocalCopy(doc, { name });
    add(doc, 'contacts', { name: 'Bo' }); // before the stored copy has loaded
    await copy.loaded;
    add(doc, 'contacts', { name: 'Cy' });
    await copy.flushed();
    expect(names(readAll(doc, 'contacts'))).toEqual(['Ana', 'Bo', 'Cy']);
    await copy.destroy();

    const again = await open(name);
    expect(names(readAll(again.doc, 'contacts'))).toEqual(['Ana', 'Bo', 'Cy']);
    await again.copy.destroy();
  });

  it('compacting keeps what another tab stored since this one loaded, even before it arrived here', async () => {
    const name = freshName();
    const tabA = await open(name);
    const tabB = await open(name);
    add(tabB.doc, 'contacts', { name: 'From tab B' });
    await tabB.copy.flushed();
    // Tab A has not heard of it (no BroadcastChannel here); its compaction must not drop B's row.
    expect(readAll(tabA.doc, 'contacts').items).toEqual([]);
    await tabA.copy.compact();
    expect(await tabA.copy.storedEntries()).toBe(1);
    await tabA.copy.destroy();
    await tabB.copy.destroy();
    const again = await open(name);
    expect(names(readAll(again.doc, 'contacts'))).toEqual(['From tab B']);
    await again.copy.destroy();
  });

  it('reports "saving" then "saved" for a local edit', async () => {
    const { doc, copy, states } = await open(freshName());
    add(doc, 'contacts', { name: 'Ana' });
    expect(states).toEqual([{ kind: 'saving' }]);
    await copy.flushed();
    expect(states).toEqual([{ kind: 'saving' }, { kind: 'saved' }]);
    await copy.destroy();
  });

  it('says "not saved" with the reason while writes fail, keeps the change, and turns "saved" only once a write commits', async () => {
    const name = freshName();
    const { doc, copy, states } = await open(name);
    add(doc, 'contacts', { name: 'Kept before' });
    await copy.flushed();
    // The store is full: every write IndexedDB is asked for fails, as the browser fails it.
    const idbAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      add(doc, 'contacts', { name: 'Typed while full' });
      await expect(copy.flushed()).rejects.toThrow(/quota/);
      expect(states.at(-1)).toEqual({ kind: 'failed', reason: 'this device’s storage for Rapport is full' });
      // Still in memory, so on screen and not lost.
      expect(names(readAll(doc, 'contacts'))).toEqual(['Kept before', 'Typed while full']);
    } finally {
      IDBObjectStore.prototype.add = idbAdd;
    }
    // Space freed: the next edit tries again, and both reach the disk.
    add(doc, 'contacts', { name: 'After' });
    await copy.flushed();
    expect(states.at(-1)).toEqual({ kind: 'saved' });
    await copy.destroy();
    const again = await open(name);
    expect(names(readAll(again.doc, 'contacts'))).toEqual(['After', 'Kept before', 'Typed while full']);
    await again.copy.destroy();
  });

  it('retries a failed write by itself', async () => {
    const { doc, copy, states } = await open(freshName());
    const idbAdd = IDBObjectStore.prototype.add;
    let refusals = 1;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (refusals-- > 0) throw new DOMException('aborted', 'AbortError');
      return idbAdd.apply(this, args);
    };
    try {
      add(doc, 'contacts', { name: 'Ana' });
      await expect.poll(() => states.at(-1)).toEqual({ kind: 'failed', reason: 'the browser stopped the write' });
      await expect.poll(() => states.at(-1), { timeout: 30_000 }).toEqual({ kind: 'saved' });
    } finally {
      IDBObjectStore.prototype.add = idbAdd;
    }
    await copy.destroy();
  });

  it('does not grow by an entry on every load once compacted', async () => {
    const name = freshName();
    const counts: number[] = [];
    for (let load = 0; load < 5; load++) {
      const { doc, copy } = await open(name);
      if (load === 0) add(doc, 'contacts', { name: 'Ana' });
      await copy.compact();
      counts.push(await copy.storedEntries());
      await copy.destroy();
    }
    expect(counts).toEqual([1, 1, 1, 1, 1]);
    const last = await open(name);
    expect(names(readAll(last.doc, 'contacts'))).toEqual(['Ana']);
    await last.copy.destroy();
  });
});
