/** The bridge between a plaintext document and its sealed envelope, with envelopes linked in memory. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { add, addMany, readAll, readMe, update, updateMe } from '../../src/store/index.ts';
import { envelopeEntries, envelopeKeys, learnKeys } from '../../src/sync/private/envelope.ts';
import { newEpochKey } from '../../src/sync/private/keys.ts';
import { EntryKind, Keyring, openEntry, readHeader, sealEntry } from '../../src/sync/private/seal.ts';
import { firstEpoch, link, makeDevice, plaintextOf, type TestDevice } from '../support/private-devices.ts';

const SPACE = 'space-private-test-0001';
const devices: TestDevice[] = [];
const unlinks: (() => void)[] = [];
afterEach(() => {
  for (const u of unlinks.splice(0)) u();
  for (const d of devices.splice(0)) d.destroy();
});

async function device(id: string, keys: Parameters<typeof makeDevice>[2], opts: Parameters<typeof makeDevice>[3] = {}) {
  const d = await makeDevice(SPACE, id, keys, opts);
  devices.push(d);
  return d;
}
const connect = (a: TestDevice, b: TestDevice) => unlinks.push(link(a.envelope, b.envelope));
const names = (d: TestDevice) =>
  readAll(d.plain, 'contacts')
    .items.map((c) => c.name)
    .sort();
const settled = (...ds: TestDevice[]) => Promise.all(ds.map((d) => d.bridge.settled()));
/** Settles until nothing moves any more (an entry handled on one side may seal or compact on the other). */
async function quiet(...ds: TestDevice[]) {
  for (let i = 0; i < 5; i++) await settled(...ds);
}

describe('private bridge', () => {
  it('two devices converge through sealed entries, with no echo', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    const b = await device('phone', [epoch]);
    connect(a, b);
    add(a.plain, 'contacts', { name: 'Ana Quelhas' });
    const bo = add(b.plain, 'contacts', { name: 'Bo Lindqvist' });
    await quiet(a, b);
    expect(names(a)).toEqual(['Ana Quelhas', 'Bo Lindqvist']);
    expect(plaintextOf(a.plain)).toBe(plaintextOf(b.plain));
    const entriesBefore = envelopeEntries(a.envelope).length;
    if (!bo.ok) throw new Error('create');
    update(a.plain, 'contacts', bo.value.id, { role: 'CTO' });
    await quiet(a, b);
    // One edit, one entry: what B opened was not sealed and sent back.
    expect(envelopeEntries(a.envelope).length).toBe(entriesBefore + 1);
    expect(readAll(b.plain, 'contacts').items.find((c) => c.name === 'Bo Lindqvist')?.role).toBe('CTO');
    // Nothing in the envelope reads as the plaintext.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(a.envelope));
    for (const s of ['Ana Quelhas', 'Lindqvist', 'CTO']) expect(bytes.includes(Buffer.from(s))).toBe(false);
  });

  it('a burst of edits is sealed as few entries', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    for (let i = 0; i < 50; i++) add(a.plain, 'contacts', { name: `Person ${i}` });
    await quiet(a);
    expect(envelopeEntries(a.envelope).length).toBeLessThan(50);
  });

  it('skips and counts hostile entries, and keeps applying the ones after them', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    const b = await device('phone', [epoch]);
    connect(a, b);
    add(a.plain, 'contacts', { name: 'Before' });
    await quiet(a, b);
    const good = await sealEntry(EntryKind.update, Y.encodeStateAsUpdate(a.plain), epoch, SPACE, 'laptop');
    const tampered = good.slice();
    tampered[tampered.length - 5] = tampered[tampered.length - 5]! ^ 0x40;
    const otherDoc = new Y.Doc();
    otherDoc.getMap('contacts').set('x', 'from elsewhere');
    const otherSpace = await sealEntry(
      EntryKind.update,
      Y.encodeStateAsUpdate(otherDoc),
      epoch,
      'another-space',
      'laptop',
    );
    const wrongKey = await sealEntry(
      EntryKind.update,
      Y.encodeStateAsUpdate(otherDoc),
      await newEpochKey(0, epoch.eid),
      SPACE,
      'laptop',
    );
    const notAnUpdate = await sealEntry(
      EntryKind.update,
      new Uint8Array([0xff, 0xff, 0xff, 0x01]),
      epoch,
      SPACE,
      'laptop',
    );
    const hostile = new Y.Doc();
    envelopeEntries(hostile).push([
      new Uint8Array([1, 2, 3]),
      tampered,
      good.slice(0, 30),
      otherSpace,
      wrongKey,
      notAnUpdate,
    ]);
    Y.applyUpdate(a.envelope, Y.encodeStateAsUpdate(hostile));
    add(a.plain, 'contacts', { name: 'After' });
    await quiet(a, b);
    expect(names(b)).toEqual(['After', 'Before']);
    const h = b.bridge.health();
    expect(h.skipped.malformed + h.skipped.rejected + h.skipped.unreadable).toBe(6);
    expect(h.skipped.rejected).toBeGreaterThanOrEqual(3);
    expect(b.plain.getMap('contacts').get('x')).toBeUndefined();
    // Compaction sweeps them away.
    expect(await b.bridge.compact()).toBe(true);
    await quiet(a, b);
    expect(envelopeEntries(a.envelope).length).toBe(1);
    expect(names(a)).toEqual(['After', 'Before']);
  });

  it('compaction replaces the entries by one snapshot that a new device opens whole', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch], { compactAfter: 20 });
    for (let i = 0; i < 60; i++) {
      add(a.plain, 'contacts', { name: `Person ${i}` });
      await a.bridge.settled();
    }
    await quiet(a);
    expect(envelopeEntries(a.envelope).length).toBeLessThan(20);
    const fresh = await device('tablet', [epoch], { envelope: cloneDoc(a.envelope) });
    await quiet(fresh);
    expect(names(fresh)).toHaveLength(60);
    expect(plaintextOf(fresh.plain)).toBe(plaintextOf(a.plain));
  });

  it('a restart with the envelope kept on the device opens a large snapshot the network already holds, and a new device still gets all of it', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    addMany(
      a.plain,
      'contacts',
      Array.from({ length: 1000 }, (_, i) => ({ name: `Person ${i}`, notes: 'Met at the spring meetup '.repeat(4) })),
    );
    await quiet(a);
    await a.bridge.compact();
    const [snapshot] = envelopeEntries(a.envelope).toArray();
    expect(snapshot!.byteLength).toBeGreaterThan(64 * 1024);
    const kept = cloneDoc(a.envelope);
    const network = cloneDoc(a.plain);
    devices.splice(devices.indexOf(a), 1);
    a.destroy();

    const changes: Uint8Array[] = [];
    network.on('update', (u: Uint8Array) => changes.push(u));
    const restarted = await device('laptop', [epoch], { plain: network, envelope: kept });
    await quiet(restarted);
    expect(restarted.bridge.health()).toMatchObject({
      opened: 1,
      skipped: { malformed: 0, rejected: 0, unreadable: 0 },
    });
    expect(changes).toEqual([]);
    const fresh = await device('tablet', [epoch], { envelope: cloneDoc(kept) });
    await quiet(fresh);
    expect(names(fresh)).toHaveLength(1000);
    expect(plaintextOf(fresh.plain)).toBe(plaintextOf(restarted.plain));
  });

  it('compacts only once the entries weigh half the snapshot they follow (amortised), or are very many', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch], { compactAfter: 5 });
    addMany(
      a.plain,
      'contacts',
      Array.from({ length: 500 }, (_, i) => ({ name: `Person ${i}`, notes: 'x'.repeat(200) })),
    );
    await quiet(a);
    const people = readAll(a.plain, 'contacts').items;
    for (let i = 0; i < 20; i++) {
      update(a.plain, 'contacts', people[i]!.id, { role: `Role ${i}` });
      await quiet(a);
    }
    // The import was compacted into a snapshot once there were 5 entries; the small ones that
    // followed are far lighter than that snapshot: they stay, past compactAfter.
    const kinds = envelopeEntries(a.envelope)
      .toArray()
      .map((e) => readHeader(e)!.kind);
    expect(kinds.filter((k) => k === EntryKind.snapshot)).toHaveLength(1);
    expect(kinds.length).toBeGreaterThan(10);
    for (let i = 20; i < 100; i++) {
      update(a.plain, 'contacts', people[i]!.id, { role: `Role ${i}` });
      await quiet(a);
    }
    // 20 × compactAfter entries: compacted whatever they weigh.
    expect(envelopeEntries(a.envelope).length).toBeLessThan(100);
  });

  it('two devices compacting at once lose nothing and converge', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    const b = await device('phone', [epoch]);
    connect(a, b);
    for (let i = 0; i < 10; i++) {
      add(i % 2 ? a.plain : b.plain, 'contacts', { name: `Shared ${i}` });
      await quiet(a, b);
    }
    for (const u of unlinks.splice(0)) u();
    add(a.plain, 'contacts', { name: 'Only on laptop' });
    add(b.plain, 'contacts', { name: 'Only on phone' });
    await quiet(a, b);
    await Promise.all([a.bridge.compact(), b.bridge.compact()]);
    connect(a, b);
    await quiet(a, b);
    expect(names(a)).toHaveLength(12);
    expect(plaintextOf(a.plain)).toBe(plaintextOf(b.plain));
    // Both snapshots survive the concurrent compactions; the next one folds them.
    expect(envelopeEntries(a.envelope).length).toBeLessThanOrEqual(4);
    await a.bridge.compact();
    await quiet(a, b);
    expect(envelopeEntries(b.envelope).length).toBe(1);
    const fresh = await device('tablet', [epoch], { envelope: cloneDoc(b.envelope) });
    await quiet(fresh);
    expect(plaintextOf(fresh.plain)).toBe(plaintextOf(a.plain));
  });

  it('revocation rotates: remaining devices converge; the revoked device’s keys open nothing new', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    const b = await device('phone', [epoch]);
    const c = await device('old-tablet', [epoch]);
    connect(a, b);
    connect(a, c);
    add(a.plain, 'contacts', { name: 'Known to all' });
    await quiet(a, b, c);
    expect(names(c)).toEqual(['Known to all']);
    // The tablet is revoked: it leaves the relay (unlinked) with the keys it stored.
    unlinks.pop()!();
    const revokedKeys = new Keyring(c.keyring.all());
    await a.bridge.rotate(['laptop', 'phone']);
    await quiet(a, b);
    expect(a.keyring.size).toBe(2);
    expect(b.keyring.current().eid).toBe(a.keyring.current().eid);
    add(b.plain, 'contacts', { name: 'Secret after revocation' });
    update(a.plain, 'contacts', readAll(a.plain, 'contacts').items[0]!.id, { role: 'Written after' });
    await quiet(a, b);
    expect(plaintextOf(a.plain)).toBe(plaintextOf(b.plain));
    expect(names(b)).toEqual(['Known to all', 'Secret after revocation']);
    // Everything is re-sealed under the new epoch; nothing opens with the revoked device's keys,
    // and the envelope gives it no way to the new key.
    const all = envelopeEntries(a.envelope).toArray();
    expect(all.length).toBeGreaterThan(0);
    for (const entry of all) {
      expect(readHeader(entry)!.eid).toBe(a.keyring.current().eid);
      expect((await openEntry(entry, revokedKeys, SPACE)).ok).toBe(false);
    }
    const stolen = cloneDoc(a.envelope);
    expect(await learnKeys(stolen, revokedKeys, { spaceId: SPACE, deviceId: 'old-tablet', device: c.keys })).toBe(0);
    expect([...envelopeKeys(a.envelope).keys()].some((k) => k.endsWith(':old-tablet'))).toBe(false);
  });

  it('a device that was offline during a rotation takes the new key when it comes back', async () => {
    const epoch = await firstEpoch();
    const a = await device('laptop', [epoch]);
    const b = await device('phone', [epoch]);
    connect(a, b);
    await quiet(a, b);
    unlinks.pop()!();
    await a.bridge.rotate(['laptop', 'phone']);
    add(a.plain, 'contacts', { name: 'Sealed under the new key' });
    await quiet(a);
    connect(a, b);
    await quiet(a, b);
    expect(names(b)).toEqual(['Sealed under the new key']);
    expect(b.bridge.health().waiting).toBe(0);
  });

  it('catch-up seals what the envelope lacks of a document that existed before (conversion)', async () => {
    const epoch = await firstEpoch();
    const plain = new Y.Doc();
    add(plain, 'contacts', { name: 'From the plaintext days' });
    const a = await device('laptop', [epoch], { plain });
    await a.bridge.catchUp();
    await quiet(a);
    const fresh = await device('phone', [epoch], { envelope: cloneDoc(a.envelope) });
    await quiet(fresh);
    expect(names(fresh)).toEqual(['From the plaintext days']);
    // Nothing more to seal the second time.
    const count = envelopeEntries(a.envelope).length;
    await a.bridge.catchUp();
    expect(envelopeEntries(a.envelope).length).toBe(count);
  });

  it('a change that only deletes, made offline and closed before it reached the relay, is sealed at the next start', async () => {
    const epoch = await firstEpoch();
    const a = await device('phone', [epoch]);
    const b = await device('laptop', [epoch]);
    const unlink = link(a.envelope, b.envelope);
    updateMe(a.plain, { name: 'Ines Duarte', role: 'CTO' });
    await quiet(a, b);
    expect(readMe(b.plain)).toMatchObject({ ok: true, value: { role: 'CTO' } });

    // Offline at a conference, the role comes off the card: a removal only, no new content. The app is closed before the phone reconnects, so the entry sealed for the
    // removal never left the phone.
    unlink();
    updateMe(a.plain, { role: '' });
    await quiet(a);
    const kept = cloneDoc(a.plain); // what IndexedDB keeps of the network
    const relay = cloneDoc(b.envelope); // what the relay holds
    devices.splice(devices.indexOf(a), 1);
    a.destroy();

    const again = await device('phone', [epoch], { plain: kept, envelope: relay });
    await again.bridge.catchUp();
    await quiet(again);
    connect(again, b);
    await quiet(again, b);
    const card = readMe(b.plain);
    expect(card.ok && card.value.role).toBe('');
    expect(plaintextOf(b.plain)).toBe(plaintextOf(again.plain));
  });
});

function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
