/**
 * Private spaces through real relays: the envelope syncs through Rapport's relay and through the
 * reference y-websocket server alike, and after a realistic session nothing the user typed is in
 * the relay's data directory or its output.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { add, addMany, readAll, update, type ReadAll } from '../../src/store/index.ts';
import { mergeContactsInDoc } from '../../src/store/merge.ts';
import { envelopeEntries, learnKeys } from '../../src/sync/private/envelope.ts';
import { epochKeyFromText, epochKeyToText } from '../../src/sync/private/keys.ts';
import { Keyring, openEntry } from '../../src/sync/private/seal.ts';
import { firstEpoch, makeDevice, plaintextOf, type TestDevice } from '../support/private-devices.ts';
import { connectPeer, registerSpace, pairDevice, synced, type Credentials, type Peer } from './clients.ts';
import { startReferenceRelay } from './reference-relay.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Online {
  device: TestDevice;
  peer: Peer;
}

async function online(
  syncUrl: string,
  room: string,
  token: string,
  deviceId: string,
  keyText: string,
  compactAfter = 200,
): Promise<Online> {
  const key = await epochKeyFromText(keyText);
  if (key === null) throw new Error('key did not survive the link');
  const device = await makeDevice(room, deviceId, [key], { compactAfter });
  const peer = connectPeer(syncUrl, room, token, device.envelope);
  cleanups.push(() => {
    peer.provider.destroy();
    device.destroy();
  });
  await synced(peer);
  await device.bridge.catchUp();
  return { device, peer };
}

/** Waits, without a bound of its own, until every bridge is settled and `check` holds. */
async function until(devices: readonly Online[], check: () => boolean, what: string): Promise<void> {
  const warnAt = Date.now() + 20_000;
  for (;;) {
    await Promise.all(devices.map((d) => d.device.bridge.settled()));
    if (check()) return;
    if (Date.now() > warnAt) {
      console.warn(
        `still waiting for ${what}`,
        JSON.stringify(
          devices.map((d) => ({
            id: d.device.deviceId.slice(0, 4),
            health: d.device.bridge.health(),
            entries: envelopeEntries(d.device.envelope).length,
            keys: d.device.keyring.size,
            people: readAll(d.device.plain, 'contacts').items.length,
            synced: d.peer.provider.synced,
            closes: d.peer.closes,
          })),
        ),
      );
      await new Promise((r) => setTimeout(r, 2000));
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A relay to test against, a room in it, and two devices' tokens for it. */
async function target(
  which: 'ours' | 'reference',
): Promise<{ syncUrl: string; room: string; tokens: [string, string] }> {
  if (which === 'ours') {
    const relay = await startRelay();
    cleanups.push(() => relay.stop());
    const owner = await registerSpace(relay.url);
    const phone = await pairDevice(relay.url, owner);
    return { syncUrl: relay.syncUrl, room: owner.spaceId, tokens: [owner.token, phone.token] };
  }
  const reference = await startReferenceRelay();
  cleanups.push(() => reference.stop());
  return { syncUrl: reference.syncUrl, room: randomBytes(16).toString('base64url'), tokens: ['unused', 'unused'] };
}

const names = (d: Online) => readAll(d.device.plain, 'contacts').items.map((c) => c.name);

describe.each(['ours', 'reference'] as const)('a private space through the %s relay', (which) => {
  it('two devices converge, and the relay holds only sealed entries', async () => {
    const { syncUrl, room, tokens } = await target(which);
    const keyText = await epochKeyToText(await firstEpoch());
    const laptop = await online(syncUrl, room, tokens[0], 'laptop', keyText);
    add(laptop.device.plain, 'contacts', { name: 'Mirela Stanciulescu', emails: ['mirela@quokka.example'] });
    const phone = await online(syncUrl, room, tokens[1], 'phone', keyText);
    add(phone.device.plain, 'contacts', { name: 'Teodor Vlahovic' });
    await until(
      [laptop, phone],
      () => names(laptop).length === 2 && plaintextOf(laptop.device.plain) === plaintextOf(phone.device.plain),
      'convergence',
    );
    // A third device that joins late gets it all from the relay's copy of the envelope.
    const tablet = await online(syncUrl, room, tokens[1], 'tablet', keyText);
    await until([tablet], () => plaintextOf(tablet.device.plain) === plaintextOf(laptop.device.plain), 'late joiner');
    const onRelay = Buffer.from(Y.encodeStateAsUpdate(tablet.device.envelope));
    expect(onRelay.includes(Buffer.from('Stanciulescu'))).toBe(false);
    expect(onRelay.includes(Buffer.from('Vlahovic'))).toBe(false);
  });

  it('two devices compacting at the same moment lose nothing', async () => {
    const { syncUrl, room, tokens } = await target(which);
    const keyText = await epochKeyToText(await firstEpoch());
    const laptop = await online(syncUrl, room, tokens[0], 'laptop', keyText, 1_000_000);
    const phone = await online(syncUrl, room, tokens[1], 'phone', keyText, 1_000_000);
    for (let i = 0; i < 40; i++) {
      const d = i % 2 ? laptop : phone;
      add(d.device.plain, 'contacts', { name: `Person ${i}` });
      await d.device.bridge.settled();
    }
    await until([laptop, phone], () => names(phone).length === 40 && names(laptop).length === 40, 'both have everyone');
    const before = envelopeEntries(laptop.device.envelope).length;
    expect(before).toBeGreaterThan(10);
    const [a, b] = await Promise.all([laptop.device.bridge.compact(), phone.device.bridge.compact()]);
    expect(a && b).toBe(true);
    await until(
      [laptop, phone],
      () =>
        envelopeEntries(laptop.device.envelope).length === envelopeEntries(phone.device.envelope).length &&
        envelopeEntries(phone.device.envelope).length <= 2,
      'compactions meet',
    );
    const fresh = await online(syncUrl, room, tokens[1], 'tablet', keyText);
    await until([fresh], () => names(fresh).length === 40, 'a new device reads the snapshots');
    expect(plaintextOf(fresh.device.plain)).toBe(plaintextOf(laptop.device.plain));
  });
});

// ——— the realistic session of issue 14 ———

const FIRST = [
  'Żaneta',
  'Oluwaseun',
  'Thorvald',
  'Ximena',
  'Bartholomew',
  'Nguyễn',
  'Saoirse',
  'Radomir',
  'Ifeoluwa',
  'Leocadia',
];
const LAST = [
  'Wróblewska',
  'Quarshie',
  'Haldorsen',
  'Cienfuegos',
  'Pemberton',
  'Thị Quyên',
  'Ní Bhriain',
  'Kovačević',
  'Adebayo',
  'Moraes',
];
const NOTE_WORDS = [
  'quokkaflux',
  'zephyrine',
  'marzipanic',
  'brindlewick',
  'oxbowlight',
  'gravelspur',
  'kestrelmoon',
  'fennelstone',
  'larkspurry',
  'copperveil',
];

function person(i: number) {
  const first = FIRST[i % 10]!;
  const last = LAST[Math.floor(i / 10) % 10]!;
  const name = `${first} ${last} ${String(i).padStart(4, '0')}`;
  const email = `${first
    .normalize('NFD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()}.${i}@${NOTE_WORDS[i % 10]}-mail.example`;
  const note = `Met at the ${NOTE_WORDS[(i * 3) % 10]} summit; cares about ${NOTE_WORDS[(i * 7) % 10]}-${i} and sailing`;
  return { name, emails: [email], notes: note };
}

/** 100 strings that must never reach the relay: 40 names, 30 emails, 30 note words. */
function knownStrings(): string[] {
  const picked: string[] = [];
  for (let i = 0; i < 40; i++) picked.push(person(i * 25 + 3).name);
  for (let i = 0; i < 30; i++) picked.push(person(i * 33 + 7).emails[0]!);
  for (let i = 0; i < 20; i++) picked.push(`${NOTE_WORDS[(i * 7 * 41) % 10]}-${i * 41}`);
  picked.push(...NOTE_WORDS);
  return picked;
}

function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [Buffer.from(s, 'utf8'), le, be];
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Where each string occurs, in any encoding, in the files and the relay's output. */
function leaks(files: readonly string[], relay: RelayProcess, strings: readonly string[]): string[] {
  const haystacks = [
    ...files.map((f) => ({ where: path.basename(f), bytes: fs.readFileSync(f) })),
    // A value stored across pages is not contiguous in the file: read every row's values too.
    ...databaseValues(path.join(relay.dataDir, 'rapport.sqlite3')),
    { where: 'stdout', bytes: Buffer.from(relay.stdout()) },
    { where: 'stderr', bytes: Buffer.from(relay.stderr()) },
  ];
  const found: string[] = [];
  for (const s of strings)
    for (const needle of encodings(s))
      for (const h of haystacks) if (h.bytes.includes(needle)) found.push(`${s} in ${h.where}`);
  return found;
}

function databaseValues(file: string): { where: string; bytes: Buffer }[] {
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    return tables.map(({ name }) => {
      const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][];
      const parts = rows.flat().map((v) => (v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v), 'utf8')));
      return { where: `table ${name}`, bytes: Buffer.concat(parts.flatMap((p) => [p, Buffer.from([0])])) };
    });
  } finally {
    db.close();
  }
}

/** The space's rows as the relay stores them, loaded into an envelope doc (what a thief of the files gets). */
function envelopeFromFiles(dataDir: string, spaceId: string): Y.Doc {
  const db = new Database(path.join(dataDir, 'rapport.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const doc = new Y.Doc();
    for (const row of db
      .prepare<[string], { data: Uint8Array }>('SELECT data FROM updates WHERE space_id = ? ORDER BY id')
      .all(spaceId))
      Y.applyUpdate(doc, row.data);
    return doc;
  } finally {
    db.close();
  }
}

describe('a realistic private session on the real relay', () => {
  it('leaves none of 100 known strings in the data directory or the output; the revoked device opens nothing new', async () => {
    const relay: RelayProcess = await startRelay({ env: { RAPPORT_COMPACT_AFTER: '50' } });
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : relay.stop()));
    const owner: Credentials = await registerSpace(relay.url, { deviceName: 'Laptop' });
    const space = owner.spaceId;
    const keyText = await epochKeyToText(await firstEpoch());

    const laptop = await online(relay.syncUrl, space, owner.token, owner.deviceId, keyText);
    // 1,000 people imported at once.
    const people = Array.from({ length: 1000 }, (_, i) => person(i));
    for (let i = 0; i < 1000; i += 250) addMany(laptop.device.plain, 'contacts', people.slice(i, i + 250));

    // A phone pairs: the key travels in the link's fragment (here: as the same text), never to the relay.
    const phoneCreds = await pairDevice(relay.url, owner, 'Phone');
    const phone = await online(relay.syncUrl, space, phoneCreds.token, phoneCreds.deviceId, keyText);
    await until([laptop, phone], () => names(phone).length === 1000, 'phone has the network');
    // The pairing is complete: rotate, so that the link no longer opens what comes next.
    await phone.device.bridge.rotate([owner.deviceId, phoneCreds.deviceId]);
    await until(
      [laptop, phone],
      () => laptop.device.keyring.current().eid === phone.device.keyring.current().eid,
      'laptop takes the new key',
    );

    // Edits, interactions and merges on both devices.
    const all = (d: Online): ReadAll<'contacts'>['items'] => readAll(d.device.plain, 'contacts').items;
    for (const [i, c] of all(laptop).slice(0, 60).entries()) {
      update(laptop.device.plain, 'contacts', c.id, { role: `Head of ${NOTE_WORDS[i % 10]} research` });
      if (i % 10 === 0) await laptop.device.bridge.settled();
    }
    for (const [i, c] of all(phone).slice(100, 130).entries()) {
      add(phone.device.plain, 'interactions', {
        at: new Date(Date.UTC(2026, 2, 1 + (i % 28))).toISOString(),
        contactIds: [c.id],
        channel: 'call',
        notes: `Talked about ${NOTE_WORDS[i % 10]} again`,
      });
    }
    const byName = new Map(all(laptop).map((c) => [c.name, c.id]));
    for (let i = 0; i < 10; i++) {
      const keep = byName.get(person(200 + i).name)!;
      const drop = byName.get(person(300 + i).name)!;
      expect(mergeContactsInDoc(laptop.device.plain, keep, drop).ok).toBe(true);
    }
    await until(
      [laptop, phone],
      () => plaintextOf(laptop.device.plain) === plaintextOf(phone.device.plain),
      'edits converge',
    );

    // A tablet pairs, takes everything, and is then revoked.
    const tabletCreds = await pairDevice(relay.url, owner, 'Tablet');
    // Its link carries the key of the day: the first one no longer opens what was written since.
    const tablet = await online(
      relay.syncUrl,
      space,
      tabletCreds.token,
      tabletCreds.deviceId,
      await epochKeyToText(laptop.device.keyring.current()),
    );
    await until(
      [laptop, phone, tablet],
      () => plaintextOf(tablet.device.plain) === plaintextOf(laptop.device.plain),
      'tablet converges',
    );
    const revokedKeys = new Keyring(tablet.device.keyring.all());
    const revoked = await fetch(`${relay.url}/api/spaces/${space}/devices/${tabletCreds.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(revoked.status).toBe(204);
    await laptop.device.bridge.rotate([owner.deviceId, phoneCreds.deviceId]);
    const secret = 'Aurelio Post-Revocation Vantongeren';
    add(phone.device.plain, 'contacts', { name: secret, notes: 'written after the tablet was removed' });
    await until(
      [laptop, phone],
      () => names(laptop).includes(secret) && plaintextOf(laptop.device.plain) === plaintextOf(phone.device.plain),
      'remaining devices converge',
    );
    await laptop.device.bridge.compact();

    // Everything the devices hold is on the relay before it stops.
    const reader = connectPeer(relay.syncUrl, space, owner.token);
    cleanups.push(() => reader.destroy());
    await synced(reader);
    await until(
      [laptop, phone],
      () =>
        Buffer.from(Y.encodeStateVector(reader.doc)).equals(Buffer.from(Y.encodeStateVector(laptop.device.envelope))),
      'relay has it all',
    );
    reader.destroy();
    const strings = knownStrings();
    expect(new Set(strings).size).toBe(100);
    for (const s of strings)
      expect(JSON.stringify(laptop.device.plain.toJSON()).includes(s), `${s} is in the network`).toBe(true);
    // 1. Not one known string, in UTF-8 or UTF-16, in any file of the data directory (database,
    // WAL and SHM while the relay runs; what is left once it stopped) or its output.
    const whileRunning = filesUnder(relay.dataDir);
    expect(whileRunning.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(leaks(whileRunning, relay, [...strings, secret])).toEqual([]);
    for (const d of [laptop, phone, tablet]) d.peer.provider.destroy();
    await relay.stop();
    stopped = true;
    const afterStop = filesUnder(relay.dataDir);
    expect(afterStop.some((f) => f.endsWith('rapport.sqlite3'))).toBe(true);
    expect(leaks(afterStop, relay, [...strings, secret])).toEqual([]);

    // The relay did hold the network: with the laptop's keys its files open to the same people.
    const stolen = envelopeFromFiles(relay.dataDir, space);
    const reopened = await makeDevice(space, 'thief-with-laptop-keys', laptop.device.keyring.all(), {
      envelope: stolen,
    });
    cleanups.push(() => reopened.destroy());
    await reopened.bridge.settled();
    expect(
      readAll(reopened.plain, 'contacts')
        .items.map((c) => c.name)
        .sort(),
    ).toEqual(names(laptop).sort());

    // 5. The revoked tablet, given the relay's files and its stored keys, opens nothing written after.
    const thief = envelopeFromFiles(relay.dataDir, space);
    expect(
      await learnKeys(thief, revokedKeys, {
        spaceId: space,
        deviceId: tabletCreds.deviceId,
        device: tablet.device.keys,
      }),
    ).toBe(0);
    const entries = envelopeEntries(thief).toArray();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect((await openEntry(entry, revokedKeys, space)).ok).toBe(false);
  });
});

describe('the plaintext check itself', () => {
  it('finds the known strings when the same people sync in plaintext (control)', async () => {
    const relay = await startRelay();
    cleanups.push(() => relay.stop());
    const owner = await registerSpace(relay.url);
    const peer = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    cleanups.push(() => peer.destroy());
    await synced(peer);
    addMany(
      peer.doc,
      'contacts',
      Array.from({ length: 1000 }, (_, i) => person(i)),
    );
    const reader = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    cleanups.push(() => reader.destroy());
    await synced(reader);
    await until([], () => reader.doc.getMap('contacts').size === 1000, 'plaintext stored');
    const found = new Set(leaks(filesUnder(relay.dataDir), relay, knownStrings()).map((l) => l.replace(/ in .*$/, '')));
    expect(knownStrings().filter((s) => !found.has(s))).toEqual([]);
  });
});

describe('an existing plaintext space becomes private', () => {
  it('its network moves to a private space, the old rows are erased, and the relay then holds none of the known strings', async () => {
    const relay = await startRelay();
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : relay.stop()));
    // Before: two devices syncing 1,000 people in plaintext.
    const owner = await registerSpace(relay.url);
    const otherCreds = await pairDevice(relay.url, owner, 'Phone');
    const laptopPlain = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    const phonePlain = connectPeer(relay.syncUrl, owner.spaceId, otherCreds.token);
    cleanups.push(() => laptopPlain.destroy());
    cleanups.push(() => phonePlain.provider.destroy());
    await Promise.all([synced(laptopPlain), synced(phonePlain)]);
    addMany(
      laptopPlain.doc,
      'contacts',
      Array.from({ length: 1000 }, (_, i) => person(i)),
    );
    await until([], () => phonePlain.doc.getMap('contacts').size === 1000, 'plaintext sync');
    const strings = knownStrings();
    expect(leaks(filesUnder(relay.dataDir), relay, strings).length).toBeGreaterThan(0);

    // The upgrade, as the controller's makePrivate does it: a new space, sealed from the laptop's
    // document, then the old one erased.
    laptopPlain.provider.destroy();
    const fresh = await registerSpace(relay.url);
    const keyText = await epochKeyToText(await firstEpoch());
    const key = (await epochKeyFromText(keyText))!;
    const laptop = await makeDevice(fresh.spaceId, fresh.deviceId, [key], { plain: laptopPlain.doc });
    const peer = connectPeer(relay.syncUrl, fresh.spaceId, fresh.token, laptop.envelope);
    cleanups.push(() => peer.provider.destroy());
    await synced(peer);
    await laptop.bridge.catchUp();
    const erased = await fetch(`${relay.url}/api/spaces/${owner.spaceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(erased.status).toBe(204);
    // The other device is told: removed (4410), so it says "pair it again".
    await until([], () => phonePlain.closes.some((c) => c.code === 4410), 'the old device is cut off');
    expect(
      (
        await fetch(`${relay.url}/api/spaces/${owner.spaceId}/devices`, {
          headers: { Authorization: `Bearer ${otherCreds.token}` },
        })
      ).status,
    ).toBe(403);

    // Paired again (by a link carrying the key), the phone reads the whole network from the private space.
    const phoneAgain = await pairDevice(
      relay.url,
      { spaceId: fresh.spaceId, deviceId: fresh.deviceId, token: fresh.token },
      'Phone',
    );
    const phone = await online(relay.syncUrl, fresh.spaceId, phoneAgain.token, phoneAgain.deviceId, keyText);
    await until([phone], () => names(phone).length === 1000, 'the phone reads the private space');

    const reader = connectPeer(relay.syncUrl, fresh.spaceId, fresh.token);
    cleanups.push(() => reader.destroy());
    await synced(reader);
    await until(
      [],
      () => Buffer.from(Y.encodeStateVector(reader.doc)).equals(Buffer.from(Y.encodeStateVector(laptop.envelope))),
      'relay has it all',
    );
    expect(leaks(filesUnder(relay.dataDir), relay, strings)).toEqual([]);
    reader.destroy();
    peer.provider.destroy();
    phone.peer.provider.destroy();
    phonePlain.provider.destroy();
    await relay.stop();
    stopped = true;
    expect(leaks(filesUnder(relay.dataDir), relay, strings)).toEqual([]);
    laptop.destroy();
  });
});
