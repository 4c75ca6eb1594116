/**
 * The document's copy on this device, in IndexedDB. y-indexeddb loads it; the writes are ours,
 * because y-indexeddb neither says when an edit has reached the disk nor notices when a write
 * fails (quota full, transaction aborted, database closed by the browser). Here a change is
 * "saved" only once a write holding it has committed; until then it is kept in memory, and a
 * failed write is reported with its reason and tried again.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

export const DEFAULT_DB_NAME = 'rapport-space';
const UPDATES = 'updates';
/** Past this many stored entries the copy is compacted into one (y-indexeddb's own threshold). */
const COMPACT_AT_ENTRIES = 500;
/** Waits before trying a failed write again: a few seconds at first, then at most a minute. */
const RETRY_MS = [2000, 5000, 15_000, 60_000];

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

/** What a person can act on, from the error a write failed with. */
export function describeWriteFailure(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'this device’s storage for Rapport is full';
  if (name === 'InvalidStateError') return 'the browser closed Rapport’s database';
  if (name === 'AbortError') return 'the browser stopped the write';
  return 'the browser refused the write';
}

export interface LocalCopy {
  /** Resolves once the stored document has been loaded into `doc`. */
  loaded: Promise<void>;
  /** Resolves when every edit made so far is committed to IndexedDB. */
  flushed(): Promise<void>;
  /** Replaces the stored entries by one snapshot of the document. */
  compact(): Promise<void>;
  /** How many entries IndexedDB holds for this document (it grows until compacted). */
  storedEntries(): Promise<number>;
  destroy(): Promise<void>;
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function makeLocalCopy(doc: Y.Doc, opts: { name?: string; onSaveState?: (state: SaveState) => void } = {}): LocalCopy {
  const persistence = new IndexeddbPersistence(opts.name ?? DEFAULT_DB_NAME, doc);
  // y-indexeddb's own writer is never used (see the top of this file). Ours listens only once
  // loaded: while a document has any 'update' listener, Yjs encodes every transaction for it,
  // and loading 10,000 people would encode them all once more (a third of the load). A change
  // made meanwhile by someone else is noted, and stored whole.
  doc.off('update', persistence._storeUpdate);
  let changedWhileLoading = false;
  let destroyed = false;
  const noteChange = (tx: Y.Transaction) => {
    if (tx.origin === persistence) return;
    const added = [...tx.afterState].some(([client, clock]) => (tx.beforeState.get(client) ?? 0) !== clock);
    if (added || tx.deleteSet.clients.size > 0) changedWhileLoading = true;
  };
  doc.on('afterTransaction', noteChange);
  const database = (): IDBDatabase => {
    if (!persistence.db) throw new Error('The local database is not open yet.');
    return persistence.db;
  };

  let state: SaveState = { kind: 'saved' };
  const report = (next: SaveState) => {
    if (next.kind === state.kind && (next.kind !== 'failed' || state.kind !== 'failed' || next.reason === state.reason)) return;
    state = next;
    opts.onSaveState?.(next);
  };
  /** Changes not yet confirmed on disk, oldest first. */
  let unsaved: Uint8Array[] = [];
  let writing: Promise<void> | null = null;
  let lastError: unknown = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let compactTimer: ReturnType<typeof setTimeout> | undefined;

  /** Writes what is unsaved in one transaction; one write at a time, so entries keep their order. */
  const write = () => {
    if (writing !== null || unsaved.length === 0 || destroyed) return;
    clearTimeout(retryTimer);
    const batch = unsaved.length;
    writing = (async () => {
      const tx = database().transaction([UPDATES], 'readwrite');
      const done = transactionDone(tx);
      const store = tx.objectStore(UPDATES);
      try {
        for (const update of unsaved.slice(0, batch)) store.add(update);
      } catch (error) {
        tx.abort();
        await done.catch(() => undefined);
        throw error;
      }
      await done;
    })().then(
      () => {
        writing = null;
        lastError = null;
        failures = 0;
        unsaved = unsaved.slice(batch);
        persistence._dbsize += batch;
        if (persistence._dbsize >= COMPACT_AT_ENTRIES) scheduleCompact();
        if (unsaved.length) write();
        else report({ kind: 'saved' });
      },
      (error: unknown) => {
        writing = null;
        lastError = error;
        report({ kind: 'failed', reason: describeWriteFailure(error) });
        retryTimer = setTimeout(write, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
      },
    );
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === persistence) return;
    unsaved.push(update);
    if (state.kind === 'saved') report({ kind: 'saving' });
    // A failing store is retried by the next edit too: the user may have freed space.
    write();
  };
  const scheduleCompact = () => {
    clearTimeout(compactTimer);
    compactTimer = setTimeout(() => void compact().catch(() => undefined), 1000);
  };

  /** Resolves once every change made so far is committed to IndexedDB; rejects while writes fail. */
  const flushed = async () => {
    await loaded;
    for (;;) {
      if (writing !== null) await writing;
      else if (unsaved.length === 0) return;
      else if (lastError !== null) throw lastError;
      else write();
    }
  };
  /**
   * Replaces the stored rows by one snapshot. Another tab may have stored rows
   * since this one loaded that have not reached this document yet: they are read
   * and applied first, in the same transaction, so that the snapshot holds them.
   */
  const compact = async () => {
    await persistence.whenSynced;
    const tx = database().transaction([UPDATES], 'readwrite');
    const store = tx.objectStore(UPDATES);
    const newer = await requestDone(store.getAll(IDBKeyRange.lowerBound(persistence._dbref)));
    Y.transact(doc, () => newer.forEach((update: Uint8Array) => Y.applyUpdate(doc, update)), persistence, false);
    // The snapshot holds every change made so far, saved or not.
    const held = unsaved.length;
    const key = await requestDone(store.add(Y.encodeStateAsUpdate(doc)));
    store.delete(IDBKeyRange.upperBound(key, true));
    await transactionDone(tx);
    persistence._dbref = Number(key) + 1;
    persistence._dbsize = 1;
    if (writing === null) {
      unsaved = unsaved.slice(held);
      if (unsaved.length === 0) {
        lastError = null;
        report({ kind: 'saved' });
      }
    }
  };

  const loaded = persistence.whenSynced.then(async () => {
    doc.off('afterTransaction', noteChange);
    if (destroyed) return;
    doc.on('update', onUpdate);
    // A failed compaction must not keep the app from opening; openSpace compacts again shortly.
    if (changedWhileLoading) await compact().catch(() => undefined);
  });

  const storedEntries = async () => {
    await persistence.whenSynced;
    return requestDone(database().transaction([UPDATES], 'readonly').objectStore(UPDATES).count());
  };

  return {
    loaded,
    flushed,
    compact,
    storedEntries,
    async destroy() {
      destroyed = true;
      clearTimeout(retryTimer);
      clearTimeout(compactTimer);
      doc.off('afterTransaction', noteChange);
      doc.off('update', onUpdate);
      await persistence.destroy();
    },
  };
}
