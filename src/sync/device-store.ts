/**
 * Settings that belong to this device, not to the network: kept in a small IndexedDB database
 * of their own (never in the synced document), because the service worker must read them too
 * and it has no localStorage. Reminders keep here their settings, the relay to reach (a copy
 * of this device's sync credentials, so the worker can hand the relay the next wake times),
 * and the times last handed over.
 */
import type { ReminderSettings } from '../model/rules/reminders.ts';
import { readReminderSettings } from '../model/rules/reminders.ts';
import type { SpaceCredentials } from './relay-api.ts';

const DB_NAME = 'rapport-device';
const STORE = 'settings';
const REMINDERS = 'reminders';

export interface ReminderRecord {
  settings: ReminderSettings;
  /** Null while sync is off on this device: reminders then cannot arrive. */
  relay: SpaceCredentials | null;
  /** The wake times the relay last accepted (epoch ms). */
  sent: number[];
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

const isCredentials = (v: unknown): v is SpaceCredentials =>
  typeof v === 'object' &&
  v !== null &&
  ['relayUrl', 'spaceId', 'deviceId', 'token'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

export async function loadReminderRecord(): Promise<ReminderRecord> {
  const raw = (await run('readonly', (s) => s.get(REMINDERS))) as Partial<ReminderRecord> | undefined;
  return {
    settings: readReminderSettings(raw?.settings),
    relay: isCredentials(raw?.relay) ? raw.relay : null,
    sent: Array.isArray(raw?.sent) ? raw.sent.filter((n): n is number => typeof n === 'number') : [],
  };
}

export async function saveReminderRecord(record: ReminderRecord): Promise<void> {
  await run('readwrite', (s) => s.put(record, REMINDERS));
}
