/**
 * The envelope: the Y.Doc a private space syncs through the relay instead of the network
 * itself. The relay stores, compacts and fans it out like any other document; nothing in it
 * opens without a space key.
 *
 * - `entries` (Y.Array of bytes): sealed Yjs updates and snapshots of the plaintext document.
 *   An array, so that entries compacted away leave one small run of deleted items behind.
 * - `devices` (Y.Map deviceId → bytes): each device's public key, sealed under the space key,
 *   so that only a holder of the key can add a device others will wrap new keys for.
 * - `keys` (Y.Map): `w:<eid>:<deviceId>` an epoch key wrapped for one device;
 *   `p:<eid>:<prev>` the epoch `prev` sealed under `eid`'s key (a chain that leads only back).
 */
import type * as Y from 'yjs';
import {
  importDevicePublicKey,
  newEpochKey,
  openPreviousKey,
  randomEid,
  sealPreviousKey,
  unwrapEpochKey,
  wrapEpochKey,
  type DeviceKeys,
  type EpochKey,
} from './keys.ts';
import { EntryKind, openEntry, sealEntry, type Keyring } from './seal.ts';

export const envelopeEntries = (envelope: Y.Doc) => envelope.getArray<Uint8Array>('entries');
const envelopeDevices = (envelope: Y.Doc) => envelope.getMap<Uint8Array>('devices');
export const envelopeKeys = (envelope: Y.Doc) => envelope.getMap<Uint8Array>('keys');

/** Who this device is in a space. */
export interface Identity {
  readonly spaceId: string;
  readonly deviceId: string;
  readonly device: DeviceKeys;
}

/** Publishes this device's public key, sealed under the current epoch. */
export async function registerDevice(envelope: Y.Doc, keyring: Keyring, me: Identity, origin: unknown): Promise<void> {
  const sealed = await sealEntry(EntryKind.device, me.device.publicRaw, keyring.current(), me.spaceId, me.deviceId);
  envelope.transact(() => envelopeDevices(envelope).set(me.deviceId, sealed), origin);
}

/** The devices whose sealed public key opens (and names the device it is filed under). */
async function readDevices(envelope: Y.Doc, keyring: Keyring, spaceId: string): Promise<Map<string, CryptoKey>> {
  const found = new Map<string, CryptoKey>();
  for (const [deviceId, sealed] of envelopeDevices(envelope).entries()) {
    if (!(sealed instanceof Uint8Array)) continue;
    const opened = await openEntry(sealed, keyring, spaceId);
    if (!opened.ok || opened.header.kind !== EntryKind.device || opened.header.author !== deviceId) continue;
    try {
      found.set(deviceId, await importDevicePublicKey(opened.payload));
    } catch {
      // Not a P-256 point: ignore that device's entry.
    }
  }
  return found;
}

/**
 * Takes in every epoch key this device can reach: those wrapped for it, then, through the
 * chain, those before them. Returns how many were new.
 */
export async function learnKeys(envelope: Y.Doc, keyring: Keyring, me: Identity): Promise<number> {
  const keys = envelopeKeys(envelope);
  let learnt = 0;
  const mine = `:${me.deviceId}`;
  for (const [name, wrapped] of keys.entries()) {
    if (!name.startsWith('w:') || !name.endsWith(mine) || !(wrapped instanceof Uint8Array)) continue;
    const eid = Number(name.slice(2, name.length - mine.length));
    if (!Number.isInteger(eid) || keyring.has(eid)) continue;
    const epoch = await unwrapEpochKey(wrapped, eid, me.device, me.spaceId, me.deviceId);
    if (epoch !== null && keyring.add(epoch)) learnt++;
  }
  for (let progress = true; progress; ) {
    progress = false;
    for (const [name, sealed] of keys.entries()) {
      if (!name.startsWith('p:') || !(sealed instanceof Uint8Array)) continue;
      const [, nextEid, previousEid] = name.split(':');
      if (keyring.has(Number(previousEid))) continue;
      const next = keyring.get(Number(nextEid));
      if (next === undefined) continue;
      const previous = await openPreviousKey(next, sealed, me.spaceId);
      if (previous !== null && keyring.add(previous)) {
        learnt++;
        progress = true;
      }
    }
  }
  return learnt;
}

/**
 * Makes a new epoch, wraps it for each of `recipients` whose public key is registered (this
 * device always among them), links the current epoch behind it, forgets the wrappings of older
 * epochs and the registrations of devices no longer among the recipients. The new key goes
 * into `keyring`; entries sealed from now on use it.
 */
export async function rotateEpoch(
  envelope: Y.Doc,
  keyring: Keyring,
  me: Identity,
  recipients: ReadonlySet<string>,
  origin: unknown,
): Promise<EpochKey> {
  const current = keyring.current();
  const registered = await readDevices(envelope, keyring, me.spaceId);
  registered.set(me.deviceId, me.device.publicKey);
  let eid = randomEid();
  while (keyring.has(eid)) eid = randomEid();
  const next = await newEpochKey(current.n + 1, eid);
  const wrapped = new Map<string, Uint8Array>();
  for (const [deviceId, publicKey] of registered) {
    if (deviceId === me.deviceId || recipients.has(deviceId))
      wrapped.set(deviceId, await wrapEpochKey(next, publicKey, me.spaceId, deviceId));
  }
  // Every epoch at the top is linked, not only this device's current one: another device may
  // have rotated at the same time, and what it sealed must stay reachable from the new key.
  const links = new Map<number, Uint8Array>();
  for (const epoch of keyring.all())
    if (epoch.n >= current.n) links.set(epoch.eid, await sealPreviousKey(next, epoch, me.spaceId));
  envelope.transact(() => {
    const keys = envelopeKeys(envelope);
    for (const name of [...keys.keys()]) if (name.startsWith('w:')) keys.delete(name);
    for (const [deviceId, bytes] of wrapped) keys.set(`w:${next.eid}:${deviceId}`, bytes);
    for (const [previous, bytes] of links) keys.set(`p:${next.eid}:${previous}`, bytes);
    const devices = envelopeDevices(envelope);
    for (const deviceId of [...devices.keys()]) if (!wrapped.has(deviceId)) devices.delete(deviceId);
  }, origin);
  keyring.add(next);
  return next;
}
