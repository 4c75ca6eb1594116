/**
 * Private sync side by side with plaintext, through the real relay on loopback, with Node
 * clients (the browser figures are in bench/sync.bench.ts, which now runs private spaces):
 * a freshly paired device taking in 10,000 people, edit → other device, what the relay stores
 * after compaction, and the relay's CPU per update.
 * Rerun: npx tsx bench/private-sync.bench.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { addMany, readAll, update } from '../src/store/index.ts';
import { epochKeyToText, epochKeyFromText } from '../src/sync/private/keys.ts';
import { connectPeer, registerSpace, synced, type Peer } from '../test/server/clients.ts';
import { startRelay, type RelayProcess } from '../test/server/relay-process.ts';
import { firstEpoch, makeDevice, type TestDevice } from '../test/support/private-devices.ts';
import { makeContactDrafts } from './support/network.ts';
import { ms, percentile } from './support/stats.ts';

const PEOPLE = 10_000;
const EDITS = Number(process.env.EDITS ?? 1000);
const RUNS = 5;

interface Side {
  /** The document the app reads (plaintext on both sides). */
  plain: Y.Doc;
  /** Resolves when everything this side has is acknowledged by the relay. */
  settled(): Promise<void>;
  destroy(): void;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, settle: () => Promise<void> = async () => undefined): Promise<void> {
  for (;;) {
    await settle();
    if (check()) return;
    await wait(2);
  }
}

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const tick = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
}

async function plaintextSide(relay: RelayProcess, room: string, token: string): Promise<Side & { peer: Peer }> {
  const peer = connectPeer(relay.syncUrl, room, token);
  await synced(peer);
  return { plain: peer.doc, peer, settled: async () => undefined, destroy: () => peer.destroy() };
}

async function privateSide(
  relay: RelayProcess,
  room: string,
  token: string,
  deviceId: string,
  keyText: string,
): Promise<Side & { device: TestDevice; peer: Peer }> {
  const device = await makeDevice(room, deviceId, [(await epochKeyFromText(keyText))!], { compactAfter: 200 });
  const peer = connectPeer(relay.syncUrl, room, token, device.envelope);
  await synced(peer);
  // As the app does: the catch-up follows the first sync, without holding up what is shown.
  void device.bridge.catchUp();
  return {
    plain: device.plain,
    device,
    peer,
    settled: () => device.bridge.settled(),
    destroy: () => {
      peer.provider.destroy();
      device.destroy();
    },
  };
}

function loadRows(dataDir: string, spaceId: string): Y.Doc {
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

const count = (doc: Y.Doc) => doc.getMap('contacts').size;

async function run(mode: 'plaintext' | 'private') {
  // The relay's own compaction (the same work for both, about the document's size) is left out of
  // the per-update CPU: /proc counts in 10 ms ticks, and one compaction would swamp the edits.
  const relay = await startRelay({ env: { RAPPORT_SPACES_PER_HOUR: '1000', RAPPORT_COMPACT_AFTER: '100000' } });
  try {
    const owner = await registerSpace(relay.url);
    const keyText = await epochKeyToText(await firstEpoch());
    const open = (id: string) =>
      mode === 'plaintext'
        ? plaintextSide(relay, owner.spaceId, owner.token)
        : privateSide(relay, owner.spaceId, owner.token, id, keyText);

    // The network, uploaded by a first device.
    const laptop = await open('laptop');
    addMany(laptop.plain, 'contacts', makeContactDrafts(PEOPLE));
    if (mode === 'private') await (laptop as Awaited<ReturnType<typeof privateSide>>).device.bridge.compact();
    await laptop.settled();
    const probe = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    await synced(probe);
    const laptopEnvelope =
      mode === 'private' ? (laptop as Awaited<ReturnType<typeof privateSide>>).device.envelope : laptop.plain;
    await until(() =>
      Buffer.from(Y.encodeStateVector(probe.doc)).equals(Buffer.from(Y.encodeStateVector(laptopEnvelope))),
    );
    probe.destroy();

    // 1. A freshly paired device: connect → 10,000 people in its document.
    // Wall time, and the CPU time of this process (the device) and the relay: on a machine busy
    // with other work the wall time swings, the CPU time much less.
    const joins: number[] = [];
    const joinCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const relayCpu = cpuMs(relay.child.pid!);
      const phone = await open(`phone-${i}`);
      await until(() => count(phone.plain) === PEOPLE);
      joins.push(performance.now() - started);
      const device = process.cpuUsage(cpu);
      joinCpu.push((device.user + device.system) / 1000 + cpuMs(relay.child.pid!) - relayCpu);
      phone.destroy();
    }

    // 2. Edit → other device.
    const phone = await open('phone');
    await until(() => count(phone.plain) === PEOPLE, phone.settled);
    const ids = readAll(laptop.plain, 'contacts')
      .items.slice(0, EDITS)
      .map((c) => c.id);
    const cpuBefore = cpuMs(relay.child.pid!);
    const latencies: number[] = [];
    for (const [i, id] of ids.entries()) {
      const role = `Role ${mode} ${i}`;
      const entry = phone.plain.getMap('contacts').get(id) as Y.Map<unknown>;
      const started = performance.now();
      update(laptop.plain, 'contacts', id, { role });
      await until(
        () => entry.get('role') === role,
        async () => {
          await laptop.settled();
          await phone.settled();
        },
      );
      latencies.push(performance.now() - started);
    }
    const cpuPerUpdate = (cpuMs(relay.child.pid!) - cpuBefore) / EDITS;

    // 3. What the relay stores, after its own compaction at shutdown (and the devices' before it).
    if (mode === 'private') await (laptop as Awaited<ReturnType<typeof privateSide>>).device.bridge.compact();
    await laptop.settled();
    await wait(300);
    phone.destroy();
    laptop.destroy();
    await relay.stop();
    // What the relay's compaction makes of its rows (its own re-encoding), whether or not the
    // compaction at shutdown finished within its bound.
    const relayBytes = Y.encodeStateAsUpdate(loadRows(relay.dataDir, owner.spaceId)).byteLength;
    const localBytes = Y.encodeStateAsUpdate(laptop.plain).byteLength;
    // The device keeps the envelope too (its own IndexedDB copy, compacted like the network's to
    // the document's encoding): after the device's compaction, this is what it stores beside the network.
    const envelopeBytes = Y.encodeStateAsUpdate(laptopEnvelope).byteLength;
    return { joins, joinCpu, latencies, cpuPerUpdate, relayBytes, localBytes, envelopeBytes };
  } finally {
    await relay.stop();
  }
}

const plain = await run('plaintext');
const priv = await run('private');
const median = (xs: number[]) => percentile(xs, 50);
console.log(
  `freshly paired device, ${PEOPLE.toLocaleString('en')} people (median of ${RUNS}): plaintext ${ms(median(plain.joins))}, private ${ms(median(priv.joins))} → ${(median(priv.joins) / median(plain.joins)).toFixed(2)}×`,
);
console.log(
  `  CPU time of the device and the relay for it (median): plaintext ${ms(median(plain.joinCpu))}, private ${ms(median(priv.joinCpu))} → ${(median(priv.joinCpu) / median(plain.joinCpu)).toFixed(2)}×`,
);
console.log(
  `edit → other device (median / p95 of ${EDITS}): plaintext ${ms(median(plain.latencies))} / ${ms(percentile(plain.latencies, 95))}, private ${ms(median(priv.latencies))} / ${ms(percentile(priv.latencies, 95))} → +${(median(priv.latencies) - median(plain.latencies)).toFixed(1)} ms`,
);
console.log(
  `relay storage after compaction: plaintext ${(plain.relayBytes / 1024).toFixed(0)} KiB, private ${(priv.relayBytes / 1024).toFixed(0)} KiB → ${(priv.relayBytes / plain.relayBytes).toFixed(2)}×`,
);
console.log(
  `device's local store after compaction: the plaintext document as before (${(priv.localBytes / 1024).toFixed(0)} KiB); the envelope kept beside it ${(priv.envelopeBytes / 1024).toFixed(0)} KiB → ${(priv.envelopeBytes / priv.localBytes).toFixed(2)}× the plaintext document`,
);
console.log(
  `relay CPU per update: plaintext ${plain.cpuPerUpdate.toFixed(2)} ms, private ${priv.cpuPerUpdate.toFixed(2)} ms → ${(priv.cpuPerUpdate / plain.cpuPerUpdate).toFixed(2)}×`,
);
