/**
 * sync/'s one error channel: background work that fails without breaking anything
 * (a compaction, another tab's unreadable message) reaches `onError` instead of vanishing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { add, readAll } from '../../src/store/index.ts';
import type { SyncErrorContext } from '../../src/sync/errors.ts';
import { makeLocalCopy } from '../../src/sync/local.ts';
import { makeTabSync } from '../../src/sync/tabs.ts';

let dbCounter = 0;
const freshName = () => `rapport-errors-test-${++dbCounter}`;

/** Makes the read that only compaction does (the rows stored since loading) fail as a closing browser fails it. */
function failCompactionReads(): () => void {
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    if (args.length > 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
    return getAll.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.getAll = getAll;
  };
}

describe('the sync layer’s error channel', () => {
  it('hands a failed compaction to onError, and the copy still opens and saves', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const errors: [unknown, SyncErrorContext][] = [];
    const restore = failCompactionReads();
    try {
      const copy = makeLocalCopy(doc, { name, onError: (error, context) => errors.push([error, context]) });
      add(doc, 'contacts', { name: 'Ana' }); // while loading: the loaded copy is compacted at once
      await copy.loaded;
      expect(errors).toHaveLength(1);
      const [error, context] = errors[0]!;
      expect(context).toBe('compact');
      expect(error).toBeInstanceOf(DOMException);
      expect((error as DOMException).name).toBe('InvalidStateError');
      restore();
      // Nothing broke: the edit is kept and saved.
      add(doc, 'contacts', { name: 'Bo' });
      await copy.flushed();
      await copy.destroy();
    } finally {
      restore();
    }
    const again = new Y.Doc();
    const reopened = makeLocalCopy(again, { name });
    await reopened.loaded;
    expect(
      readAll(again, 'contacts')
        .items.map((c) => c.name)
        .sort(),
    ).toEqual(['Ana', 'Bo']);
    await reopened.destroy();
  });

  it('hands a compaction that fails after many saved edits to onError', async () => {
    const doc = new Y.Doc();
    let reported!: (value: [unknown, SyncErrorContext]) => void;
    const heard = new Promise<[unknown, SyncErrorContext]>((resolve) => (reported = resolve));
    const copy = makeLocalCopy(doc, { name: freshName(), onError: (error, context) => reported([error, context]) });
    await copy.loaded;
    const restore = failCompactionReads();
    try {
      // Enough stored entries that the copy compacts itself shortly after they are saved.
      for (let i = 0; i < 500; i++) add(doc, 'contacts', { name: `Person ${i}` });
      await copy.flushed();
      const [error, context] = await heard;
      expect(context).toBe('compact');
      expect((error as DOMException).name).toBe('InvalidStateError');
    } finally {
      restore();
    }
    await copy.destroy();
  });

  it('hands a greeting from another tab that cannot be read to onError, and still answers the next', async () => {
    const channelName = `rapport-errors-test-${++dbCounter}`;
    const doc = new Y.Doc();
    add(doc, 'contacts', { name: 'Bea' });
    const errors: [unknown, SyncErrorContext][] = [];
    const stop = makeTabSync(doc, { channelName, onError: (error, context) => errors.push([error, context]) });
    const otherTab = new BroadcastChannel(channelName);
    const theirs = new Y.Doc();
    const answered = new Promise<void>((resolve) => {
      otherTab.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: string; update?: Uint8Array };
        if (data.type === 'update' && data.update) {
          Y.applyUpdate(theirs, data.update);
          resolve();
        }
      };
    });
    // A state vector this tab cannot read (another version, say), then a good one.
    otherTab.postMessage({ type: 'hello', stateVector: new Uint8Array([255, 255, 255, 255]) });
    otherTab.postMessage({ type: 'hello', stateVector: Y.encodeStateVector(theirs) });
    await answered;
    expect(readAll(theirs, 'contacts').items.map((c) => c.name)).toEqual(['Bea']);
    expect(errors.map(([, context]) => context)).toEqual(['tab-message']);
    otherTab.close();
    stop();
  });

  it('hands a message from another tab that cannot be read to onError, and still applies the next', async () => {
    const channelName = `rapport-errors-test-${++dbCounter}`;
    const doc = new Y.Doc();
    const errors: [unknown, SyncErrorContext][] = [];
    const stop = makeTabSync(doc, { channelName, onError: (error, context) => errors.push([error, context]) });
    const applied = new Promise<void>((resolve) => doc.once('update', () => resolve()));
    const otherTab = new BroadcastChannel(channelName);
    const theirs = new Y.Doc();
    add(theirs, 'contacts', { name: 'Ana' });
    // Messages from one tab arrive in order: once the good one is applied, the bad one has been handled.
    otherTab.postMessage({ type: 'update', update: new Uint8Array([255, 255, 255, 255]) });
    otherTab.postMessage({ type: 'update', update: Y.encodeStateAsUpdate(theirs) });
    await applied;
    expect(readAll(doc, 'contacts').items.map((c) => c.name)).toEqual(['Ana']);
    expect(errors).toHaveLength(1);
    expect(errors[0]![1]).toBe('tab-message');
    expect(errors[0]![0]).toBeInstanceOf(Error);
    otherTab.close();
    stop();
  });
});
