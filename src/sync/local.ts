/**
 * The document's copy on this device, in IndexedDB, in y-indexeddb's layout (an 'updates'
 * store of Yjs updates, a 'custom' store). Reading and writing are ours: y-indexeddb neither
 * says when an edit has reached the disk nor notices when a write fails (quota full,
 * transaction aborted, database closed by the browser), and it applies the whole stored copy
 * in one task — a second and more on a phone with thousands of people. Here the copy is
 * stored in pieces (src/sync/pieces.ts) and applied a piece at a time, letting the page paint
 * and answer in between; a change is "saved" only once a write holding it has committed;
 * until then it is kept in memory, and a failed write is reported with its reason and tried again.
 */
import * as Y from 'yjs';
import { makeOrigin } from '../store/origin.ts';
import type { OnSyncError } from './errors.ts';
import { encodePiece, lastPiece, planPieces } from './pieces.ts';

const DEFAULT_DB_NAME = 'rapport-space';
const UPDATES = 'updates';
const CUSTOM = 'custom';
/** Stored changes applied while loading, or read back while compacting. */
const FROM_DISK = makeOrigin('indexeddb');
/** Applying or encoding pieces for longer than this lets the page have a turn. */
const SLICE_MS = 40;

/** Gives the browser a turn (input, paint) and comes back at once, even in a hidden tab. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
/** Past this many stored entries the copy is compacted (y-indexeddb's own threshold). */
const COMPACT_AT_ENTRIES = 500;
/** Opening compacts a copy of this many entries or more (each page load adds none; each edit one). */
const COMPACT_ON_OPEN_AT = 50;
/** A stored entry larger than this was not written in pieces (an older version, a seed): it is rewritten. */
const LARGEST_PIECE_BYTES = 256 * 1024;
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
  /** Replaces the stored entries by the document, in pieces that each load in a short task. */
  compact(): Promise<void>;
  /** Whether the stored copy, as loaded, has many entries or one too large to load in a short task. */
  worthCompacting(): boolean;
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

export function makeLocalCopy(
  doc: Y.Doc,
  opts: { name?: string; onSaveState?: (state: SaveState) => void; onError?: OnSyncError } = {},
): LocalCopy {
  const name = opts.name ?? DEFAULT_DB_NAME;
  let db: IDBDatabase | null = null;
  /** The first key this document has not read from the store; rows from it on came from other tabs. */
  let dbref = 0;
  /** Rows in the store, as far as this tab knows. */
  let dbsize = 0;
  /** Whether the stored copy is worth rewriting: many rows, or one too large to apply in one short task. */
  let worthCompacting = false;
  // Our writer listens only once loaded: while a document has any 'update' listener, Yjs encodes
  // every transaction for it, and loading 10,000 people would encode them all once more. A change
  // made meanwhile by someone else is noted, and stored whole.
  let changedWhileLoading = false;
  let destroyed = false;
  const noteChange = (tx: Y.Transaction) => {
    if (tx.origin === FROM_DISK) return;
    const added = [...tx.afterState].some(([client, clock]) => (tx.beforeState.get(client) ?? 0) !== clock);
    if (added || tx.deleteSet.clients.size > 0) changedWhileLoading = true;
  };
  doc.on('afterTransaction', noteChange);
  const database = (): IDBDatabase => {
    if (!db) throw new Error('The local database is not open yet.');
    return db;
  };

  /** Reads the stored rows and applies them a few at a time, the page having a turn in between. */
  const whenSynced = (async () => {
    db = await openDatabase(name);
    if (destroyed) return;
    // As y-indexeddb does: what the document already holds is stored first (nothing, when a space opens).
    const holds = Y.encodeStateVector(doc).length > 1;
    const tx = db.transaction([UPDATES], holds ? 'readwrite' : 'readonly');
    const store = tx.objectStore(UPDATES);
    if (holds) store.add(Y.encodeStateAsUpdate(doc));
    const [updates, keys] = await Promise.all([requestDone(store.getAll()), requestDone(store.getAllKeys())]);
    await transactionDone(tx);
    dbref = keys.length ? Number(keys[keys.length - 1]) + 1 : 0;
    dbsize = keys.length;
    worthCompacting =
      dbsize >= COMPACT_ON_OPEN_AT || updates.some((u: Uint8Array) => u.byteLength > LARGEST_PIECE_BYTES);
    let slice = performance.now();
    for (const update of updates as Uint8Array[]) {
      if (destroyed) return;
      Y.applyUpdate(doc, update, FROM_DISK);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToBrowser();
        slice = performance.now();
      }
    }
  })();

  let state: SaveState = { kind: 'saved' };
  const report = (next: SaveState) => {
    if (next.kind === state.kind && (next.kind !== 'failed' || state.kind !== 'failed' || next.reason === state.reason))
      return;
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
        dbsize += batch;
        if (dbsize >= COMPACT_AT_ENTRIES) scheduleCompact();
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
    if (origin === FROM_DISK) return;
    unsaved.push(update);
    if (state.kind === 'saved') report({ kind: 'saving' });
    // A failing store is retried by the next edit too: the user may have freed space.
    write();
  };
  /** A failed compaction loses nothing (the old rows stay, unsaved changes stay in memory): it is reported, not thrown. */
  const compactReporting = () =>
    compact().catch((error: unknown) => {
      // Silent once destroyed: the database was closed under it on purpose.
      if (!destroyed) opts.onError?.(error, 'compact');
    });
  const scheduleCompact = () => {
    clearTimeout(compactTimer);
    compactTimer = setTimeout(() => void compactReporting(), 1000);
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
   * Replaces the stored rows by the document in pieces (src/sync/pieces.ts), encoded a piece
   * at a time with the page having turns in between. Another tab may have stored rows since
   * this one loaded that have not reached this document yet: they are read and applied first,
   * in the same transaction as the writing, so that the new rows hold them.
   */
  let compacting: Promise<void> | null = null;
  const compact = (): Promise<void> =>
    (compacting ??= (async () => {
      await whenSynced;
      const plan = planPieces(doc);
      const pieces: Uint8Array[] = [];
      let slice = performance.now();
      for (const ranges of plan) {
        pieces.push(encodePiece(doc, ranges));
        if (performance.now() - slice > SLICE_MS) {
          await yieldToBrowser();
          slice = performance.now();
        }
      }
      const tx = database().transaction([UPDATES], 'readwrite');
      const store = tx.objectStore(UPDATES);
      const newer = await requestDone(store.getAll(IDBKeyRange.lowerBound(dbref)));
      Y.transact(doc, () => newer.forEach((update: Uint8Array) => Y.applyUpdate(doc, update)), FROM_DISK, false);
      // The last piece holds every change made so far, saved or not, and every deletion.
      const held = unsaved.length;
      pieces.push(lastPiece(doc, plan));
      const keys = await Promise.all(pieces.map((piece) => requestDone(store.add(piece))));
      store.delete(IDBKeyRange.upperBound(keys[0]!, true));
      await transactionDone(tx);
      dbref = Number(keys[keys.length - 1]) + 1;
      dbsize = pieces.length;
      worthCompacting = false;
      if (writing === null) {
        unsaved = unsaved.slice(held);
        if (unsaved.length === 0) {
          lastError = null;
          report({ kind: 'saved' });
        }
      }
    })().finally(() => {
      compacting = null;
    }));

  const loaded = whenSynced.then(async () => {
    doc.off('afterTransaction', noteChange);
    if (destroyed) return;
    doc.on('update', onUpdate);
    // A failed compaction must not keep the app from opening; openSpace compacts again shortly.
    if (changedWhileLoading) await compactReporting();
  });

  const storedEntries = async () => {
    await whenSynced;
    return requestDone(database().transaction([UPDATES], 'readonly').objectStore(UPDATES).count());
  };

  return {
    loaded,
    flushed,
    compact,
    worthCompacting: () => worthCompacting,
    storedEntries,
    async destroy() {
      destroyed = true;
      clearTimeout(retryTimer);
      clearTimeout(compactTimer);
      doc.off('afterTransaction', noteChange);
      doc.off('update', onUpdate);
      // Silent: a failed load already rejected `loaded`, which the opener sees; here it only means nothing to close.
      await whenSynced.catch(() => undefined);
      db?.close();
    },
  };
}
