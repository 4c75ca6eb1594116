import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import type {
  DeviceRecord,
  NewUpdate,
  PairingRecord,
  PushSubscriptionRecord,
  RedeemResult,
  SpaceRecord,
  Storage,
  StoredUpdate,
  WakeRecord,
} from './types.ts';
import { asBuffer, toDevice, type DeviceRow } from './rows.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS spaces (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  space_id TEXT NOT NULL REFERENCES spaces(id),
  name TEXT NOT NULL,
  secret_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS devices_space ON devices(space_id);
CREATE TABLE IF NOT EXISTS pairings (
  code_hash BLOB PRIMARY KEY,
  space_id TEXT NOT NULL REFERENCES spaces(id),
  created_by TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS pairings_space ON pairings(space_id);
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  space_id TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS updates_space ON updates(space_id, id);
CREATE TABLE IF NOT EXISTS push_subscriptions (
  device_id TEXT PRIMARY KEY REFERENCES devices(id),
  endpoint TEXT NOT NULL,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS push_wakes (
  device_id TEXT NOT NULL REFERENCES push_subscriptions(device_id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  PRIMARY KEY (device_id, at)
) STRICT;
CREATE INDEX IF NOT EXISTS push_wakes_at ON push_wakes(at);
CREATE TABLE IF NOT EXISTS pairing_guesses (
  space_id TEXT PRIMARY KEY,
  wrong INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS erased_spaces (
  space_id TEXT PRIMARY KEY,
  erased_at INTEGER NOT NULL
) STRICT;
`;

interface SqliteOptions {
  readonly dataDir: string;
  readonly synchronous: 'NORMAL' | 'FULL';
  /** Checkpoint the WAL from a worker thread every this many ms; 0 = SQLite's own auto-checkpoint. */
  readonly checkpointMs?: number;
  readonly onError?: (error: string) => void;
}

export function openSqliteStorage(options: SqliteOptions): Storage {
  const file = path.join(options.dataDir, 'rapport.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives the process being killed; FULL also
  // survives power loss at the cost of an fsync per commit (group commit keeps that cheap).
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows (compacted, or an erased space's) are overwritten with zeros rather than left in
  // free pages: what a space no longer stores cannot be read back from the file.
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  const checkpointMs = options.checkpointMs ?? 1000;
  let checkpointer: Checkpointer | null = null;
  if (checkpointMs > 0) {
    // Commits never checkpoint on the relay's thread; the worker keeps the WAL short instead.
    db.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(file, checkpointMs, options.onError ?? (() => {}));
  }

  const q = {
    insertSpace: db.prepare('INSERT INTO spaces (id, created_at) VALUES (?, ?)'),
    getSpace: db.prepare<[string], { id: string; created_at: number }>(
      'SELECT id, created_at FROM spaces WHERE id = ?',
    ),
    insertDevice: db.prepare(
      'INSERT INTO devices (id, space_id, name, secret_hash, created_at, last_seen_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    getDevice: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
    listDevices: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE space_id = ? ORDER BY created_at, id'),
    revokeDevice: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND space_id = ? AND revoked_at IS NULL'),
    burnPairingsBy: db.prepare('DELETE FROM pairings WHERE created_by = ?'),
    touchDevice: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    // Only while its creator is not revoked (one statement: a revocation cannot come in between).
    insertPairing: db.prepare(
      `INSERT INTO pairings (code_hash, space_id, created_by, expires_at)
       SELECT ?, ?, ?, ? FROM devices WHERE id = ? AND space_id = ? AND revoked_at IS NULL`,
    ),
    isActive: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM devices WHERE id = ? AND revoked_at IS NULL'),
    takePairing: db.prepare<[Buffer, string], { expires_at: number }>(
      'DELETE FROM pairings WHERE code_hash = ? AND space_id = ? RETURNING expires_at',
    ),
    burnPairings: db.prepare('DELETE FROM pairings WHERE space_id = ?'),
    countWrongGuess: db.prepare<[string], { wrong: number }>(
      // Only for a space that exists: guesses at made-up ids must not grow the table.
      `INSERT INTO pairing_guesses (space_id, wrong) SELECT id, 1 FROM spaces WHERE id = ?
       ON CONFLICT(space_id) DO UPDATE SET wrong = wrong + 1 RETURNING wrong`,
    ),
    clearWrongGuesses: db.prepare('DELETE FROM pairing_guesses WHERE space_id = ?'),
    expirePairings: db.prepare('DELETE FROM pairings WHERE expires_at < ?'),
    loadUpdates: db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM updates WHERE space_id = ? ORDER BY id',
    ),
    appendUpdate: db.prepare('INSERT INTO updates (space_id, data) VALUES (?, ?)'),
    deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE space_id = ? AND id <= ?'),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE space_id = ?'),
    markErased: db.prepare('INSERT OR IGNORE INTO erased_spaces (space_id, erased_at) VALUES (?, ?)'),
    isErased: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM erased_spaces WHERE space_id = ?'),
    activeDevices: db.prepare<[string], { id: string }>(
      'SELECT id FROM devices WHERE space_id = ? AND revoked_at IS NULL',
    ),
    insertUpdateAt: db.prepare('INSERT INTO updates (id, space_id, data) VALUES (?, ?, ?)'),
    lastUpdateId: db.prepare<[string], { id: number | null }>('SELECT max(id) AS id FROM updates WHERE space_id = ?'),
    countUpdates: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE space_id = ?'),
    upsertSubscription: db.prepare(
      `INSERT INTO push_subscriptions (device_id, endpoint, p256dh, auth, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth, updated_at = excluded.updated_at`,
    ),
    getSubscription: db.prepare<
      [string],
      { device_id: string; endpoint: string; p256dh: string; auth: string; updated_at: number }
    >('SELECT * FROM push_subscriptions WHERE device_id = ?'),
    dropSubscription: db.prepare('DELETE FROM push_subscriptions WHERE device_id = ?'),
    dropWakes: db.prepare('DELETE FROM push_wakes WHERE device_id = ?'),
    insertWake: db.prepare('INSERT OR IGNORE INTO push_wakes (device_id, at) VALUES (?, ?)'),
    nextWake: db.prepare<[], { at: number | null }>('SELECT min(at) AS at FROM push_wakes'),
    takeWakes: db.prepare<[number], { device_id: string; at: number }>(
      'DELETE FROM push_wakes WHERE at <= ? RETURNING device_id, at',
    ),
  };

  const insertDevice = (d: DeviceRecord): void => {
    q.insertDevice.run(d.id, d.spaceId, d.name, d.secretHash, d.createdAt, d.lastSeenAt, d.revokedAt);
  };

  const createSpace = db.transaction((space: SpaceRecord, device: DeviceRecord) => {
    q.insertSpace.run(space.id, space.createdAt);
    insertDevice(device);
  });

  const redeem = db.transaction(
    (spaceId: string, codeHash: Buffer, now: number, device: DeviceRecord): RedeemResult => {
      q.expirePairings.run(now);
      const taken = q.takePairing.get(codeHash, spaceId);
      if (taken === undefined || taken.expires_at < now) return 'invalid';
      insertDevice(device);
      return 'ok';
    },
  );

  // A revoked (perhaps stolen) device must not leave a working pairing code behind.
  const revoke = db.transaction((spaceId: string, deviceId: string, at: number): boolean => {
    if (q.revokeDevice.run(at, deviceId, spaceId).changes === 0) return false;
    q.burnPairingsBy.run(deviceId);
    // A revoked device is woken no more.
    q.dropWakes.run(deviceId);
    q.dropSubscription.run(deviceId);
    return true;
  });

  const erase = db.transaction((spaceId: string, at: number): string[] => {
    const ids = q.activeDevices.all(spaceId).map((r) => r.id);
    for (const id of ids) revoke(spaceId, id, at);
    q.burnPairings.run(spaceId);
    q.markErased.run(spaceId, at);
    q.deleteUpdates.run(spaceId);
    return ids;
  });

  // An erased space stores nothing again (the same promise as PostgreSQL's, where another node
  // may still be writing when it is erased).
  const append = db.transaction((rows: readonly NewUpdate[]) => {
    const erased = new Map<string, boolean>();
    for (const row of rows) {
      let gone = erased.get(row.spaceId);
      if (gone === undefined) erased.set(row.spaceId, (gone = q.isErased.get(row.spaceId) !== undefined));
      if (!gone) q.appendUpdate.run(row.spaceId, asBuffer(row.data));
    }
  });

  const replace = db.transaction((spaceId: string, snapshot: Uint8Array, upToId: number) => {
    if (q.isErased.get(spaceId) !== undefined) return;
    // Nothing to replace: a later compaction already did (its snapshot covers these rows).
    if (q.deleteUpdatesUpTo.run(spaceId, upToId).changes === 0) return;
    q.insertUpdateAt.run(upToId, spaceId, asBuffer(snapshot));
  });

  const replaceWakes = (deviceId: string, wakeAt: readonly number[]) => {
    q.dropWakes.run(deviceId);
    for (const at of wakeAt) q.insertWake.run(deviceId, at);
  };
  const setReminders = db.transaction((sub: PushSubscriptionRecord, wakeAt: readonly number[]): boolean => {
    // A device revoked while its request was under way is woken no more.
    if (q.isActive.get(sub.deviceId) === undefined) return false;
    q.upsertSubscription.run(sub.deviceId, sub.endpoint, sub.p256dh, sub.auth, sub.updatedAt);
    replaceWakes(sub.deviceId, wakeAt);
    return true;
  });
  const setWakes = db.transaction((deviceId: string, wakeAt: readonly number[]): boolean => {
    if (q.getSubscription.get(deviceId) === undefined) return false;
    replaceWakes(deviceId, wakeAt);
    return true;
  });
  const dropSubscription = db.transaction((deviceId: string) => {
    q.dropWakes.run(deviceId);
    q.dropSubscription.run(deviceId);
  });

  // better-sqlite3 is synchronous: each method does its work at once and hands back a settled
  // promise (a thrown error becomes a rejection), so callers treat every backend alike.
  return {
    createSpace: async (space, device) => createSpace(space, device),
    setReminders: async (sub, wakeAt) => setReminders(sub, wakeAt),
    setWakes: async (deviceId, wakeAt) => setWakes(deviceId, wakeAt),
    async getPushSubscription(deviceId) {
      const row = q.getSubscription.get(deviceId);
      return row === undefined
        ? null
        : {
            deviceId: row.device_id,
            endpoint: row.endpoint,
            p256dh: row.p256dh,
            auth: row.auth,
            updatedAt: row.updated_at,
          };
    },
    dropPushSubscription: async (deviceId) => dropSubscription(deviceId),
    nextWakeAt: async () => q.nextWake.get()?.at ?? null,
    takeDueWakes: async (now): Promise<WakeRecord[]> =>
      q.takeWakes.all(now).map((r) => ({ deviceId: r.device_id, at: r.at })),
    async getSpace(spaceId) {
      const row = q.getSpace.get(spaceId);
      return row === undefined ? null : { id: row.id, createdAt: row.created_at };
    },
    async getDevice(deviceId) {
      const row = q.getDevice.get(deviceId);
      return row === undefined ? null : toDevice(row);
    },
    listDevices: async (spaceId) => q.listDevices.all(spaceId).map(toDevice),
    revokeDevice: async (spaceId, deviceId, at) => revoke(spaceId, deviceId, at),
    async eraseSpace(spaceId, at) {
      const ids = erase(spaceId, at);
      // The WAL still holds earlier versions of the pages: copy the zeroed ones back and empty it.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return ids;
    },
    touchDevice: async (deviceId, at) => void q.touchDevice.run(at, deviceId),
    async createPairing(p: PairingRecord) {
      return q.insertPairing.run(p.codeHash, p.spaceId, p.createdBy, p.expiresAt, p.createdBy, p.spaceId).changes === 1;
    },
    redeemPairing: async (spaceId, codeHash, now, device) => redeem(spaceId, codeHash, now, device),
    burnPairings: async (spaceId) => void q.burnPairings.run(spaceId),
    countWrongGuess: async (spaceId) => q.countWrongGuess.get(spaceId)?.wrong ?? 0,
    clearWrongGuesses: async (spaceId) => void q.clearWrongGuesses.run(spaceId),
    loadUpdates: async (spaceId): Promise<StoredUpdate[]> =>
      q.loadUpdates.all(spaceId).map((row) => ({
        id: row.id,
        data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
      })),
    appendUpdates: async (rows) => {
      if (rows.length > 0) append(rows);
    },
    lastUpdateId: async (spaceId) => q.lastUpdateId.get(spaceId)?.id ?? null,
    replaceWithSnapshot: async (spaceId, snapshot, upToId) => replace(spaceId, snapshot, upToId),
    countUpdates: async (spaceId) => q.countUpdates.get(spaceId)?.n ?? 0,
    close: async () => {
      await checkpointer?.stop();
      db.close(); // the last connection to close checkpoints and removes the WAL
    },
  };
}
