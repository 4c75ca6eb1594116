/**
 * Two builds on two devices through the real relay (issue 16 §3): the current build and a newer
 * one that added a field, a community kind and a collection. Both edit; neither loses anything,
 * and a backup made by the older build gives the newer one back everything it wrote.
 */
import 'fake-indexeddb/auto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as store from '../../src/store/index.ts';
import * as backupStore from '../../src/store/backup.ts';
import * as ioBackup from '../../src/io/backup.ts';
import * as local from '../../src/sync/local.ts';
import * as relay from '../../src/sync/relay.ts';
import { registerSpace, pairDevice, waitFor } from '../server/clients.ts';
import { startRelay, type RelayProcess } from '../server/relay-process.ts';
import { loadNewerBuild, type NewerBuild } from '../support/newer-build.ts';

// Node 20 has no WebSocket of its own; the app's sync code uses the global one, as in a browser.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

type Build = Pick<NewerBuild, 'store' | 'local' | 'relay'>;
const current: Build = { store, local, relay };

interface Device {
  doc: Y.Doc;
  upToDate(): boolean;
  close(): Promise<void>;
}

async function openDevice(
  build: Build,
  creds: { relayUrl: string; spaceId: string; deviceId: string; token: string },
  dbName: string,
): Promise<Device> {
  const doc = new Y.Doc();
  const copy = build.local.makeLocalCopy(doc, { name: dbName });
  await copy.loaded;
  build.store.prepareSchema(doc);
  let state = '';
  const connection = build.relay.connectRelay(doc, creds, (s) => (state = s.kind));
  return {
    doc,
    upToDate: () => state === 'up-to-date',
    async close() {
      connection.destroy();
      await copy.flushed();
      await copy.destroy();
      doc.destroy();
    },
  };
}

/** Both devices have told the relay everything and hold the same document. */
async function settled(a: Device, b: Device) {
  await waitFor(() => {
    if (!a.upToDate() || !b.upToDate()) return false;
    const same = (x: Y.Doc, y: Y.Doc) => Y.encodeStateVector(x).toString() === Y.encodeStateVector(y).toString();
    return same(a.doc, b.doc);
  }, 'both devices in step');
}

const created = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`write refused: ${JSON.stringify(r.error)}`);
  return r.value;
};

let server: RelayProcess;
let newer: NewerBuild;

beforeAll(async () => {
  [server, newer] = await Promise.all([startRelay(), loadNewerBuild()]);
});
afterAll(async () => {
  await server?.stop();
  newer?.remove();
});

describe('a device on the previous version and one on a newer version, through the relay', () => {
  it('both edit; neither loses what the other wrote, and the older one backs up what it cannot read', async () => {
    const owner = await registerSpace(server.url);
    const phone = await pairDevice(server.url, owner);
    const laptop = await openDevice(current, { relayUrl: server.url, ...owner }, 'versions-laptop');
    const updated = await openDevice(newer, { relayUrl: server.url, ...phone }, 'versions-phone');
    const N = newer.store as unknown as {
      add: typeof store.add;
      update: typeof store.update;
      readAll: (doc: Y.Doc, c: string) => store.ReadAll<'contacts'>;
    };

    // Written on the older build.
    const ana = created(store.add(laptop.doc, 'contacts', { name: 'Ana Lima', role: 'PM' }));
    // Written on the newer build: a new field, a new option, a new collection.
    const bo = created(N.add(updated.doc, 'contacts', { name: 'Bo Chen', pronouns: 'she/her' } as never));
    const angels = created(N.add(updated.doc, 'communities', { name: 'Angel syndicate', kind: 'investors' } as never));
    const reminder = created(
      N.add(updated.doc, 'reminders' as never, { text: 'Call Bo about the round', dueOn: '2026-12-20' } as never),
    ) as { id: string };
    await settled(laptop, updated);
    // The newer one adds its field to a person the older one made.
    created(N.update(updated.doc, 'contacts', ana.id, { pronouns: 'he/him' } as never));

    // The older build reads everything it knows and marks nothing unreadable.
    const people = store.readAll(laptop.doc, 'contacts');
    expect(people.problems).toEqual([]);
    expect(people.items.map((c) => c.name).sort()).toEqual(['Ana Lima', 'Bo Chen']);
    const communities = store.readAll(laptop.doc, 'communities');
    expect(communities.problems).toEqual([]);
    expect(communities.items.map((c) => [c.name, c.kind])).toEqual([['Angel syndicate', 'other']]);

    // Both edit the same entries at once: the older build knows only some of their fields.
    created(store.update(laptop.doc, 'contacts', bo.id, { role: 'Founder' }));
    created(store.update(laptop.doc, 'contacts', ana.id, { role: 'Head of Product' }));
    created(store.update(laptop.doc, 'communities', angels.id, { name: 'Angel syndicate Lisbon' }));
    store.moveToTrash(laptop.doc, 'contacts', bo.id);
    store.restoreFromTrash(laptop.doc, 'contacts', bo.id);
    created(N.update(updated.doc, 'contacts', bo.id, { pronouns: 'they/them', organisation: 'Tidal' } as never));
    await settled(laptop, updated);

    // On the newer build: its own values and the older build's edits, side by side.
    const seenByNewer = new Map(
      N.readAll(updated.doc, 'contacts').items.map((c) => [c.name, c as unknown as Record<string, unknown>]),
    );
    expect(seenByNewer.get('Bo Chen')).toMatchObject({
      pronouns: 'they/them',
      organisation: 'Tidal',
      role: 'Founder',
      deletedAt: null,
    });
    expect(seenByNewer.get('Ana Lima')).toMatchObject({ pronouns: 'he/him', role: 'Head of Product' });
    expect(
      N.readAll(updated.doc, 'communities').items.map((c) => [c.name, (c as unknown as { kind: string }).kind]),
    ).toEqual([['Angel syndicate Lisbon', 'investors']]);
    expect(N.readAll(updated.doc, 'reminders').items).toMatchObject([
      { id: reminder.id, text: 'Call Bo about the round', dueOn: '2026-12-20' },
    ]);
    // On the older build: everything it knows, as the newer build left it.
    expect(store.readAll(laptop.doc, 'contacts').items.find((c) => c.name === 'Bo Chen')).toMatchObject({
      role: 'Founder',
      organisation: 'Tidal',
    });

    // A backup made on the older build, restored on a fresh device of the newer build, gives back all of it.
    const { backup, problems } = backupStore.exportBackup(laptop.doc);
    expect(problems).toEqual([]);
    const file = ioBackup.backupToJson(backup);
    const parsed = newer.ioBackup.parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.problems).toEqual([]);
    const fresh = new Y.Doc();
    expect(newer.backup.restoreBackup(fresh, parsed.value.backup).ok).toBe(true);
    expect(
      N.readAll(fresh, 'contacts')
        .items.map((c) => [c.name, (c as unknown as { pronouns: string }).pronouns])
        .sort(),
    ).toEqual([
      ['Ana Lima', 'he/him'],
      ['Bo Chen', 'they/them'],
    ]);
    expect(N.readAll(fresh, 'communities').items.map((c) => (c as unknown as { kind: string }).kind)).toEqual([
      'investors',
    ]);
    expect(N.readAll(fresh, 'reminders').items).toMatchObject([{ id: reminder.id, text: 'Call Bo about the round' }]);

    // And the older build restores its own backup without dropping them either (a round trip there and back).
    const again = ioBackup.parseBackup(file);
    if (!again.ok) throw new Error(again.error.message);
    const restoredHere = new Y.Doc();
    expect(backupStore.restoreBackup(restoredHere, again.value.backup).ok).toBe(true);
    expect(
      ioBackup.backupToJson({ ...backupStore.exportBackup(restoredHere).backup, exportedAt: backup.exportedAt }),
    ).toBe(file);

    // The older device, restarted from what it stored, still holds the newer collection.
    await laptop.close();
    const reopened = await openDevice(current, { relayUrl: server.url, ...owner }, 'versions-laptop');
    expect(store.otherCollectionMaps(reopened.doc).map(([name, map]) => [name, map.size])).toEqual([['reminders', 1]]);
    await reopened.close();
    await updated.close();
  });
});
