/**
 * Sync as the user sees it: off, or on with one relay; turn it on, pair another
 * device, list and remove devices. Remembers a revocation so a removed device
 * does not keep knocking at the relay after a reload.
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from '../model/index.ts';
import { forgetSync, loadSync, saveSync, type StoredSync } from './credentials.ts';
import type { OnSyncError } from './errors.ts';
import type { EntryHealth } from './private/bridge.ts';
import { connectPrivate, fetchPrivateNetworkCopy, forgetEnvelope, type PrivateConnection } from './private/connect.ts';
import { forgetSpaceKeys, loadSpaceKeys, saveSpaceKeys, type SpaceKeys } from './private/key-store.ts';
import { epochKeyFromText, epochKeyToText, newDeviceKeys, newEpochKey } from './private/keys.ts';
import { connectRelay, fetchNetworkCopy, type RelayConnection, type SyncState } from './relay.ts';
import {
  requestPairing,
  registerSpace,
  eraseSpace,
  listDevices,
  pairDevice,
  pairingLink,
  revokeDevice,
  type ApiError,
  type DeviceInfo,
  type PairingFragment,
} from './relay-api.ts';

export type SyncStatus = { kind: 'off'; message: string } | SyncState;

/** A device paired with a network but not yet syncing with it: it may look at the network first. */
export interface PendingJoin {
  /** The network as the relay holds it; null when it could not be fetched. */
  network: Y.Doc | null;
  /** Starts syncing with the network. */
  finish(): void;
}

/** How private this device's sync is, and what it could not open. */
export interface Privacy {
  /** End-to-end encrypted: the relay holds only sealed entries. */
  encrypted: boolean;
  /** Entries skipped or waiting (null while sync is off or not private). */
  health: EntryHealth | null;
}

export interface SyncController {
  status(): SyncStatus;
  settings(): StoredSync | null;
  privacy(): Privacy;
  turnOn(relayUrl: string, deviceName: string, inviteCode?: string): Promise<Result<true, ApiError>>;
  join(link: PairingFragment, deviceName: string): Promise<Result<true, ApiError>>;
  /** Pairs this device and fetches the network's copy, so it can be compared before syncing starts. */
  pair(link: PairingFragment, deviceName: string): Promise<Result<PendingJoin, ApiError>>;
  newPairing(appOrigin: string): Promise<Result<{ link: string; code: string; expiresAt: string }, ApiError>>;
  devices(): Promise<Result<DeviceInfo[], ApiError>>;
  revoke(deviceId: string): Promise<Result<true, ApiError>>;
  /**
   * Moves a network that syncs in plaintext to a new, private space on the same relay: the whole
   * network is sealed there, the old space's stored copy is erased, and its other devices are
   * told to pair again.
   */
  makePrivate(deviceName: string): Promise<Result<true, ApiError>>;
  /** Stops syncing on this device; its data stays. */
  turnOff(): void;
  retryNow(): void;
  /**
   * Starts syncing as stored. The app calls it once the first screen is shown, so that sync's own
   * start (reading keys and the kept envelope, the first exchange) does not hold that screen up.
   * Does nothing once sync has started (turning it on starts it too).
   */
  start(): void;
  destroy(): void;
}

/** 128 random bits, URL-safe: the relay's REQUEST_ID. */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const OFF: SyncStatus = { kind: 'off', message: 'Sync is off — everything is saved on this device only.' };
const NOT_ON: ApiError = { kind: 'rejected', message: 'Sync is not on for this device.' };
const NO_KEY: SyncStatus = {
  kind: 'error',
  reason: 'denied',
  message:
    'This device no longer holds the key of your network, so it cannot read what the relay keeps. Pair it again from another device.',
};
const REVOKED: SyncStatus = {
  kind: 'error',
  reason: 'revoked',
  message: 'This device was removed from your network. Its data stays readable here; pair it again to sync.',
};
const CONNECTING: SyncStatus = { kind: 'connecting', message: 'Connecting to your relay…' };
/** Not NO_KEY: the key may well be there, the storage failed to hand it over this time. */
const KEYS_UNREADABLE: SyncStatus = {
  kind: 'error',
  reason: 'storage',
  message:
    'This device could not read the key of your network from its storage, so sync is paused. Nothing is lost. Try again, or restart the browser.',
};
const BAD_KEY: ApiError = {
  kind: 'rejected',
  message: 'This pairing link is damaged: its key does not read. Make a new one on your other device.',
};

/** Keys for a device joining by `link`: its own new key pair and the space key the link carries; null for a link without one (a space that is not private). */
async function keysFromLink(link: PairingFragment): Promise<Result<SpaceKeys | null, ApiError>> {
  if (link.key === undefined) return ok(null);
  const epoch = await epochKeyFromText(link.key);
  if (epoch === null) return err(BAD_KEY);
  return ok({ device: await newDeviceKeys(), epochs: [epoch] });
}

/**
 * `onChange` hears every change of status, and of settings with it (turning on, joining,
 * turning off, a revocation), so the screen can follow without being reloaded.
 */
export function makeSyncController(
  doc: Y.Doc,
  onChange: (status: SyncStatus, settings: StoredSync | null) => void,
  onError?: OnSyncError,
): SyncController {
  let stored = loadSync();
  let connection: RelayConnection | null = null;
  let privateConnection: PrivateConnection | null = null;
  let health: EntryHealth | null = null;
  /** Bumped by each connect, so that one still loading keys gives way to a newer one. */
  let generation = 0;
  let status: SyncStatus = OFF;
  /** The turning on under way: a second click, or a second call, waits for it instead of making another space. */
  let turningOn: Promise<Result<true, ApiError>> | null = null;
  /** Sent with each try until one succeeds, so a retry after a lost answer gets the same space. */
  let requestId: string | null = null;

  const set = (s: SyncStatus) => {
    status = s;
    onChange(s, stored);
  };

  const onState = (s: SyncState) => {
    if (s.kind === 'error' && s.reason === 'revoked' && stored) {
      stored = { ...stored, revoked: true };
      saveSync(stored);
    }
    set(s);
  };

  /** After joining by a link: a new space key, so that the link no longer opens what comes next. */
  const rotateAfterPairing = async (creds: StoredSync, pc: PrivateConnection) => {
    const devices = await listDevices(creds);
    if (!devices.ok || stored?.spaceId !== creds.spaceId) return;
    await pc.bridge.rotate(devices.value.map((d) => d.deviceId));
    if (stored?.spaceId === creds.spaceId) {
      stored = { ...stored, rotateDue: false };
      saveSync(stored);
    }
  };

  const connectPrivately = async (creds: StoredSync, mine: number) => {
    let keys: SpaceKeys | null;
    try {
      keys = await loadSpaceKeys(creds.spaceId);
    } catch (error) {
      if (mine !== generation) return;
      onError?.(error, 'keys-read');
      return set(KEYS_UNREADABLE);
    }
    if (mine !== generation) return;
    if (keys === null) return set(NO_KEY);
    const pc = await connectPrivate(doc, creds, keys, {
      onState,
      onHealth: (h) => {
        health = h;
        // A new status object, so that screens following the status look at the report again.
        set({ ...status } as SyncStatus);
      },
      onFirstSync: (bridge) => {
        if (creds.rotateDue && privateConnection?.bridge === bridge) void rotateAfterPairing(creds, privateConnection);
      },
      ...(onError ? { onError } : {}),
    });
    if (mine !== generation) return pc.destroy();
    privateConnection = pc;
    connection = pc;
    set(pc.state());
  };

  const connect = () => {
    const mine = ++generation;
    connection?.destroy();
    connection = null;
    privateConnection = null;
    health = null;
    if (!stored) return set(OFF);
    if (stored.revoked) return set(REVOKED);
    const creds = stored;
    if (creds.private) {
      set(CONNECTING);
      void connectPrivately(creds, mine);
      return;
    }
    connection = connectRelay(doc, creds, onState);
    set(connection.state());
  };

  const adopt = (creds: StoredSync) => {
    stored = creds;
    saveSync(creds);
    connect();
  };

  // Until start(), a device with sync on says it is connecting: the pill is there from the first screen.
  if (stored) status = stored.revoked ? REVOKED : CONNECTING;

  return {
    start() {
      if (generation === 0) connect();
    },
    status: () => status,
    settings: () => stored,
    privacy: () => ({ encrypted: stored?.private === true, health }),
    turnOn(relayUrl, deviceName, inviteCode) {
      if (stored && !stored.revoked) return Promise.resolve(ok(true));
      turningOn ??= (async () => {
        requestId ??= newRequestId();
        const r = await registerSpace(relayUrl, deviceName, { inviteCode, requestId });
        if (!r.ok) return r;
        requestId = null;
        // A new space is private: its key is made here and never leaves this device but in a pairing link.
        await saveSpaceKeys(r.value.spaceId, { device: await newDeviceKeys(), epochs: [await newEpochKey(0)] });
        adopt({ ...r.value, private: true });
        return ok(true as const);
      })().finally(() => {
        turningOn = null;
      });
      return turningOn;
    },
    async join(link, deviceName) {
      const keys = await keysFromLink(link);
      if (!keys.ok) return keys;
      const r = await pairDevice(link.relayUrl, link.spaceId, link.code, deviceName);
      if (!r.ok) return r;
      if (keys.value) await saveSpaceKeys(r.value.spaceId, keys.value);
      adopt(keys.value ? { ...r.value, private: true, rotateDue: true } : r.value);
      return ok(true);
    },
    async pair(link, deviceName) {
      const keys = await keysFromLink(link);
      if (!keys.ok) return keys;
      const r = await pairDevice(link.relayUrl, link.spaceId, link.code, deviceName);
      if (!r.ok) return r;
      if (keys.value) await saveSpaceKeys(r.value.spaceId, keys.value);
      // Paired now: remembered at once, so that a closed tab does not leave a device the relay knows and this one forgot.
      const creds: StoredSync = keys.value ? { ...r.value, private: true, rotateDue: true } : r.value;
      stored = creds;
      saveSync(creds);
      const network = keys.value ? await fetchPrivateNetworkCopy(r.value, keys.value) : await fetchNetworkCopy(r.value);
      return ok({
        network,
        finish() {
          network?.destroy();
          connect();
        },
      });
    },
    async newPairing(appOrigin) {
      if (!stored) return err(NOT_ON);
      const creds = stored;
      let key: string | undefined;
      if (creds.private) {
        if (privateConnection === null)
          return err({
            kind: 'rejected',
            message: 'This device cannot add another until it holds the key of your network.',
          });
        key = await epochKeyToText(privateConnection.keyring.current());
      }
      const r = await requestPairing(creds);
      if (!r.ok) return r;
      return ok({
        link: pairingLink(appOrigin, creds, r.value.code, key),
        code: r.value.code,
        expiresAt: r.value.expiresAt,
      });
    },
    devices: () => (stored ? listDevices(stored) : Promise.resolve(err(NOT_ON))),
    async revoke(deviceId) {
      if (!stored) return err(NOT_ON);
      const creds = stored;
      const r = await revokeDevice(creds, deviceId);
      if (!r.ok || !creds.private || privateConnection === null) return r;
      // A new space key for the devices that remain: the removed one cannot read what comes next.
      const pc = privateConnection;
      const remaining = await listDevices(creds);
      const keep = remaining.ok
        ? remaining.value.map((d) => d.deviceId).filter((id) => id !== deviceId)
        : [creds.deviceId];
      await pc.bridge.rotate(keep);
      return r;
    },
    async makePrivate(deviceName) {
      if (!stored || stored.revoked) return err(NOT_ON);
      if (stored.private) return ok(true);
      const old = stored;
      const made = await registerSpace(old.relayUrl, deviceName);
      if (!made.ok) return made;
      await saveSpaceKeys(made.value.spaceId, { device: await newDeviceKeys(), epochs: [await newEpochKey(0)] });
      // Sync stops on the old space first, so that nothing more of it reaches the relay.
      connection?.destroy();
      connection = null;
      const erased = await eraseSpace(old);
      if (!erased.ok) {
        void forgetSpaceKeys(made.value.spaceId).catch(() => undefined);
        connect();
        return erased;
      }
      // The new space's first sync seals the whole network (the catch-up finds all of it missing).
      adopt({ ...made.value, private: true });
      return ok(true);
    },
    turnOff() {
      const spaceId = stored?.spaceId;
      forgetSync();
      stored = null;
      connect();
      if (spaceId) {
        void forgetSpaceKeys(spaceId).catch(() => undefined);
        void forgetEnvelope(spaceId).catch(() => undefined);
      }
    },
    retryNow() {
      // Without a connection there is nothing to nudge: the keys could not be read, so read them again.
      if (!connection && status === KEYS_UNREADABLE) connect();
      else connection?.retryNow();
    },
    destroy() {
      connection?.destroy();
      connection = null;
    },
  };
}
