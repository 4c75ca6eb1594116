/** Devices of a private space for tests: a plaintext doc, an envelope and the bridge between them. */
import * as Y from 'yjs';
import { makePrivateBridge, type EntryHealth, type PrivateBridge } from '../../src/sync/private/bridge.ts';
import { newDeviceKeys, newEpochKey, type DeviceKeys, type EpochKey } from '../../src/sync/private/keys.ts';
import { Keyring } from '../../src/sync/private/seal.ts';

export interface TestDevice {
  deviceId: string;
  plain: Y.Doc;
  envelope: Y.Doc;
  keyring: Keyring;
  keys: DeviceKeys;
  bridge: PrivateBridge;
  healths: EntryHealth[];
  destroy(): void;
}

export async function firstEpoch(): Promise<EpochKey> {
  return newEpochKey(0);
}

/** A device holding `keys` (e.g. the one epoch key a pairing link carried). */
export async function makeDevice(
  spaceId: string,
  deviceId: string,
  keys: readonly EpochKey[],
  opts: { plain?: Y.Doc; envelope?: Y.Doc; compactAfter?: number; compactRatio?: number } = {},
): Promise<TestDevice> {
  const plain = opts.plain ?? new Y.Doc();
  const envelope = opts.envelope ?? new Y.Doc();
  const keyring = new Keyring(keys);
  const deviceKeys = await newDeviceKeys();
  const healths: EntryHealth[] = [];
  const bridge = makePrivateBridge({
    plain,
    envelope,
    keyring,
    spaceId,
    deviceId,
    device: deviceKeys,
    compactAfter: opts.compactAfter ?? 1_000_000,
    ...(opts.compactRatio === undefined ? {} : { compactRatio: opts.compactRatio }),
    onHealth: (h) => healths.push(h),
    onError: (e) => {
      throw e;
    },
  });
  await bridge.ready;
  return {
    deviceId,
    plain,
    envelope,
    keyring,
    keys: deviceKeys,
    bridge,
    healths,
    destroy() {
      bridge.destroy();
      plain.destroy();
      envelope.destroy();
    },
  };
}

const LINK = Symbol('link');

/** Keeps two envelopes in step, as a relay would, until the returned function is called. */
export function link(a: Y.Doc, b: Y.Doc): () => void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), LINK);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), LINK);
  const ab = (u: Uint8Array, origin: unknown) => origin !== LINK && Y.applyUpdate(b, u, LINK);
  const ba = (u: Uint8Array, origin: unknown) => origin !== LINK && Y.applyUpdate(a, u, LINK);
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}

/** Plain JSON of a doc's top-level maps, keys sorted, for comparing by value. */
export function plaintextOf(doc: Y.Doc): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object' && !(v instanceof Uint8Array)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  // Reading a collection creates its (empty) top-level map on that doc only: leave empty ones out.
  const names = [...doc.share.keys()].filter((n) => doc.getMap(n).size > 0).sort();
  return JSON.stringify(Object.fromEntries(names.map((n) => [n, sort(doc.getMap(n).toJSON())])));
}
