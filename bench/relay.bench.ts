/**
 * Relay benchmark: our relay and the reference relay (@y/websocket-server@0.1.1, no persistence)
 * side by side in one run, loopback only, bounded in count and time (about a minute).
 *
 *   npx tsx bench/relay.bench.ts
 *
 * Figures: updates/s one writer → one reader (ours stores every update in SQLite first);
 * fan-out latency p50/p99 with 500 connections over 100 spaces at ~1,000 updates/s; memory per
 * idle connection (relay RSS delta / connections); initial sync of a 10,000-contact space to a
 * fresh official client, for a generic document and for Rapport's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { isStep2, isUpdate, message, STEP1_EMPTY } from './support/sync-frames.ts';
import { WebsocketProvider } from 'y-websocket';
import { addMany } from '../src/store/index.ts';
import { makeContactDrafts } from './support/network.ts';
import { registerSpace } from '../test/server/clients.ts';
import { startReferenceRelay } from '../test/server/reference-relay.ts';
import { startRelay } from '../test/server/relay-process.ts';

interface Target {
  name: string;
  syncUrl: string;
  pid: number;
  room(): Promise<{ room: string; token: string }>;
  stop(): Promise<unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssKb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

/** A socket that has done the client side of the initial exchange (step 1 → step 2). */
async function rawClient(
  target: Target,
  room: string,
  token: string,
  onMessage?: (m: Buffer) => void,
): Promise<WebSocket> {
  const ws = new WebSocket(`${target.syncUrl}/${room}?token=${token}`, { perMessageDeflate: false });
  ws.on('error', () => {});
  let synced: () => void;
  const done = new Promise<void>((r) => (synced = r));
  ws.on('message', (data: Buffer) => {
    if (isStep2(data)) synced();
    onMessage?.(data);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  ws.send(STEP1_EMPTY);
  await done;
  return ws;
}

async function startTargets(): Promise<Target[]> {
  const ours = await startRelay({
    env: {
      RAPPORT_SPACES_PER_HOUR: '100000',
      // One writer at full speed is far above the per-connection default (500/s); raised here
      // so that the benchmark measures the relay, not its rate limiter.
      RAPPORT_MSG_PER_SEC: '1000000',
      RAPPORT_MSG_BURST: '1000000',
      RAPPORT_IDLE_UNLOAD_MS: '600000',
      RAPPORT_MAX_CONNECTIONS_PER_IP: '5000', // every benchmark socket comes from 127.0.0.1
      RAPPORT_MAX_CONNECTIONS_PER_SPACE: '100',
    },
    // BENCH_RELAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles our relay during the run.
    nodeArgs: (process.env['BENCH_RELAY_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== ''),
  });
  const reference = await startReferenceRelay();
  return [
    {
      name: 'ours',
      syncUrl: ours.syncUrl,
      pid: ours.child.pid ?? 0,
      room: async () => {
        const c = await registerSpace(ours.url);
        return { room: c.spaceId, token: c.token };
      },
      stop: () => ours.stop(),
    },
    {
      name: 'reference',
      syncUrl: reference.syncUrl,
      pid: reference.pid,
      room: async () => ({ room: `room-${Math.random().toString(36).slice(2)}`, token: 'unused' }),
      stop: () => reference.stop(),
    },
  ];
}

/** One writer pushes N pre-encoded map updates; one reader counts them arriving. */
async function throughput(target: Target, n = 20_000): Promise<number> {
  const { room, token } = await target.room();
  const doc = new Y.Doc();
  const updates: Buffer[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(message(2, u)));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, i);
  let received = 0;
  let finished: () => void;
  const all = new Promise<void>((r) => (finished = r));
  const reader = await rawClient(target, room, token, (m) => {
    if (isUpdate(m) && ++received === n) finished();
  });
  const writer = await rawClient(target, room, token);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    writer.send(updates[i]!);
    if (writer.bufferedAmount > 1 << 20) await new Promise((r) => setImmediate(r));
  }
  await Promise.race([all, sleep(60_000)]);
  const seconds = (performance.now() - started) / 1000;
  reader.close();
  writer.close();
  return received / seconds;
}

/**
 * Memory per idle connection: relay RSS growth over `count` connections spread over `spaces`
 * spaces (each has done the initial exchange), measured after the relay settled.
 */
async function idleMemory(target: Target, count = 1000, spaces = 100): Promise<number> {
  const rooms = await Promise.all(Array.from({ length: spaces }, () => target.room()));
  // One warm-up connection per room, so that per-space state is not counted as per-connection.
  const warm = await Promise.all(rooms.map(({ room, token }) => rawClient(target, room, token)));
  await sleep(1_000);
  const before = rssKb(target.pid);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i++) {
    const { room, token } = rooms[i % spaces]!;
    sockets.push(await rawClient(target, room, token));
  }
  await sleep(3_000);
  const perConnection = (rssKb(target.pid) - before) / count;
  for (const ws of [...sockets, ...warm]) ws.terminate();
  await sleep(500);
  return perConnection;
}

/** Fan-out latency: 500 connections over 100 spaces, each a device writing its own document. */
async function fanOut(target: Target, spaces = 100, perSpace = 5, rate = 1000, seconds = 8) {
  const rooms = await Promise.all(Array.from({ length: spaces }, () => target.room()));
  await sleep(500);
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  let measuring = false;
  const onMessage = (m: Buffer) => {
    if (!isUpdate(m)) return;
    const seq = /seq:(\d+);/.exec(m.toString('latin1'))?.[1];
    const t = seq === undefined ? undefined : sentAt.get(Number(seq));
    if (t !== undefined && measuring) latencies.push(performance.now() - t);
  };
  const sockets: WebSocket[][] = [];
  for (const { room, token } of rooms) {
    const group: WebSocket[] = [];
    for (let i = 0; i < perSpace; i++) group.push(await rawClient(target, room, token, onMessage));
    sockets.push(group);
  }
  await sleep(1_000);

  // Each connection is a device with its own document, as in the app.
  const docs = sockets.map((group) => group.map(() => new Y.Doc()));
  let seq = 0;
  const send = () => {
    const s = Math.floor(Math.random() * spaces);
    const id = seq++;
    const doc = docs[s]![id % perSpace]!;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    // A key of its own: an overwritten value would be garbage-collected before it is relayed.
    doc.getMap('m').set(`k${id}`, `seq:${id};`);
    doc.off('update', capture);
    sentAt.set(id, performance.now());
    sockets[s]![id % perSpace]!.send(message(2, update!));
  };
  const tick = 10;
  const perTick = (rate * tick) / 1000;
  const timer = setInterval(() => {
    for (let i = 0; i < perTick; i++) send();
  }, tick);
  await sleep(1_500); // warm-up
  measuring = true;
  await sleep(seconds * 1000);
  measuring = false;
  clearInterval(timer);
  await sleep(300);
  for (const group of sockets) for (const ws of group) ws.terminate();
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), samples: sorted.length };
}

function contactsDoc(n = 10_000): Y.Doc {
  const doc = new Y.Doc();
  const contacts = doc.getMap('contacts');
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const c = new Y.Map<unknown>();
      contacts.set(`contact-${i}`, c);
      c.set('name', `Person Number ${i}`);
      c.set('email', `person${i}@example.org`);
      c.set('phone', `+1 555 ${String(i).padStart(7, '0')}`);
      c.set('company', `Company ${i % 500}`);
      c.set('title', 'Engineer');
      c.set('city', `City ${i % 80}`);
      c.set('notes', `Met at conference ${i % 40}; follow up about project ${i}.`);
      c.set('createdAt', 1_700_000_000_000 + i);
    }
  });
  return doc;
}

/** 10,000 people as Rapport's store writes them. */
function rapportDoc(): Y.Doc {
  const doc = new Y.Doc();
  addMany(doc, 'contacts', makeContactDrafts(10_000));
  return doc;
}

/** A seed device uploads the network once; returns the room to sync from. */
async function upload(target: Target, seed: Uint8Array): Promise<{ room: string; token: string; uploader: WebSocket }> {
  const { room, token } = await target.room();
  let acknowledged: () => void;
  const ack = new Promise<void>((r) => (acknowledged = r));
  let steps = 0;
  const uploader = await rawClient(target, room, token, (m) => {
    if (isStep2(m) && ++steps === 2) acknowledged();
  });
  uploader.send(message(2, seed));
  uploader.send(STEP1_EMPTY); // answered after the upload was applied (and, for ours, stored)
  await ack;
  return { room, token, uploader };
}

/** Time for a fresh official client to reach `synced` with the whole network. */
async function freshClientSync(target: Target, room: string, token: string): Promise<number> {
  global.gc?.(); // with --expose-gc, start each run from a collected client heap
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(target.syncUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const elapsed = performance.now() - started;
  if (doc.getMap('contacts').size !== 10_000) throw new Error(`${target.name}: incomplete initial sync`);
  provider.destroy();
  doc.destroy();
  await sleep(100);
  return elapsed;
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

const only = new Set((process.env['BENCH_ONLY'] ?? 'fanout,throughput,initial').split(','));

async function main(): Promise<void> {
  const started = Date.now();
  const targets = await startTargets();
  const rows: Record<string, Record<string, string>> = Object.fromEntries(targets.map((t) => [t.name, {}]));
  const row = (t: Target) => rows[t.name]!;
  try {
    if (only.has('fanout')) {
      for (const t of targets) {
        row(t)['memory/idle conn (KB)'] = fmt(await idleMemory(t));
        console.error(`${t.name}: memory per idle connection ${row(t)['memory/idle conn (KB)']} KB`);
      }
      for (const t of targets) {
        const f = await fanOut(t);
        row(t)['fan-out p50 (ms)'] = fmt(f.p50, 2);
        row(t)['fan-out p99 (ms)'] = fmt(f.p99, 2);
        row(t)['fan-out samples'] = String(f.samples);
        console.error(`${t.name}: fan-out p50 ${fmt(f.p50, 2)} ms, p99 ${fmt(f.p99, 2)} ms`);
      }
    }
    // Throughput and initial sync alternate between the relays, so both see the same machine load.
    if (only.has('throughput')) {
      const results = new Map<Target, number[]>(targets.map((t) => [t, []]));
      for (let round = 0; round < 3; round++) {
        for (const t of targets) results.get(t)!.push(await throughput(t, 10_000));
      }
      for (const t of targets) row(t)['updates/s 1→1 (median of 3)'] = fmt(median(results.get(t)!), 0);
      console.error('throughput done');
    }
    if (only.has('initial')) {
      // A generic document (one item per field), and Rapport's own as the store writes it.
      const seeds: [string, Uint8Array][] = [
        ['initial sync 10k contacts (ms, median of 8)', Y.encodeStateAsUpdate(contactsDoc())],
        ['initial sync 10k Rapport people (ms, median of 8)', Y.encodeStateAsUpdate(rapportDoc())],
      ];
      for (const [label, seed] of seeds) {
        const rooms = new Map<Target, { room: string; token: string; uploader: WebSocket }>();
        for (const t of targets) rooms.set(t, await upload(t, seed));
        const times = new Map<Target, number[]>(targets.map((t) => [t, []]));
        for (let run = 0; run < 8; run++) {
          // Alternate who goes first: the client process's own garbage from the previous run
          // otherwise lands on the same relay's measurement every time.
          const order = run % 2 === 0 ? targets : [...targets].reverse();
          for (const t of order) times.get(t)!.push(await freshClientSync(t, rooms.get(t)!.room, rooms.get(t)!.token));
        }
        for (const t of targets) {
          row(t)[label] = fmt(median(times.get(t)!), 0);
          rooms.get(t)!.uploader.close();
        }
        console.error(`${label} done (update of ${seed.byteLength} bytes)`);
      }
    }
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
  }
  console.log(
    'Relay benchmark, loopback. Ours stores every update in SQLite (WAL, synchronous=NORMAL) before relaying; the reference stores nothing.',
  );
  console.table(rows);
  const ours = rows['ours']!;
  const ref = rows['reference']!;
  const ratio = (k: string) => fmt(Number(ours[k]) / Number(ref[k]), 2);
  console.log(
    `ours/reference: updates/s ${ratio('updates/s 1→1 (median of 3)')}×, fan-out p99 ${ratio('fan-out p99 (ms)')}×, ` +
      `initial sync ${ratio('initial sync 10k contacts (ms, median of 8)')}× (Rapport's own document ${ratio('initial sync 10k Rapport people (ms, median of 8)')}×), ` +
      `memory/conn ${ratio('memory/idle conn (KB)')}×`,
  );
  console.log(
    `load average at end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
