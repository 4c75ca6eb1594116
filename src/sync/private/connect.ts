/**
 * A private space's connection: the envelope syncs through the relay with the same client and
 * status as a plaintext space; the bridge keeps it and the network on this device in step.
 *
 * The envelope is kept on the device too, in its own database (it holds nothing but sealed
 * bytes): a start then fetches only what other devices sealed since, not the whole network
 * again, and what this device sealed while offline is still there to send after a restart.
 */
import * as Y from 'yjs';
import type { OnSyncError } from '../errors.ts';
import { makeLocalCopy } from '../local.ts';
import { connectRelay, fetchNetworkCopy, type RelayConnection, type SyncState } from '../relay.ts';
import type { SpaceCredentials } from '../relay-api.ts';
import { makePrivateBridge, type EntryHealth, type PrivateBridge } from './bridge.ts';
import { saveSpaceKeys, type SpaceKeys } from './key-store.ts';
import { Keyring } from './seal.ts';

export interface PrivateConnection extends RelayConnection {
  bridge: PrivateBridge;
  keyring: Keyring;
}

/** The database that keeps a space's envelope on this device. */
export const envelopeDbName = (spaceId: string): string => `rapport-envelope-${spaceId}`;

/** Deletes the envelope kept for `spaceId` (sync turned off: the space is no longer this device's). */
export function forgetEnvelope(spaceId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(envelopeDbName(spaceId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once the envelope kept on the device is loaded and the connection to the relay has started. */
export async function connectPrivate(
  plain: Y.Doc,
  creds: SpaceCredentials,
  keys: SpaceKeys,
  opts: {
    onState: (s: SyncState) => void;
    onHealth: (h: EntryHealth) => void;
    /** Once, after the envelope first synced and what it lacked was sealed. */
    onFirstSync?: (bridge: PrivateBridge) => void;
    onError?: OnSyncError;
  },
): Promise<PrivateConnection> {
  const envelope = new Y.Doc();
  const kept = makeLocalCopy(envelope, {
    name: envelopeDbName(creds.spaceId),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
  // A device whose storage fails still syncs: the envelope is then fetched whole, as it is anyway the first time.
  await kept.loaded.catch((error: unknown) => opts.onError?.(error, 'envelope'));
  const keyring = new Keyring(keys.epochs);
  const bridge = makePrivateBridge({
    plain,
    envelope,
    keyring,
    spaceId: creds.spaceId,
    deviceId: creds.deviceId,
    device: keys.device,
    onKeys: (k) =>
      void saveSpaceKeys(creds.spaceId, { device: keys.device, epochs: k.all() }).catch((e: unknown) =>
        opts.onError?.(e, 'keys-save'),
      ),
    onHealth: opts.onHealth,
    onError: (e) => console.error('Rapport (private sync):', e instanceof Error ? e.message : 'error'),
  });
  let caughtUp = false;
  const connection = connectRelay(envelope, creds, (s) => {
    if (s.kind === 'up-to-date' && !caughtUp) {
      caughtUp = true;
      void bridge.catchUp().then(() => opts.onFirstSync?.(bridge));
    }
    opts.onState(s);
  });
  return {
    bridge,
    keyring,
    state: connection.state,
    retryNow: connection.retryNow,
    destroy() {
      connection.destroy();
      bridge.destroy();
      void kept.destroy().finally(() => envelope.destroy());
    },
  };
}

/** The network as the relay's envelope holds it, opened with `keys`; null when the relay does not answer. */
export async function fetchPrivateNetworkCopy(creds: SpaceCredentials, keys: SpaceKeys): Promise<Y.Doc | null> {
  const envelope = await fetchNetworkCopy(creds);
  if (envelope === null) return null;
  const plain = new Y.Doc();
  const bridge = makePrivateBridge({
    plain,
    envelope,
    keyring: new Keyring(keys.epochs),
    spaceId: creds.spaceId,
    deviceId: creds.deviceId,
    device: keys.device,
  });
  await bridge.ready;
  await bridge.settled();
  bridge.destroy();
  envelope.destroy();
  return plain;
}
