/**
 * Private sync in the app: devices paired by link converge while the relay keeps only sealed
 * entries; removing a device rotates the key, the others carry on, and the removed device's
 * stored keys open nothing written after.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { envelopeEntries, envelopeKeys } from '../../src/sync/private/envelope.ts';
import { importEpochKey } from '../../src/sync/private/keys.ts';
import { Keyring, openEntry } from '../../src/sync/private/seal.ts';
import { connectPeer, synced } from '../server/clients.ts';
import { App } from './pages/app.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchBrowser } from './support/browser.ts';
import { webSocketBytesReceived } from './support/inspect.ts';
import {
  keepsEnvelope,
  keptEnvelopeBytes,
  makeKeyReadsRefusable,
  refuseKeyReads,
  setLocalStorageItem,
  storedEpochKeys,
  syncCredentials,
} from './support/storage.ts';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function device(viewport?: { width: number; height: number }): Promise<App> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  contexts.push(context);
  return App.open(context, server.url);
}

/** Every binary the relay stored for the space, row by row (including entries deleted since). */
function storedBlobs(spaceId: string): { rows: Uint8Array[]; blobs: Uint8Array[] } {
  const db = new Database(path.join(server.dataDir, 'rapport.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[string], { data: Uint8Array }>('SELECT data FROM updates WHERE space_id = ? ORDER BY id')
      .all(spaceId)
      .map((r) => r.data);
    const blobs: Uint8Array[] = [];
    for (const row of rows)
      for (const structs of Y.decodeUpdate(row).structs)
        if (structs instanceof Y.Item && structs.content instanceof Y.ContentBinary)
          blobs.push(structs.content.content);
    return { rows, blobs };
  } finally {
    db.close();
  }
}

function allStoredBytes(spaceId: string): Buffer {
  return Buffer.concat(storedBlobs(spaceId).rows.map((r) => Buffer.from(r)));
}

describe('private sync in the app', () => {
  it('pair by link: both devices converge, the key travels only in the fragment, the relay stores no names', async () => {
    const laptop = await device();
    await laptop.people.add({ name: 'Ottilie Brannigan-Sørensen', organisation: 'Wrenfield Labs' });
    await laptop.sync.turnOn('Laptop');
    expect(await laptop.sync.privacy()).toContain('End-to-end encrypted');
    const { link } = await laptop.sync.addDevice();
    const fragment = new URLSearchParams(new URL(link).hash.slice(1));
    expect(fragment.get('key')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const phone = await device({ width: 360, height: 740 });
    await phone.people.add({ name: 'Casimir Oyelowo-Hartmann' });
    await phone.sync.join(link, 'Phone');
    await phone.sync.waitFor('Up to date');
    await phone.people.open();
    await expect.poll(() => phone.people.names()).toEqual(['Casimir Oyelowo-Hartmann', 'Ottilie Brannigan-Sørensen']);
    await laptop.people.open();
    await expect.poll(() => laptop.people.names()).toEqual(['Casimir Oyelowo-Hartmann', 'Ottilie Brannigan-Sørensen']);
    await laptop.sync.waitFor('Up to date');
    const { spaceId } = await syncCredentials(laptop);
    const stored = allStoredBytes(spaceId);
    expect(stored.byteLength).toBeGreaterThan(0);
    for (const s of ['Ottilie', 'Brannigan', 'Wrenfield', 'Casimir', 'Oyelowo']) {
      expect(stored.includes(Buffer.from(s, 'utf8'))).toBe(false);
      expect(stored.includes(Buffer.from(s, 'utf16le'))).toBe(false);
    }
    expect(server.log()).not.toContain(fragment.get('key')!);
  });

  it('removing a device rotates the key: the others converge, the removed one’s keys open nothing new', async () => {
    const laptop = await device();
    await laptop.people.add({ name: 'Before Removal' });
    await laptop.sync.turnOn('Laptop');
    const phone = await device({ width: 360, height: 740 });
    await phone.sync.join((await laptop.sync.addDevice()).link, 'Phone');
    await laptop.sync.donePairing();
    const tablet = await device();
    await tablet.sync.join((await laptop.sync.addDevice()).link, 'Tablet');
    await tablet.sync.waitFor('Up to date');
    await tablet.people.open();
    await expect.poll(() => tablet.people.names()).toEqual(['Before Removal']);
    const { spaceId } = await syncCredentials(laptop);
    const { deviceId: tabletId } = await syncCredentials(tablet);

    await laptop.sync.removeDevice('Tablet');
    await tablet.sync.waitFor('Sync problem');
    const tabletKeys = new Keyring(
      await Promise.all(
        (await storedEpochKeys(tablet, spaceId)).map((k) => importEpochKey(new Uint8Array(k.raw), k.n, k.eid)),
      ),
    );

    // The phone takes the new key before it writes (a device that has not heard of the rotation yet
    // would still seal under the old key: see server/README.md).
    const newest = async (app: App) => Math.max(...(await storedEpochKeys(app, spaceId)).map((k) => k.n));
    await expect.poll(async () => (await newest(laptop)) > Math.max(...tabletKeys.all().map((k) => k.n))).toBe(true);
    await expect.poll(async () => (await newest(phone)) === (await newest(laptop))).toBe(true);
    await phone.people.add({ name: 'Written After Removal' });
    await laptop.people.open();
    await expect.poll(() => laptop.people.names()).toEqual(['Before Removal', 'Written After Removal']);
    await phone.sync.waitFor('Up to date');
    await laptop.sync.waitFor('Up to date');

    // What the relay holds now: nothing in it opens with the tablet's keys, and no new key is wrapped for it.
    const { rows, blobs } = storedBlobs(spaceId);
    const envelope = new Y.Doc();
    for (const row of rows) Y.applyUpdate(envelope, row);
    const live = envelopeEntries(envelope).toArray();
    expect(live.length).toBeGreaterThan(0);
    for (const entry of live) expect((await openEntry(entry, tabletKeys, spaceId)).ok).toBe(false);
    expect([...envelopeKeys(envelope).keys()].filter((k) => k.endsWith(`:${tabletId}`))).toEqual([]);
    // Even the rows kept from before, opened with the tablet's keys, hold nothing written after.
    const readable = new Y.Doc();
    for (const blob of blobs) {
      const opened = await openEntry(blob, tabletKeys, spaceId);
      if (opened.ok && opened.header.kind !== 3) Y.applyUpdate(readable, opened.payload);
    }
    expect(JSON.stringify(readable.getMap('contacts').toJSON())).not.toContain('Written After Removal');
  });

  it('a network that synced in plaintext is made private: the relay’s readable copy is erased, the other device is told to pair again', async () => {
    // Two devices syncing in plaintext, as before this version: credentials made through the API.
    const create = await fetch(`${server.url}/api/spaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"deviceName":"Laptop"}',
    });
    const owner = (await create.json()) as { spaceId: string; deviceId: string; token: string };
    const code = (
      (await (
        await fetch(`${server.url}/api/spaces/${owner.spaceId}/pairings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${owner.token}` },
        })
      ).json()) as { code: string }
    ).code;
    const phoneCreds = (await (
      await fetch(`${server.url}/api/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ spaceId: owner.spaceId, code, deviceName: 'Phone' }),
      })
    ).json()) as { deviceId: string; token: string };
    const useCreds = async (app: App, creds: { spaceId: string; deviceId: string; token: string }) => {
      // As a version before private sync left them on the device; the app reads them as it loads.
      await setLocalStorageItem(app, 'rapport.sync', JSON.stringify({ relayUrl: server.url, ...creds }));
      await app.reload();
    };
    const laptop = await device();
    await laptop.people.add({ name: 'Philippa Ardenwyck-Tremaine' });
    await useCreds(laptop, owner);
    const phone = await device({ width: 360, height: 740 });
    await useCreds(phone, { spaceId: owner.spaceId, ...phoneCreds });
    await phone.people.open();
    await expect.poll(() => phone.people.names()).toEqual(['Philippa Ardenwyck-Tremaine']);
    expect(allStoredBytes(owner.spaceId).includes(Buffer.from('Ardenwyck'))).toBe(true);

    expect(await laptop.sync.privacy()).toContain('Not end-to-end encrypted');
    await laptop.sync.makePrivate();
    await expect.poll(() => laptop.sync.privacy()).toContain('End-to-end encrypted');
    await laptop.sync.waitFor('Up to date');
    await phone.sync.waitFor('Sync problem');
    expect(await phone.sync.statusDetail()).toContain('pair it again');
    const { spaceId } = await syncCredentials(laptop);
    expect(spaceId).not.toBe(owner.spaceId);
    expect(storedBlobs(owner.spaceId).rows).toEqual([]);
    expect(allStoredBytes(spaceId).byteLength).toBeGreaterThan(0);
    expect(allStoredBytes(spaceId).includes(Buffer.from('Ardenwyck'))).toBe(false);

    // Paired again by a new link, the phone reads the network from the private space.
    const { link } = await laptop.sync.addDevice();
    await phone.sync.join(link, 'Phone');
    await phone.sync.waitFor('Up to date');
    await phone.people.open();
    await expect.poll(() => phone.people.names()).toEqual(['Philippa Ardenwyck-Tremaine']);
  });

  it('the envelope is kept on the device: reopened, the app fetches only what was sealed while it was closed; turned off, it is deleted', async () => {
    const laptop = await device();
    const names = Array.from({ length: 12 }, (_, i) => `Kept Sealed Person ${String(i).padStart(2, '0')}`);
    for (const name of names) await laptop.people.add({ name, organisation: 'Envelope Storage Cooperative' });
    await laptop.sync.turnOn('Laptop');
    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    contexts.push(phoneContext);
    const phone = await App.open(phoneContext, server.url);
    await phone.sync.join((await laptop.sync.addDevice()).link, 'Phone');
    await phone.sync.waitFor('Up to date');
    const { spaceId } = await syncCredentials(phone);
    // The phone's copy of the envelope has reached its IndexedDB before the app is closed.
    await expect.poll(() => keptEnvelopeBytes(phone, spaceId)).toBeGreaterThan(0);
    await phone.savedOnThisDevice();
    await phone.close();

    await laptop.people.add({ name: 'Arrived While Closed' });
    await laptop.sync.waitFor('Up to date');
    const sealed = storedBlobs(spaceId).blobs.reduce((n, b) => n + b.byteLength, 0);

    const received = webSocketBytesReceived(phoneContext);
    const reopened = await App.open(phoneContext, server.url, '/people');
    await reopened.sync.waitFor('Up to date');
    await expect.poll(() => reopened.people.names()).toEqual([...names, 'Arrived While Closed'].sort());
    // Everything sealed so far weighs kilobytes (2.5 KB once the relay has compacted it); the reopened app took in a fraction of it.
    expect(sealed).toBeGreaterThan(2000);
    expect(received()).toBeLessThan(sealed / 4);

    // Turned off, the space is no longer this device's: its sealed copy goes too, the network stays.
    expect(await keepsEnvelope(reopened, spaceId)).toBe(true);
    await reopened.sync.turnOff();
    await expect.poll(() => keepsEnvelope(reopened, spaceId)).toBe(false);
    await reopened.people.open();
    expect(await reopened.people.names()).toEqual([...names, 'Arrived While Closed'].sort());
  });

  it('keys the storage fails to hand over pause sync with a retry, rather than asking to pair again', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    await makeKeyReadsRefusable(context);
    const laptop = await App.open(context, server.url);
    await laptop.people.add({ name: 'Behind A Failing Disk' });
    await laptop.sync.turnOn('Laptop');
    await laptop.savedOnThisDevice();
    await refuseKeyReads(laptop, true);
    await laptop.close();

    const reopened = await App.open(context, server.url);
    await reopened.sync.waitFor('Sync problem');
    expect(await reopened.sync.statusDetail()).toContain('could not read the key of your network');
    expect(await reopened.sync.statusDetail()).not.toContain('Pair it again');
    await reopened.waitForText(/could not read the key of your network from this device’s storage/);

    await refuseKeyReads(reopened, false);
    await reopened.sync.tryNow();
    await reopened.sync.waitFor('Up to date');
    const phone = await device();
    await phone.sync.join((await reopened.sync.addDevice()).link, 'Phone');
    await phone.sync.waitFor('Up to date');
    await phone.people.open();
    await expect.poll(() => phone.people.names()).toEqual(['Behind A Failing Disk']);
  });

  it('hostile entries on the relay are skipped and counted in Settings, and the entries after them still apply', async () => {
    const laptop = await device();
    await laptop.sync.turnOn('Laptop');
    const phone = await device({ width: 360, height: 740 });
    await phone.sync.join((await laptop.sync.addDevice()).link, 'Phone');
    await phone.sync.waitFor('Up to date');
    // Someone with the laptop's relay token (the relay itself, say) writes entries that are not sealed with the key.
    const creds = await syncCredentials(laptop);
    const intruder = connectPeer(`${server.url.replace(/^http/, 'ws')}/sync`, creds.spaceId, creds.token);
    await synced(intruder);
    const real = envelopeEntries(intruder.doc).get(0);
    const tampered = real.slice();
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    envelopeEntries(intruder.doc).push([new Uint8Array([1, 2, 3, 4]), tampered]);
    await phone.people.add({ name: 'Added After The Junk' });
    await laptop.people.open();
    await expect.poll(() => laptop.people.names()).toEqual(['Added After The Junk']);
    await expect.poll(() => laptop.sync.dataHealth()).toContain('2 changes from the relay did not open');
    intruder.destroy();
  });
});
