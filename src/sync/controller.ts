/**
 * Sync as the user sees it: off, or on with one relay; turn it on, pair another
 * device, list and remove devices. Remembers a revocation so a removed device
 * does not keep knocking at the relay after a reload.
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from '../model/index.ts';
import { forgetSync, loadSync, saveSync, type StoredSync } from './credentials.ts';
import { connectRelay, fetchNetworkCopy, type RelayConnection, type SyncState } from './relay.ts';
import {
  createPairing,
  createSpace,
  listDevices,
  pairDevice,
  pairingLink,
  revokeDevice,
  type ApiError,
  type DeviceInfo,
} from './relay-api.ts';

export type SyncStatus = { kind: 'off'; message: string } | SyncState;

/** A device paired with a network but not yet syncing with it: it may look at the network first. */
export interface PendingJoin {
  /** The network as the relay holds it; null when it could not be fetched. */
  network: Y.Doc | null;
  /** Starts syncing with the network. */
  finish(): void;
}

export interface SyncController {
  status(): SyncStatus;
  settings(): StoredSync | null;
  turnOn(relayUrl: string, deviceName: string, inviteCode?: string): Promise<Result<true, ApiError>>;
  join(link: { relayUrl: string; spaceId: string; code: string }, deviceName: string): Promise<Result<true, ApiError>>;
  /** Pairs this device and fetches the network's copy, so it can be compared before syncing starts. */
  pair(link: { relayUrl: string; spaceId: string; code: string }, deviceName: string): Promise<Result<PendingJoin, ApiError>>;
  newPairing(appOrigin: string): Promise<Result<{ link: string; code: string; expiresAt: string }, ApiError>>;
  devices(): Promise<Result<DeviceInfo[], ApiError>>;
  revoke(deviceId: string): Promise<Result<true, ApiError>>;
  /** Stops syncing on this device; its data stays. */
  turnOff(): void;
  retryNow(): void;
  destroy(): void;
}

/** 128 random bits, URL-safe: the relay's REQUEST_ID. */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const OFF: SyncStatus = { kind: 'off', message: 'Sync is off — everything is saved on this device only.' };
const NOT_ON: ApiError = { kind: 'rejected', message: 'Sync is not on for this device.' };

/**
 * `onChange` hears every change of status, and of settings with it (turning on, joining,
 * turning off, a revocation), so the screen can follow without being reloaded.
 */
export function makeSyncController(doc: Y.Doc, onChange: (status: SyncStatus, settings: StoredSync | null) => void): SyncController {
  let stored = loadSync();
  let connection: RelayConnection | null = null;
  let status: SyncStatus = OFF;
  /** The turning on under way: a second click, or a second call, waits for it instead of making another space. */
  let turningOn: Promise<Result<true, ApiError>> | null = null;
  /** Sent with each try until one succeeds, so a retry after a lost answer gets the same space. */
  let requestId: string | null = null;

  const set = (s: SyncStatus) => {
    status = s;
    onChange(s, stored);
  };

  const connect = () => {
    connection?.destroy();
    connection = null;
    if (!stored) return set(OFF);
    if (stored.revoked) {
      return set({ kind: 'error', reason: 'revoked', message: 'This device was removed from your network. Its data stays readable here; pair it again to sync.' });
    }
    const creds = stored;
    connection = connectRelay(doc, creds, (s) => {
      if (s.kind === 'error' && s.reason === 'revoked' && stored) {
        stored = { ...stored, revoked: true };
        saveSync(stored);
      }
      set(s);
    });
    set(connection.state());
  };

  const adopt = (creds: StoredSync) => {
    stored = creds;
    saveSync(creds);
    connect();
  };

  connect();

  return {
    status: () => status,
    settings: () => stored,
    turnOn(relayUrl, deviceName, inviteCode) {
      if (stored && !stored.revoked) return Promise.resolve(ok(true));
      turningOn ??= (async () => {
        requestId ??= newRequestId();
        const r = await createSpace(relayUrl, deviceName, { inviteCode, requestId });
        if (!r.ok) return r;
        requestId = null;
        adopt(r.value);
        return ok(true as const);
      })().finally(() => {
        turningOn = null;
      });
      return turningOn;
    },
    async join(link, deviceName) {
      const r = await pairDevice(link.relayUrl, link.spaceId, link.code, deviceName);
      if (!r.ok) return r;
      adopt(r.value);
      return ok(true);
    },
    async pair(link, deviceName) {
      const r = await pairDevice(link.relayUrl, link.spaceId, link.code, deviceName);
      if (!r.ok) return r;
      // Paired now: remembered at once, so that a closed tab does not leave a device the relay knows and this one forgot.
      stored = r.value;
      saveSync(r.value);
      const network = await fetchNetworkCopy(r.value);
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
      const r = await createPairing(stored);
      if (!r.ok) return r;
      return ok({ link: pairingLink(appOrigin, stored, r.value.code), code: r.value.code, expiresAt: r.value.expiresAt });
    },
    devices: () => (stored ? listDevices(stored) : Promise.resolve(err(NOT_ON))),
    revoke: (deviceId) => (stored ? revokeDevice(stored, deviceId) : Promise.resolve(err(NOT_ON))),
    turnOff() {
      forgetSync();
      stored = null;
      connect();
    },
    retryNow: () => connection?.retryNow(),
    destroy() {
      connection?.destroy();
      connection = null;
    },
  };
}
