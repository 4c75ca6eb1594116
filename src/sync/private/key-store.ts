/**
 * A private space's keys on this device: its own key pair (the private key non-extractable —
 * IndexedDB keeps the CryptoKey object itself, which cannot be read out) and the epoch keys it
 * holds. In an IndexedDB database of their own, never in the synced document, never sent.
 */
import type { DeviceKeys, EpochKey } from './keys.ts';

const DB_NAME = 'rapport-keys';
const STORE = 'spaces';

export interface SpaceKeys {
  device: DeviceKeys;
  epochs: EpochKey[];
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

const isKey = (v: unknown): v is CryptoKey => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey;

function read(raw: unknown): SpaceKeys | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { device, epochs } = raw as Partial<SpaceKeys>;
  if (
    !device ||
    !isKey(device.privateKey) ||
    !isKey(device.publicKey) ||
    !(device.publicRaw instanceof Uint8Array) ||
    !Array.isArray(epochs)
  )
    return null;
  const valid = epochs.filter(
    (e): e is EpochKey => typeof e?.eid === 'number' && typeof e.n === 'number' && isKey(e.key),
  );
  return valid.length ? { device, epochs: valid } : null;
}

export async function loadSpaceKeys(spaceId: string): Promise<SpaceKeys | null> {
  return read(await run('readonly', (s) => s.get(spaceId)));
}

export async function saveSpaceKeys(spaceId: string, keys: SpaceKeys): Promise<void> {
  await run('readwrite', (s) =>
    s.put({ device: keys.device, epochs: keys.epochs.map(({ eid, n, key }) => ({ eid, n, key })) }, spaceId),
  );
}

export async function forgetSpaceKeys(spaceId: string): Promise<void> {
  await run('readwrite', (s) => s.delete(spaceId));
}
