/**
 * Persistent storage: without it a browser may clear the app's IndexedDB when the
 * disk runs low (and Safari after seven days without a visit). We ask once the
 * space holds something worth keeping, not on a first empty visit: some browsers
 * ask the person, and a question about nothing is noise.
 */
import type * as Y from 'yjs';
import { allCollectionMaps, isOrigin, isOwnChange, meMap } from '../store/index.ts';
import { makeObservable } from './observable.ts';

type PersistState = 'unknown' | 'granted' | 'not-granted' | 'unsupported';

export const persistState = makeObservable<PersistState>('unknown');

interface StorageUse {
  usage: number;
  quota: number;
}

const storage = (): StorageManager | null =>
  typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;

/** Reads whether storage is persistent, without asking for it. */
export async function readPersistState(): Promise<PersistState> {
  const s = storage();
  const state: PersistState = s?.persisted ? ((await s.persisted()) ? 'granted' : 'not-granted') : 'unsupported';
  persistState.set(state);
  return state;
}

/** Asks the browser to keep this origin's data (Chromium decides silently, Firefox asks the person). */
export async function requestPersistence(): Promise<PersistState> {
  const s = storage();
  if (!s?.persist) {
    persistState.set('unsupported');
    return 'unsupported';
  }
  const state: PersistState = (await s.persist()) ? 'granted' : 'not-granted';
  persistState.set(state);
  return state;
}

export async function estimateStorage(): Promise<StorageUse | null> {
  const s = storage();
  if (!s?.estimate) return null;
  const { usage = 0, quota = 0 } = await s.estimate();
  return { usage, quota };
}

function hasData(doc: Y.Doc): boolean {
  return meMap(doc).size > 0 || allCollectionMaps(doc).some((map) => map.size > 0);
}

/** Requests persistence now if the space holds data, else on the first edit made here. */
export function persistWhenUseful(doc: Y.Doc, onError: (error: unknown) => void): () => void {
  const ask = () =>
    void readPersistState()
      .then((s) => (s === 'not-granted' ? requestPersistence() : s))
      .catch(onError);
  if (hasData(doc)) {
    ask();
    return () => undefined;
  }
  void readPersistState().catch(onError);
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!isOwnChange(origin) || (isOrigin(origin) && origin.kind === 'migration')) return;
    doc.off('update', onUpdate);
    ask();
  };
  doc.on('update', onUpdate);
  return () => doc.off('update', onUpdate);
}
