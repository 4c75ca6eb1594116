/**
 * A private space's connection: the envelope syncs through the relay with the same client and
 * status as a plaintext space; the bridge keeps it and the network on this device in step.
 * The envelope lives in memory only (it holds nothing but sealed bytes, and is fetched again
 * from the relay at each start).
 */
import * as Y from 'yjs';
import { connectRelay, fetchNetworkCopy, type RelayConnection, type SyncState } from '../relay.ts';
import type { SpaceCredentials } from '../relay-api.ts';
import { makePrivateBridge, type EntryHealth, type PrivateBridge } from './bridge.ts';
import { saveSpaceKeys, type SpaceKeys } from './key-store.ts';
import { Keyring } from './seal.ts';

export interface PrivateConnection extends RelayConnection {
  bridge: PrivateBridge;
  keyring: Keyring;
}

export function connectPrivate(
  plain: Y.Doc,
  creds: SpaceCredentials,
  keys: SpaceKeys,
  opts: {
    onState: (s: SyncState) => void;
    onHealth: (h: EntryHealth) => void;
    /** Once, after the envelope first synced and what it lacked was sealed. */
    onFirstSync?: (bridge: PrivateBridge) => void;
  },
): PrivateConnection {
  const envelope = new Y.Doc();
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
        console.error('Rapport: the space keys could not be stored', e),
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
      envelope.destroy();
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
