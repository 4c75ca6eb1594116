/**
 * The document's copy on this device, in IndexedDB through y-indexeddb, plus
 * what y-indexeddb lacks: a signal that an edit has reached the disk, and a
 * store that does not grow by one entry on every page load.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { isOwnChange } from '../store/index.ts';

export const DEFAULT_DB_NAME = 'rapport-space';
const UPDATES = 'updates';

export type SaveState = 'saved' | 'saving';

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
  // While a document has any 'update' listener, Yjs encodes every transaction for it, and
  // y-indexeddb listens from the start: loading 10,000 people then encodes them all once more
  // (a third of the load) for a listener that ignores its own load. So y-indexeddb listens
  // only once loaded; a change made meanwhile by someone else is noted, and stored whole.
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
  let pending = 0;

  /**
   * IndexedDB runs transactions on one store in the order they were created, so
   * a read transaction opened after y-indexeddb's write completes only once that
   * write is committed. `onUpdate` runs after y-indexeddb's listener, which is added first.
   */
  const flushed = async () => {
    await loaded;
    await transactionDone(database().transaction([UPDATES], 'readonly'));
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!isOwnChange(origin) || !persistence.db) return;
    if (pending++ === 0) opts.onSaveState?.('saving');
    flushed()
      .catch(() => undefined) // an aborted transaction leaves the state "saving": honest, and retried by the next edit
      .then(() => {
        if (--pending === 0) opts.onSaveState?.('saved');
      });
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
    const key = await requestDone(store.add(Y.encodeStateAsUpdate(doc)));
    store.delete(IDBKeyRange.upperBound(key, true));
    await transactionDone(tx);
    persistence._dbref = Number(key) + 1;
    persistence._dbsize = 1;
  };

  const loaded = persistence.whenSynced.then(async () => {
    doc.off('afterTransaction', noteChange);
    if (destroyed) return;
    doc.on('update', persistence._storeUpdate);
    doc.on('update', onUpdate); // after y-indexeddb's, which `flushed` relies on
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
      doc.off('afterTransaction', noteChange);
      doc.off('update', onUpdate);
      await persistence.destroy();
    },
  };
}
