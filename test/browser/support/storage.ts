/**
 * What a device keeps, read and written behind the app's back: localStorage, IndexedDB, and a
 * store that refuses writes as a full disk does. Not on screen, so not in the page models.
 */
import type { BrowserContext } from 'playwright-core';
import { seedIndexedDb } from '../../../bench/support/seed-browser.ts';
import { envelopeDbName } from '../../../src/sync/private/connect.ts';
import type { App } from '../pages/app.ts';

export function localStorageItem(app: App, key: string): Promise<string | null> {
  return app.page.evaluate((k) => localStorage.getItem(k), key);
}

export async function setLocalStorageItem(app: App, key: string, value: string): Promise<void> {
  await app.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value] as const);
}

export async function clearLocalStorage(app: App): Promise<void> {
  await app.page.evaluate(() => localStorage.clear());
}

export interface StoredSyncCredentials {
  relayUrl: string;
  spaceId: string;
  deviceId: string;
  token: string;
}

/** The relay credentials this device keeps (`rapport.sync`). */
export async function syncCredentials(app: App): Promise<StoredSyncCredentials> {
  return JSON.parse((await localStorageItem(app, 'rapport.sync')) ?? '{}') as StoredSyncCredentials;
}

/** Puts a whole document into this device's IndexedDB, as if it had been edited here. */
export function seedNetwork(app: App, update: Uint8Array): Promise<void> {
  return seedIndexedDb(app.page, update);
}

/** The epoch keys a device keeps in its IndexedDB (they are extractable; its own private key is not). */
export async function storedEpochKeys(app: App, spaceId: string): Promise<{ eid: number; n: number; raw: number[] }[]> {
  return app.page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('rapport-keys');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const record = await new Promise<{
      epochs: { eid: number; n: number; key: CryptoKey }[];
      device: { privateKey: CryptoKey };
    }>((resolve, reject) => {
      const req = db.transaction('spaces').objectStore('spaces').get(id);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    if (record.device.privateKey.extractable) throw new Error('the device private key is extractable');
    return Promise.all(
      record.epochs.map(async (e) => ({
        eid: e.eid,
        n: e.n,
        raw: Array.from(new Uint8Array(await crypto.subtle.exportKey('raw', e.key))),
      })),
    );
  }, spaceId);
}

/** How many bytes the copy of the sealed envelope kept in the device's IndexedDB holds. */
export function keptEnvelopeBytes(app: App, spaceId: string): Promise<number> {
  return app.page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return 0;
      const rows = await new Promise<Uint8Array[]>((resolve, reject) => {
        const req = db.transaction('updates').objectStore('updates').getAll();
        req.onsuccess = () => resolve(req.result as Uint8Array[]);
        req.onerror = () => reject(req.error);
      });
      return rows.reduce((n, r) => n + r.byteLength, 0);
    } finally {
      db.close();
    }
  }, envelopeDbName(spaceId));
}

/** Whether this origin still has a database holding the envelope of `spaceId`. */
export function keepsEnvelope(app: App, spaceId: string): Promise<boolean> {
  return app.page.evaluate(
    async (name) => (await indexedDB.databases()).some((d) => d.name === name),
    envelopeDbName(spaceId),
  );
}

/**
 * Makes IndexedDB writes in every page of `context` refusable, as a full store refuses them: the
 * real IDBObjectStore.add throws QuotaExceededError while `refuseWrites(app, true)` is in force.
 */
export async function makeWritesRefusable(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if ((globalThis as { refuseWrites?: boolean }).refuseWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
  });
}

/**
 * Makes reading a private space's keys fail in every page of `context`, as a failing disk does:
 * while `refuseKeyReads(app, true)` is in force (it lasts across reopening the app), the real
 * IDBObjectStore.get of the key store throws.
 */
export async function makeKeyReadsRefusable(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      if (localStorage.getItem('test.refuseKeyReads') === 'yes' && this.transaction.db.name === 'rapport-keys')
        throw new DOMException('The disk could not be read.', 'UnknownError');
      return get.apply(this, args);
    };
  });
}

export async function refuseKeyReads(app: App, refuse: boolean): Promise<void> {
  await setLocalStorageItem(app, 'test.refuseKeyReads', refuse ? 'yes' : 'no');
}

/** The disk fills up (true) or is freed (false). */
export async function refuseWrites(app: App, refuse: boolean): Promise<void> {
  await app.page.evaluate((on) => {
    (globalThis as { refuseWrites?: boolean }).refuseWrites = on;
  }, refuse);
}

/** Counts the app's calls of navigator.storage.persist() in every page of `context`. */
export async function countPersistRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __persistCalls: number };
    w.__persistCalls = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      w.__persistCalls++;
      return persist();
    };
  });
}

export function persistRequests(app: App): Promise<number> {
  return app.page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls);
}

/** Waits until the app has asked for persistent storage `count` times. */
export async function waitForPersistRequests(app: App, count: number): Promise<void> {
  await app.page.waitForFunction((n) => (window as unknown as { __persistCalls: number }).__persistCalls === n, count);
}

/** Whether the browser itself says this origin's storage is persistent. */
export function browserPersisted(app: App): Promise<boolean> {
  return app.page.evaluate(() => navigator.storage.persisted());
}
