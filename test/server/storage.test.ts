/**
 * One set of promises, two backends: every test runs against SQLite (a temp dir) and against
 * PostgreSQL (a private server started here, a fresh database per test). Nothing is mocked.
 */
import { makeVapidKeys } from '../../server/push/vapid.ts';
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../server/storage/postgres.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { DeviceRecord, Storage } from '../../server/storage/types.ts';
import { createDatabase, startPostgres, type Engine } from './engines.ts';
import { makeTempDir } from './relay-process.ts';

let postgres: Engine | null = null;
let databases = 0;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function openPostgres(): Promise<PostgresStorage> {
  if (postgres === null) throw new Error('postgres not started');
  const url = await createDatabase(postgres, `conformance_${++databases}`);
  const storage = await openPostgresStorage({ url });
  opened.push(storage);
  return storage;
}

const BACKENDS: [string, () => Promise<Storage>][] = [
  [
    'sqlite',
    async () => {
      const storage = openSqliteStorage({ dataDir: makeTempDir(), synchronous: 'NORMAL', checkpointMs: 0 });
      opened.push(storage);
      return storage;
    },
  ],
  ['postgres', openPostgres],
];

const id = () => crypto.randomBytes(16).toString('base64url').slice(0, 22);
const hash = (s: string) => crypto.createHash('sha256').update(s).digest();
const device = (spaceId: string, name = 'Laptop', createdAt = 1_000): DeviceRecord => ({
  id: id(),
  spaceId,
  name,
  secretHash: hash(name + Math.random()),
  createdAt,
  lastSeenAt: null,
  revokedAt: null,
});
const bytes = (...values: number[]) => new Uint8Array(values);
const KEYS = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) };

async function newSpace(storage: Storage) {
  const spaceId = id();
  const owner = device(spaceId, 'Owner');
  await storage.createSpace({ id: spaceId, createdAt: 1_000 }, owner);
  return { spaceId, owner };
}

describe.each(BACKENDS)('storage on %s', (_name, open) => {
  it('creates a space with its first device, and reads them back', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    expect(await s.getSpace(spaceId)).toEqual({ id: spaceId, createdAt: 1_000 });
    expect(await s.getSpace(id())).toBeNull();
    const read = await s.getDevice(owner.id);
    expect(read).toEqual({ ...owner, secretHash: expect.any(Buffer) });
    expect(Buffer.compare(read!.secretHash, owner.secretHash)).toBe(0);
    expect(await s.getDevice(id())).toBeNull();
    await s.touchDevice(owner.id, 5_000);
    expect((await s.listDevices(spaceId)).map((d) => [d.id, d.lastSeenAt])).toEqual([[owner.id, 5_000]]);
  });

  it('creates nothing when the space cannot be created whole', async () => {
    const s = await open();
    const { owner } = await newSpace(s);
    const spaceId = id();
    // The device id is taken: the space must not be left behind without a device.
    await expect(s.createSpace({ id: spaceId, createdAt: 1 }, { ...owner, spaceId })).rejects.toThrow();
    expect(await s.getSpace(spaceId)).toBeNull();
  });

  it('redeems a pairing code once, and only in its own space before it expires', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    const other = await newSpace(s);
    await s.createPairing({ codeHash: hash('a'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    await s.createPairing({ codeHash: hash('b'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    expect(await s.redeemPairing(other.spaceId, hash('a'), 2_000, device(other.spaceId))).toBe('invalid');
    expect(await s.redeemPairing(spaceId, hash('z'), 2_000, device(spaceId))).toBe('invalid');
    const phone = device(spaceId, 'Phone');
    expect(await s.redeemPairing(spaceId, hash('a'), 2_000, phone)).toBe('ok');
    expect(await s.getDevice(phone.id)).not.toBeNull();
    expect(await s.redeemPairing(spaceId, hash('a'), 2_000, device(spaceId))).toBe('invalid');
    expect(await s.redeemPairing(spaceId, hash('b'), 10_001, device(spaceId))).toBe('invalid');
    expect((await s.listDevices(spaceId)).length).toBe(2);
  });

  it('lets exactly one of many simultaneous redemptions of a code succeed', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    await s.createPairing({ codeHash: hash('c'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.redeemPairing(spaceId, hash('c'), 2_000, device(spaceId, `P${i}`))),
    );
    expect(results.filter((r) => r === 'ok').length).toBe(1);
    expect((await s.listDevices(spaceId)).length).toBe(2);
  });

  it('burns every code of a space', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    await s.createPairing({ codeHash: hash('d'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    await s.burnPairings(spaceId);
    expect(await s.redeemPairing(spaceId, hash('d'), 2_000, device(spaceId))).toBe('invalid');
  });

  it('counts wrong pairing guesses per existing space until cleared', async () => {
    const s = await open();
    const { spaceId } = await newSpace(s);
    const other = await newSpace(s);
    expect(await s.countWrongGuess(spaceId)).toBe(1);
    expect(await s.countWrongGuess(spaceId)).toBe(2);
    expect(await s.countWrongGuess(other.spaceId)).toBe(1);
    expect(await Promise.all([s.countWrongGuess(spaceId), s.countWrongGuess(spaceId)])).toEqual(
      expect.arrayContaining([3, 4]),
    );
    await s.clearWrongGuesses(spaceId);
    expect(await s.countWrongGuess(spaceId)).toBe(1);
    expect(await s.countWrongGuess(id())).toBe(0); // no such space: nothing kept
  });

  it('revokes a device once: its codes are spent and it is woken no more', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    const phone = device(spaceId, 'Phone');
    await s.createPairing({ codeHash: hash('p'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    expect(await s.redeemPairing(spaceId, hash('p'), 2_000, phone)).toBe('ok');
    await s.createPairing({ codeHash: hash('q'), spaceId, createdBy: phone.id, expiresAt: 10_000 });
    await s.setReminders({ deviceId: phone.id, endpoint: 'https://push.example.com/1', ...KEYS, updatedAt: 1 }, [50]);
    expect(await s.revokeDevice(id(), phone.id, 3_000)).toBe(false); // another space
    expect(await s.revokeDevice(spaceId, phone.id, 3_000)).toBe(true);
    expect(await s.revokeDevice(spaceId, phone.id, 4_000)).toBe(false);
    expect((await s.getDevice(phone.id))?.revokedAt).toBe(3_000);
    expect(await s.redeemPairing(spaceId, hash('q'), 2_000, device(spaceId))).toBe('invalid');
    expect(await s.getPushSubscription(phone.id)).toBeNull();
    expect(await s.nextWakeAt()).toBeNull();
  });

  it('stores neither a code nor reminders for a device revoked before they are written', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    const phone = device(spaceId, 'Phone');
    await s.createPairing({ codeHash: hash('r'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    expect(await s.redeemPairing(spaceId, hash('r'), 2_000, phone)).toBe('ok');
    expect(await s.revokeDevice(spaceId, phone.id, 3_000)).toBe(true);
    // As when the request was authorized just before the revocation.
    expect(await s.createPairing({ codeHash: hash('s'), spaceId, createdBy: phone.id, expiresAt: 10_000 })).toBe(false);
    expect(await s.redeemPairing(spaceId, hash('s'), 4_000, device(spaceId))).toBe('invalid');
    const sub = { deviceId: phone.id, endpoint: 'https://push.example.com/2', ...KEYS, updatedAt: 5 };
    expect(await s.setReminders(sub, [60])).toBe(false);
    expect(await s.getPushSubscription(phone.id)).toBeNull();
    expect(await s.nextWakeAt()).toBeNull();
    // The owner, not revoked, still can.
    expect(await s.createPairing({ codeHash: hash('t'), spaceId, createdBy: owner.id, expiresAt: 10_000 })).toBe(true);
    expect(await s.setReminders({ ...sub, deviceId: owner.id }, [60])).toBe(true);
    expect(await s.nextWakeAt()).toBe(60);
  });

  it('appends rows in order, replaces a prefix by a snapshot in its place, and counts them', async () => {
    const s = await open();
    const { spaceId } = await newSpace(s);
    const other = await newSpace(s);
    expect(await s.lastUpdateId(spaceId)).toBeNull();
    expect(await s.loadUpdates(spaceId)).toEqual([]);
    await s.appendUpdates([]);
    await s.appendUpdates([
      { spaceId, data: bytes(1) },
      { spaceId: other.spaceId, data: bytes(9) },
      { spaceId, data: bytes(2) },
    ]);
    await s.appendUpdates([{ spaceId, data: bytes(3) }]);
    const rows = await s.loadUpdates(spaceId);
    expect(rows.map((r) => [...r.data])).toEqual([[1], [2], [3]]);
    expect(rows[0]!.id).toBeLessThan(rows[1]!.id);
    expect(await s.countUpdates(spaceId)).toBe(3);
    const second = rows[1]!.id;
    expect(await s.lastUpdateId(spaceId)).toBe(rows[2]!.id);
    await s.replaceWithSnapshot(spaceId, bytes(12), second);
    await s.appendUpdates([{ spaceId, data: bytes(4) }]);
    expect((await s.loadUpdates(spaceId)).map((r) => [...r.data])).toEqual([[12], [3], [4]]);
    expect(await s.countUpdates(spaceId)).toBe(3);
    expect((await s.loadUpdates(other.spaceId)).map((r) => [...r.data])).toEqual([[9]]);
  });

  it('gives back every byte as written: all 256 values, several MiB, a quote in the space id', async () => {
    const s = await open();
    const { spaceId } = await newSpace(s);
    const every = Uint8Array.from({ length: 512 }, (_, i) => (i * 167) % 256);
    const large = crypto.randomBytes(3 * 1024 * 1024 + 7);
    const odd = crypto.randomBytes(5).subarray(1, 4); // a view that does not start its buffer
    await s.appendUpdates([
      { spaceId, data: every },
      { spaceId, data: large },
    ]);
    await s.appendUpdates([{ spaceId, data: odd }]);
    const rows = await s.loadUpdates(spaceId);
    expect(rows.map((r) => Buffer.from(r.data).toString('hex'))).toEqual(
      [every, large, odd].map((d) => Buffer.from(d).toString('hex')),
    );
    expect(await s.loadUpdates(`${spaceId}'; --`)).toEqual([]);
  });

  it('leaves one snapshot when a compaction up to an older row comes after one up to a newer', async () => {
    const s = await open();
    const { spaceId } = await newSpace(s);
    await s.appendUpdates([1, 2, 3].map((n) => ({ spaceId, data: bytes(n) })));
    const ids = (await s.loadUpdates(spaceId)).map((r) => r.id);
    await s.replaceWithSnapshot(spaceId, bytes(13), ids[2]!);
    await s.replaceWithSnapshot(spaceId, bytes(12), ids[1]!);
    expect((await s.loadUpdates(spaceId)).map((r) => [r.id, [...r.data]])).toEqual([[ids[2], [13]]]);
    await s.appendUpdates([{ spaceId, data: bytes(4) }]);
    expect((await s.loadUpdates(spaceId)).map((r) => [...r.data])).toEqual([[13], [4]]);
  });

  it('stores nothing more for an erased space: neither appended rows nor a snapshot', async () => {
    const s = await open();
    const { spaceId } = await newSpace(s);
    const kept = await newSpace(s);
    await s.appendUpdates([{ spaceId, data: bytes(1) }]);
    const upTo = (await s.lastUpdateId(spaceId))!;
    await s.eraseSpace(spaceId, 7_000);
    await s.appendUpdates([
      { spaceId, data: bytes(2) },
      { spaceId: kept.spaceId, data: bytes(3) },
      { spaceId, data: bytes(4) },
    ]);
    await s.replaceWithSnapshot(spaceId, bytes(11), upTo);
    await s.replaceWithSnapshot(spaceId, bytes(12), upTo + 100);
    expect(await s.loadUpdates(spaceId)).toEqual([]);
    expect(await s.countUpdates(spaceId)).toBe(0);
    expect((await s.loadUpdates(kept.spaceId)).map((r) => [...r.data])).toEqual([[3]]);
  });

  it('erases a space: its rows and codes go, its devices are revoked and returned', async () => {
    const s = await open();
    const { spaceId, owner } = await newSpace(s);
    const kept = await newSpace(s);
    await s.createPairing({ codeHash: hash('e'), spaceId, createdBy: owner.id, expiresAt: 10_000 });
    await s.appendUpdates([
      { spaceId, data: bytes(1) },
      { spaceId: kept.spaceId, data: bytes(2) },
    ]);
    expect(await s.eraseSpace(spaceId, 7_000)).toEqual([owner.id]);
    expect(await s.loadUpdates(spaceId)).toEqual([]);
    expect((await s.getDevice(owner.id))?.revokedAt).toBe(7_000);
    expect(await s.redeemPairing(spaceId, hash('e'), 2_000, device(spaceId))).toBe('invalid');
    expect(await s.getSpace(spaceId)).not.toBeNull();
    expect(await s.countUpdates(kept.spaceId)).toBe(1);
    expect(await s.eraseSpace(spaceId, 8_000)).toEqual([]);
  });

  it('keeps reminders: set, replace, take when due (each once), drop', async () => {
    const s = await open();
    const { owner } = await newSpace(s);
    expect(await s.setWakes(owner.id, [10])).toBe(false);
    await s.setReminders(
      { deviceId: owner.id, endpoint: 'https://push.example.com/a', ...KEYS, updatedAt: 5 },
      [300, 100, 200],
    );
    expect(await s.getPushSubscription(owner.id)).toEqual({
      deviceId: owner.id,
      endpoint: 'https://push.example.com/a',
      ...KEYS,
      updatedAt: 5,
    });
    expect(await s.nextWakeAt()).toBe(100);
    expect(await s.setWakes(owner.id, [150, 250, 350])).toBe(true);
    expect(await s.nextWakeAt()).toBe(150);
    const [a, b] = await Promise.all([s.takeDueWakes(260), s.takeDueWakes(260)]);
    expect([...a!, ...b!].map((w) => w.at).sort()).toEqual([150, 250]);
    expect(await s.takeDueWakes(260)).toEqual([]);
    expect(await s.nextWakeAt()).toBe(350);
    await s.dropPushSubscription(owner.id);
    expect(await s.getPushSubscription(owner.id)).toBeNull();
    expect(await s.nextWakeAt()).toBeNull();
  });
});

describe('compaction leases on postgres', () => {
  it('one holder at a time; a lease that expires can be taken over', async () => {
    const s = await openPostgres();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => s.takeLease('space', holder, 100, 200)));
    expect(results.filter(Boolean).length).toBe(1);
    const holder = ['a', 'b', 'c', 'd'][results.indexOf(true)]!;
    const other = holder === 'a' ? 'b' : 'a';
    expect(await s.takeLease('space', holder, 150, 300)).toBe(true); // renewed
    expect(await s.takeLease('space', other, 250, 400)).toBe(false);
    expect(await s.takeLease('space', other, 301, 400)).toBe(true); // expired
    await s.releaseLease('space', holder); // not its lease any more: nothing happens
    expect(await s.takeLease('space', holder, 302, 500)).toBe(false);
    await s.releaseLease('space', other);
    expect(await s.takeLease('space', holder, 303, 500)).toBe(true);
  });
});

describe('the VAPID key pair on postgres', () => {
  it('nodes starting at once agree on one pair, the first stored, and keep it', async () => {
    const s = await openPostgres();
    const candidates = [makeVapidKeys(), makeVapidKeys(), makeVapidKeys()];
    const agreed = await Promise.all(candidates.map((c) => s.sharedVapidKeys(c)));
    expect(new Set(agreed.map((k) => k.publicKey)).size).toBe(1);
    expect(candidates.map((c) => c.publicKey)).toContain(agreed[0]!.publicKey);
    expect(await s.sharedVapidKeys(makeVapidKeys())).toEqual(agreed[0]);
  });
});
