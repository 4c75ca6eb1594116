/**
 * Cluster benchmark: one relay on SQLite beside three relay nodes sharing a PostgreSQL and a Redis
 * (private servers started here with the tests' helpers, stopped at the end), in the same run on
 * the same machine, loopback only.
 *
 *   npx tsx bench/cluster.bench.ts
 *
 * Figures, each as cluster / SQLite with its target:
 * 1. updates/s through one node (clients each send a fixed count of small updates, pipelined,
 *    then wait for the answer to a sync step 1, which comes only once all of them are stored),
 *    and where the CPU goes: relay, PostgreSQL (postmaster and backends) and Redis, from /proc;
 * 2. fan-out p99: writer on node A, readers on B and C (SQLite: all on the one relay), time from
 *    a write to the last of its readers receiving it;
 * 3. a fresh device's first sync of 10,000 people through a node that never loaded the space
 *    (uploaded through node A, read through node B) vs the SQLite relay;
 * 4. memory per idle connection (RSS delta / connections).
 *
 * Sizes (env): BENCH_WRITERS (4), BENCH_UPDATES per writer (2000), BENCH_ROUNDS (3),
 * BENCH_SPACES (100) × BENCH_PER_SPACE (5) connections at BENCH_RATE updates/s (500) for
 * BENCH_SECONDS (6), BENCH_PEOPLE (10000), BENCH_RUNS (3), BENCH_IDLE (500);
 * BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the cluster nodes.
 * BENCH_ONLY=memory,throughput,fanout,initial.
 */
import fs from 'node:fs';
import os from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { isStep2, isUpdate, message, STEP1_EMPTY } from './support/sync-frames.ts';
import { WebsocketProvider } from 'y-websocket';
import { addMany } from '../src/store/index.ts';
import { makeContactDrafts } from './support/network.ts';
import { percentile } from './support/stats.ts';
import { registerSpace, pairDevice, type Credentials } from '../test/server/clients.ts';
import { createDatabase, startPostgres, startRedis, type Engine } from '../test/server/engines.ts';
import { startRelay, type RelayProcess } from '../test/server/relay-process.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const WRITERS = num('BENCH_WRITERS', 4);
const UPDATES = num('BENCH_UPDATES', 2000);
const ROUNDS = num('BENCH_ROUNDS', 3);
const SPACES = num('BENCH_SPACES', 100);
const PER_SPACE = num('BENCH_PER_SPACE', 5);
const RATE = num('BENCH_RATE', 500);
const SECONDS = num('BENCH_SECONDS', 6);
const PEOPLE = num('BENCH_PEOPLE', 10_000);
const RUNS = num('BENCH_RUNS', 3);
const IDLE = num('BENCH_IDLE', 500);
const only = new Set((process.env['BENCH_ONLY'] ?? 'memory,throughput,fanout,initial').split(','));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssKb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
/** Median of 5 readings 200 ms apart: one reading lands on a garbage collection now and then. */
async function settledRssKb(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssKb(pid));
    await sleep(200);
  }
  return median(readings);
}
const median = (xs: number[]) => percentile(xs, 50);
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** User + system CPU of a process in ms (/proc ticks, USER_HZ 100); 0 once it has gone. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Processes whose command line holds every one of `parts` (the engines do not expose their ids). */
function pidsMatching(parts: readonly string[]): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => args.includes(p))) out.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/** CPU of a process's children that have ended (cutime + cstime), in ms. */
function endedChildrenCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU of the PostgreSQL server on `port`: postmaster, its live backends, and those that ended. */
function postgresCpu(port: number): number {
  const postmasters = pidsMatching(['-p', String(port)]).filter((p) => fs.existsSync(`/proc/${p}`));
  return postmasters.reduce(
    (sum, p) => sum + cpuMs(p) + endedChildrenCpuMs(p) + childrenOf(p).reduce((s, c) => s + cpuMs(c), 0),
    0,
  );
}
/** Redis rewrites its command line to `redis-server 127.0.0.1:<port>`. */
function redisCpu(port: number): number {
  let sum = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.startsWith('redis-server') && cmdline.includes(`:${port}`)) sum += cpuMs(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return sum;
}

/** A socket that has done the client side of the initial exchange; `nextStep2` waits for the next answer. */
async function rawClient(
  relay: RelayProcess,
  creds: Credentials,
  onMessage?: (m: Buffer) => void,
): Promise<WebSocket & { nextStep2(): Promise<void> }> {
  const ws = new WebSocket(`${relay.syncUrl}/${creds.spaceId}?token=${creds.token}`, {
    perMessageDeflate: false,
  }) as WebSocket & { nextStep2(): Promise<void> };
  ws.on('error', () => {});
  const waiting: (() => void)[] = [];
  ws.nextStep2 = () => new Promise<void>((r) => waiting.push(r));
  ws.on('message', (data: Buffer) => {
    if (isStep2(data)) waiting.shift()?.();
    onMessage?.(data);
  });
  const first = ws.nextStep2();
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  ws.send(STEP1_EMPTY);
  await first;
  return ws;
}

const RELAY_ENV = {
  RAPPORT_SPACES_PER_HOUR: '100000',
  RAPPORT_PAIRINGS_PER_10MIN: '100000',
  // Writers at full speed are far above the per-connection default (500/s).
  RAPPORT_MSG_PER_SEC: '1000000',
  RAPPORT_MSG_BURST: '1000000',
  // A space leaves memory 1 s after its last connection: the first-sync figures also time a
  // SQLite relay that has to load the space (the connections of the other figures stay open).
  RAPPORT_IDLE_UNLOAD_MS: '1000',
  RAPPORT_MAX_CONNECTIONS_PER_IP: '5000', // every benchmark socket comes from 127.0.0.1
  RAPPORT_MAX_CONNECTIONS_PER_SPACE: '100',
};

interface Setup {
  sqlite: RelayProcess;
  nodes: [RelayProcess, RelayProcess, RelayProcess];
  postgres: Engine;
  redis: Engine;
}

async function setUp(): Promise<Setup> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const env = {
    ...RELAY_ENV,
    RAPPORT_DATABASE_URL: await createDatabase(postgres, 'bench'),
    RAPPORT_REDIS_URL: redis.url,
  };
  const sqlite = await startRelay({ env: RELAY_ENV });
  // One after the other: the first creates the tables.
  const nodes: RelayProcess[] = [];
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  for (let i = 0; i < 3; i++) nodes.push(await startRelay({ env, nodeArgs }));
  return { sqlite, nodes: nodes as Setup['nodes'], postgres, redis };
}

/** 4. Memory per idle connection: RSS growth over IDLE connections on IDLE/10 warm spaces. */
async function idleMemory(relay: RelayProcess): Promise<number> {
  const spaces = Math.max(1, Math.round(IDLE / 10));
  const rooms = await Promise.all(Array.from({ length: spaces }, () => registerSpace(relay.url)));
  // One warm-up connection per space, so that per-space state is not counted as per-connection.
  const warm = await Promise.all(rooms.map((c) => rawClient(relay, c)));
  await sleep(1_000);
  const pid = relay.child.pid!;
  const before = await settledRssKb(pid);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < IDLE; i++) sockets.push(await rawClient(relay, rooms[i % spaces]!));
  await sleep(3_000);
  const perConnection = ((await settledRssKb(pid)) - before) / IDLE;
  for (const ws of [...sockets, ...warm]) ws.terminate();
  await sleep(500);
  return perConnection;
}

interface Throughput {
  perSecond: number;
  /** CPU ms per update in the relay, PostgreSQL, Redis, and this process (the clients). */
  relay: number;
  postgres: number;
  redis: number;
  clients: number;
}

/** 1. WRITERS clients, each in a space of its own, send UPDATES small updates and wait until all are stored. */
async function throughput(relay: RelayProcess, engines: Setup | null): Promise<Throughput> {
  const spaces = await Promise.all(Array.from({ length: WRITERS }, () => registerSpace(relay.url)));
  const batches = spaces.map(() => {
    const doc = new Y.Doc();
    const updates: Buffer[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(message(2, u)));
    for (let i = 0; i < UPDATES; i++) doc.getMap('m').set(`k${i}`, i);
    return updates;
  });
  const writers = await Promise.all(spaces.map((c) => rawClient(relay, c)));
  await sleep(300);
  const pid = relay.child.pid!;
  const cpu0 = {
    relay: cpuMs(pid),
    pg: engines === null ? 0 : postgresCpu(engines.postgres.port),
    redis: engines === null ? 0 : redisCpu(engines.redis.port),
    self: process.cpuUsage(),
  };
  const started = performance.now();
  await Promise.all(
    writers.map(async (ws, w) => {
      for (const u of batches[w]!) {
        ws.send(u);
        if (ws.bufferedAmount > 1 << 20) await new Promise((r) => setImmediate(r));
      }
      // Answered only once every update before it on this connection is stored.
      const stored = ws.nextStep2();
      ws.send(STEP1_EMPTY);
      await stored;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = WRITERS * UPDATES;
  const self = process.cpuUsage(cpu0.self);
  const result = {
    perSecond: total / seconds,
    relay: (cpuMs(pid) - cpu0.relay) / total,
    postgres: engines === null ? 0 : (postgresCpu(engines.postgres.port) - cpu0.pg) / total,
    redis: engines === null ? 0 : (redisCpu(engines.redis.port) - cpu0.redis) / total,
    clients: (self.user + self.system) / 1000 / total,
  };
  for (const ws of writers) ws.close();
  await sleep(300);
  return result;
}

/**
 * 2. Fan-out: SPACES spaces of PER_SPACE connections; in each, one writer (on `writerOn`) and
 * readers spread over `readersOn`. Latency: write → the last reader of its space has it.
 */
async function fanOut(writerOn: RelayProcess, readersOn: readonly RelayProcess[], engines: Setup | null) {
  const owners = await Promise.all(Array.from({ length: SPACES }, () => registerSpace(writerOn.url)));
  const readersPerSpace = PER_SPACE - 1;
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  const seen = new Map<number, number>();
  /** Ids sent during the measured window that have not reached all their readers yet. */
  const measured = new Set<number>();
  let measuring = false;
  const onMessage = (m: Buffer) => {
    if (!isUpdate(m)) return;
    const seq = /seq:(\d+);/.exec(m.toString('latin1'))?.[1];
    if (seq === undefined) return;
    const id = Number(seq);
    const n = (seen.get(id) ?? 0) + 1;
    if (n < readersPerSpace) return void seen.set(id, n);
    seen.delete(id);
    const t = sentAt.get(id);
    sentAt.delete(id);
    if (t !== undefined && measured.delete(id)) latencies.push(performance.now() - t);
  };
  const writers: WebSocket[] = [];
  const readers: WebSocket[] = [];
  for (const owner of owners) {
    writers.push(await rawClient(writerOn, owner));
    for (let i = 0; i < readersPerSpace; i++) {
      const relay = readersOn[i % readersOn.length]!;
      const creds = relay === writerOn ? owner : await pairDevice(relay.url, owner);
      readers.push(await rawClient(relay, creds, onMessage));
    }
  }
  await sleep(1_000);
  const docs = owners.map(() => new Y.Doc());
  let seq = 0;
  const send = () => {
    const s = Math.floor(Math.random() * SPACES);
    const id = seq++;
    const doc = docs[s]!;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    // A key of its own: an overwritten value would be garbage-collected before it is relayed.
    doc.getMap('m').set(`k${id}`, `seq:${id};`);
    doc.off('update', capture);
    sentAt.set(id, performance.now());
    if (measuring) measured.add(id);
    writers[s]!.send(message(2, update!));
  };
  const tick = 10;
  const perTick = (RATE * tick) / 1000;
  let carry = 0;
  const timer = setInterval(() => {
    carry += perTick;
    for (; carry >= 1; carry--) send();
  }, tick);
  await sleep(1_500); // warm-up
  const pids = [...new Set([writerOn, ...readersOn].map((r) => r.child.pid!))];
  const cpu = () => ({
    relays: pids.reduce((sum, p) => sum + cpuMs(p), 0),
    postgres: engines === null ? 0 : postgresCpu(engines.postgres.port),
    redis: engines === null ? 0 : redisCpu(engines.redis.port),
    clients: process.cpuUsage(),
  });
  const cpu0 = cpu();
  const windowStart = performance.now();
  measuring = true;
  await sleep(SECONDS * 1000);
  measuring = false;
  const windowMs = performance.now() - windowStart;
  const cpu1 = cpu();
  const clients = process.cpuUsage(cpu0.clients);
  /** Cores busy during the window. */
  const cores = {
    relays: (cpu1.relays - cpu0.relays) / windowMs,
    postgres: (cpu1.postgres - cpu0.postgres) / windowMs,
    redis: (cpu1.redis - cpu0.redis) / windowMs,
    clients: (clients.user + clients.system) / 1000 / windowMs,
  };
  clearInterval(timer);
  // Everything sent in the window is waited for (up to 10 s), so slow deliveries count too.
  const sent = latencies.length + measured.size;
  for (let waited = 0; measured.size > 0 && waited < 10_000; waited += 50) await sleep(50);
  const lost = measured.size;
  for (const ws of [...writers, ...readers]) ws.terminate();
  await sleep(500);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: sent, lost, cores };
}

/** A seed device uploads the network through `relay` and stays connected; returns its space. */
async function upload(relay: RelayProcess, seed: Uint8Array): Promise<{ owner: Credentials; uploader: WebSocket }> {
  const owner = await registerSpace(relay.url);
  const uploader = await rawClient(relay, owner);
  const stored = uploader.nextStep2();
  uploader.send(message(2, seed));
  uploader.send(STEP1_EMPTY); // answered after the upload is stored
  await stored;
  return { owner, uploader };
}

/** 3. Time for a fresh official client to reach `synced` with the whole network. */
async function freshClientSync(relay: RelayProcess, creds: Credentials): Promise<number> {
  global.gc?.();
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(relay.syncUrl, creds.spaceId, doc, {
    params: { token: creds.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const elapsed = performance.now() - started;
  if (doc.getMap('contacts').size !== PEOPLE) throw new Error('incomplete initial sync');
  provider.destroy();
  doc.destroy();
  await sleep(100);
  return elapsed;
}

interface Figure {
  what: string;
  sqlite: number;
  cluster: number;
  unit: string;
  /** cluster / SQLite must be ≥ (throughput) or ≤ (the rest) this. */
  target: string;
  ok: (ratio: number) => boolean;
}

async function main(): Promise<void> {
  const started = Date.now();
  console.error(
    `load before: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  const setup = await setUp();
  const { sqlite, nodes } = setup;
  const [a, b, c] = nodes;
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    if (only.has('memory')) {
      // Rounds alternate; the median, since a garbage collection in a round moves its figure a lot.
      const singles: number[] = [];
      const nodesKb: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        singles.push(await idleMemory(sqlite));
        nodesKb.push(await idleMemory(a));
        console.error(
          `memory round ${round + 1}: SQLite ${fmt(singles.at(-1)!)} KB, node ${fmt(nodesKb.at(-1)!)} KB per connection`,
        );
      }
      const single = median(singles);
      const node = median(nodesKb);
      figures.push({
        what: `memory per idle connection (${IDLE} connections, median of ${ROUNDS})`,
        sqlite: single,
        cluster: node,
        unit: 'KB',
        target: '≤ 1.2×',
        ok: (r) => r <= 1.2,
      });
      console.error(`memory per idle connection: SQLite ${fmt(single)} KB, node ${fmt(node)} KB`);
    }
    if (only.has('throughput')) {
      // Rounds alternate, so both see the same machine load.
      const single: Throughput[] = [];
      const node: Throughput[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        single.push(await throughput(sqlite, null));
        node.push(await throughput(a, setup));
        console.error(
          `throughput round ${round + 1}: SQLite ${fmt(single.at(-1)!.perSecond, 0)}/s, node ${fmt(node.at(-1)!.perSecond, 0)}/s`,
        );
      }
      const m = (xs: Throughput[], k: keyof Throughput) => median(xs.map((x) => x[k]));
      figures.push({
        what: `updates/s, ${WRITERS} writers × ${UPDATES} (median of ${ROUNDS})`,
        sqlite: m(single, 'perSecond'),
        cluster: m(node, 'perSecond'),
        unit: '/s',
        target: '≥ 0.5×',
        ok: (r) => r >= 0.5,
      });
      notes.push(
        `CPU per update (median, ms): SQLite relay ${fmt(m(single, 'relay'), 3)}; ` +
          `node ${fmt(m(node, 'relay'), 3)} + PostgreSQL ${fmt(m(node, 'postgres'), 3)} + Redis ${fmt(m(node, 'redis'), 3)} ` +
          `(clients in this process: ${fmt(m(single, 'clients'), 3)} / ${fmt(m(node, 'clients'), 3)})`,
      );
    }
    if (only.has('fanout')) {
      const single = await fanOut(sqlite, [sqlite], null);
      console.error(`fan-out SQLite: p50 ${fmt(single.p50, 2)} ms, p99 ${fmt(single.p99, 2)} ms (${single.samples})`);
      const across = await fanOut(a, [b, c], setup);
      console.error(`fan-out A → B, C: p50 ${fmt(across.p50, 2)} ms, p99 ${fmt(across.p99, 2)} ms (${across.samples})`);
      figures.push({
        what: `fan-out p99, ${SPACES * PER_SPACE} conns / ${SPACES} spaces, ${RATE}/s`,
        sqlite: single.p99,
        cluster: across.p99,
        unit: 'ms',
        target: '≤ 2×',
        ok: (r) => r <= 2,
      });
      notes.push(
        `fan-out p50: SQLite ${fmt(single.p50, 2)} ms, across nodes ${fmt(across.p50, 2)} ms; ` +
          `updates sent in the window ${single.samples} / ${across.samples} (${RATE * SECONDS} asked for), ` +
          `not delivered within 10 s ${single.lost} / ${across.lost}`,
      );
      const cores = (c: typeof single.cores) =>
        `relays ${fmt(c.relays, 2)}, PostgreSQL ${fmt(c.postgres, 2)}, Redis ${fmt(c.redis, 2)}, clients ${fmt(c.clients, 2)}`;
      notes.push(`fan-out, cores busy: SQLite ${cores(single.cores)}; across nodes ${cores(across.cores)}`);
    }
    if (only.has('initial')) {
      const doc = new Y.Doc();
      addMany(doc, 'contacts', makeContactDrafts(PEOPLE));
      const seed = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const single: number[] = [];
      const singleCold: number[] = [];
      const node: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A new space each run, uploaded through A (which keeps its uploader): B has never loaded
        // it. On the SQLite relay the uploader stays too, so the space is in memory there.
        const s = await upload(sqlite, seed);
        const n = await upload(a, seed);
        const order: [RelayProcess, Credentials, number[]][] = [
          [sqlite, s.owner, single],
          [b, n.owner, node],
        ];
        if (run % 2 === 1) order.reverse();
        for (const [relay, creds, times] of order) times.push(await freshClientSync(relay, creds));
        s.uploader.close();
        n.uploader.close();
        // The same SQLite space once it has left memory: the relay reads it back from its file.
        await sleep(2_500);
        singleCold.push(await freshClientSync(sqlite, s.owner));
        console.error(
          `first sync run ${run + 1}: SQLite ${fmt(single.at(-1)!, 0)} ms (space not in memory ${fmt(singleCold.at(-1)!, 0)} ms), cold node ${fmt(node.at(-1)!, 0)} ms`,
        );
      }
      figures.push({
        what: `first sync, ${PEOPLE.toLocaleString('en')} people, cold node vs SQLite holding the space (median of ${RUNS})`,
        sqlite: median(single),
        cluster: median(node),
        unit: 'ms',
        target: '≤ 1.5×',
        ok: (r) => r <= 1.5,
      });
      figures.push({
        what: '  the same vs SQLite reading the space from its file',
        sqlite: median(singleCold),
        cluster: median(node),
        unit: 'ms',
        target: '≤ 1.5×',
        ok: (r) => r <= 1.5,
      });
      notes.push(`document: ${(seed.byteLength / 1024).toFixed(0)} KiB as one update`);
    }
  } finally {
    await Promise.all([sqlite, ...nodes].map((r) => r.stop()));
    await Promise.all([setup.postgres.stop(), setup.redis.stop()]);
  }
  console.log(
    'Cluster benchmark, loopback: one relay on SQLite (WAL, synchronous=NORMAL) vs nodes on one PostgreSQL ' +
      '(fsync off, as in the tests) and one Redis, all on this machine.',
  );
  console.table(
    figures.map((f) => {
      const ratio = f.cluster / f.sqlite;
      return {
        figure: f.what,
        SQLite: `${fmt(f.sqlite, f.unit === '/s' ? 0 : 1)} ${f.unit}`,
        cluster: `${fmt(f.cluster, f.unit === '/s' ? 0 : 1)} ${f.unit}`,
        ratio: `${fmt(ratio, 2)}×`,
        target: f.target,
        met: f.ok(ratio) ? 'yes' : 'no',
      };
    }),
  );
  for (const n of notes) console.log(n);
  console.log(
    `load average at end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log('rerun: npx tsx bench/cluster.bench.ts');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
