/**
 * Several nodes when something breaks: a node killed with SIGKILL, two nodes compacting the same
 * space, Redis gone for a while, PostgreSQL gone for a while. Real servers throughout (private
 * PostgreSQL and Redis started here, relay processes); nothing is mocked.
 */
import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, contents, registerSpace, pairDevice, synced, waitFor, type Peer } from './clients.ts';
import { createDatabase, startPostgres, startRedis, type Engine } from './engines.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

let postgres: Engine;
let redis: Engine;
let databases = 0;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

const nodes: RelayProcess[] = [];
const peers: Peer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await Promise.all(nodes.splice(0).map((n) => n.stop('SIGKILL')));
});

/** A fresh database and `count` nodes on it. */
async function cluster(count: number, extra: Record<string, string> = {}) {
  const databaseUrl = await createDatabase(postgres, `faults_${++databases}`);
  const env = {
    RAPPORT_DATABASE_URL: databaseUrl,
    RAPPORT_REDIS_URL: redis.url,
    RAPPORT_SPACES_PER_HOUR: '1000',
    RAPPORT_PAIRINGS_PER_10MIN: '1000',
    ...extra,
  };
  const started: RelayProcess[] = [];
  const start = async () => {
    const node = await startRelay({ env });
    nodes.push(node);
    started.push(node);
    return node;
  };
  for (let i = 0; i < count; i++) await start();
  return { databaseUrl, nodes: started, start };
}

const peer = (node: RelayProcess, spaceId: string, token: string) => {
  const p = connectPeer(node.syncUrl, spaceId, token);
  peers.push(p);
  return p;
};

async function rowsOf(databaseUrl: string, spaceId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM updates WHERE space_id = $1', [spaceId]);
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * A TCP link to Redis that can be cut for one node only: while cut, its connections are closed
 * and new ones refused (closed at once), so its client keeps reconnecting in vain; Redis itself
 * and the other nodes' links stay up.
 */
async function redisLink(target: Engine) {
  let cut = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    if (cut) return void socket.destroy();
    const upstream = net.connect(target.port, '127.0.0.1');
    open.add(socket).add(upstream);
    const close = () => {
      socket.destroy();
      upstream.destroy();
      open.delete(socket);
      open.delete(upstream);
    };
    socket.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      cut = true;
      for (const s of open) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => {
      for (const s of open) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('several nodes, when something breaks', () => {
  it('a node killed with SIGKILL mid-stream lost nothing that any device received', async () => {
    const c = await cluster(2);
    const [a, b] = c.nodes as [RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const writer = peer(a, owner.spaceId, owner.token);
    const observer = peer(b, owner.spaceId, owner.token);
    await Promise.all([synced(writer), synced(observer)]);
    const seen = new Set<string>();
    observer.doc.getMap('m').observe((e) => e.keysChanged.forEach((k) => seen.add(k)));
    let i = 0;
    const stream = setInterval(() => {
      for (let j = 0; j < 5; j++) writer.doc.getMap('m').set(`k${i++}`, 'x'.repeat(50));
    }, 1);
    await waitFor(() => seen.size >= 20, 'stream flowing to the other node');
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    await a.stop('SIGKILL');
    clearInterval(stream);
    writer.destroy();
    const received = [...seen];
    const fresh = peer(await c.start(), owner.spaceId, owner.token);
    await synced(fresh);
    expect(received.filter((k) => !fresh.doc.getMap('m').has(k))).toEqual([]);
  }, 90_000);

  it('two nodes compacting the same space lose and duplicate nothing', async () => {
    const c = await cluster(2, { RAPPORT_COMPACT_AFTER: '10' });
    const [a, b] = c.nodes as [RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const phone = await pairDevice(b.url, owner);
    const x = peer(a, owner.spaceId, owner.token);
    const y = peer(b, owner.spaceId, phone.token);
    await Promise.all([synced(x), synced(y)]);
    for (let k = 0; k < 150; k++) {
      x.doc.getMap('m').set(`x${k}`, k);
      y.doc.getMap('m').set(`y${k}`, k);
      if (k % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(
      () => x.doc.getMap('m').size === 300 && contents(x.doc) === contents(y.doc),
      'convergence while compacting',
    );
    // Whichever node compacts, and however their attempts collide, the rows come down.
    let rows = await rowsOf(c.databaseUrl, owner.spaceId);
    const reportAfter = Date.now() + 20_000;
    while (rows >= 10) {
      if (Date.now() > reportAfter) console.warn(`still waiting for compaction: ${rows} rows`);
      await new Promise((r) => setTimeout(r, 100));
      rows = await rowsOf(c.databaseUrl, owner.spaceId);
    }
    const late = peer(await c.start(), owner.spaceId, owner.token);
    await synced(late);
    expect(contents(late.doc)).toBe(contents(x.doc));
    expect(late.doc.getMap('m').size).toBe(300);
  }, 90_000);

  it('without Redis each node serves its own devices; when Redis is back, the others catch up', async () => {
    const c = await cluster(2);
    const [a, b] = c.nodes as [RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const phone = await pairDevice(a.url, owner);
    const x1 = peer(a, owner.spaceId, owner.token);
    const x2 = peer(a, owner.spaceId, phone.token);
    const y = peer(b, owner.spaceId, phone.token);
    await Promise.all([synced(x1), synced(x2), synced(y)]);
    await redis.kill();
    x1.doc.getMap('m').set('from-a', 1);
    await waitFor(() => x2.doc.getMap('m').get('from-a') === 1, 'same-node delivery without Redis');
    y.doc.getMap('m').set('from-b', 2);
    await redis.start();
    await waitFor(
      () => y.doc.getMap('m').get('from-a') === 1 && x1.doc.getMap('m').get('from-b') === 2,
      'catch-up after Redis returned',
    );
    // And the link works again for new edits.
    x2.doc.getMap('m').set('after', 3);
    await waitFor(() => y.doc.getMap('m').get('after') === 3, 'fan-out after Redis returned');
  }, 90_000);

  it('a node cut off from Redis alone tells the others, once back, what it stored and revoked', async () => {
    const link = await redisLink(redis);
    try {
      const databaseUrl = await createDatabase(postgres, `faults_${++databases}`);
      const env = {
        RAPPORT_DATABASE_URL: databaseUrl,
        RAPPORT_SPACES_PER_HOUR: '1000',
        RAPPORT_PAIRINGS_PER_10MIN: '1000',
      };
      const a = await startRelay({ env: { ...env, RAPPORT_REDIS_URL: link.url } });
      nodes.push(a);
      const b = await startRelay({ env: { ...env, RAPPORT_REDIS_URL: redis.url } });
      nodes.push(b);
      const owner = await registerSpace(a.url);
      const phone = await pairDevice(a.url, owner);
      const lost = await pairDevice(a.url, owner, 'Lost phone');
      const x = peer(a, owner.spaceId, owner.token);
      const y = peer(b, owner.spaceId, phone.token);
      const z = peer(b, owner.spaceId, lost.token);
      await Promise.all([synced(x), synced(y), synced(z)]);
      x.doc.getMap('m').set('before', 1);
      await waitFor(() => y.doc.getMap('m').get('before') === 1, 'fan-out before the cut');
      link.cut();
      x.doc.getMap('m').set('during', 2);
      const revoked = await fetch(`${a.url}/api/spaces/${owner.spaceId}/devices/${lost.deviceId}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${owner.token}` },
      });
      expect(revoked.status).toBe(204);
      // Stored on a (a device there reads it back), while b, whose link never broke, heard nothing.
      const check = peer(a, owner.spaceId, owner.token);
      await synced(check);
      await waitFor(() => check.doc.getMap('m').get('during') === 2, 'stored on a during the cut');
      link.restore();
      await waitFor(() => y.doc.getMap('m').get('during') === 2, 'b re-reads the space once a is back');
      await waitFor(() => z.closes.some((e) => e.code === 4410), 'revocation made during the cut reaches b');
      expect(contents(y.doc)).toBe(contents(x.doc));
    } finally {
      await link.close();
    }
  }, 90_000);

  it('nodes started while Redis is down serve their devices, and catch up once it is reached', async () => {
    await redis.kill();
    try {
      const c = await cluster(2);
      const [a, b] = c.nodes as [RelayProcess, RelayProcess];
      const owner = await registerSpace(a.url);
      const phone = await pairDevice(b.url, owner);
      const x = peer(a, owner.spaceId, owner.token);
      const y = peer(b, owner.spaceId, phone.token);
      await Promise.all([synced(x), synced(y)]);
      x.doc.getMap('m').set('from-a', 1);
      y.doc.getMap('m').set('from-b', 2);
      await redis.start();
      await waitFor(
        () => contents(x.doc) === contents(y.doc) && x.doc.getMap('m').size === 2,
        'catch-up once Redis is first reached',
      );
    } finally {
      await redis.start();
    }
  }, 90_000);

  it('without PostgreSQL a node refuses writes (1011), and recovers by itself when it is back', async () => {
    const c = await cluster(1);
    const [a] = c.nodes as [RelayProcess];
    const owner = await registerSpace(a.url);
    const x = peer(a, owner.spaceId, owner.token);
    await synced(x);
    x.doc.getMap('m').set('before', 1);
    while ((await rowsOf(c.databaseUrl, owner.spaceId)) === 0) await new Promise((r) => setTimeout(r, 20));
    await postgres.kill();
    x.doc.getMap('m').set('during', 2);
    await waitFor(() => x.closes.some((e) => e.code === 1011), '1011 while PostgreSQL is down');
    await postgres.start();
    // The client reconnects by itself (refused with 1011 until storage answers again) and hands
    // over what the relay lacks, the edit that could not be stored included.
    const fresh = peer(a, owner.spaceId, owner.token);
    await synced(fresh);
    await waitFor(
      () => fresh.doc.getMap('m').get('before') === 1 && fresh.doc.getMap('m').get('during') === 2,
      'both edits stored after recovery',
    );
  }, 90_000);

  it('a compaction lease held by a node that died blocks compaction only until it expires', async () => {
    const c = await cluster(1, { RAPPORT_COMPACT_AFTER: '10' });
    const [a] = c.nodes as [RelayProcess];
    const owner = await registerSpace(a.url);
    const db = new pg.Client({ connectionString: c.databaseUrl });
    await db.connect();
    try {
      // A node that took the lease and was killed: its lease runs for a long while yet.
      await db.query('INSERT INTO compaction_leases (space_id, holder, expires_at) VALUES ($1, $2, $3)', [
        owner.spaceId,
        'dead-node',
        Date.now() + 3_600_000,
      ]);
      const x = peer(a, owner.spaceId, owner.token);
      const y = peer(a, owner.spaceId, owner.token);
      await Promise.all([synced(x), synced(y)]);
      for (let k = 0; k < 40; k++) {
        x.doc.getMap('m').set(`k${k}`, k);
        await new Promise((r) => setTimeout(r, 2));
      }
      await waitFor(() => y.doc.getMap('m').size === 40, 'all edits relayed (so stored)');
      expect(await rowsOf(c.databaseUrl, owner.spaceId)).toBeGreaterThanOrEqual(10);
      // Its time runs out.
      await db.query('UPDATE compaction_leases SET expires_at = $1 WHERE space_id = $2', [
        Date.now() - 1,
        owner.spaceId,
      ]);
      let rows = await rowsOf(c.databaseUrl, owner.spaceId);
      while (rows >= 10) {
        await new Promise((r) => setTimeout(r, 100));
        rows = await rowsOf(c.databaseUrl, owner.spaceId);
      }
      const late = peer(a, owner.spaceId, owner.token);
      await synced(late);
      expect(contents(late.doc)).toBe(contents(x.doc));
    } finally {
      await db.end();
    }
  }, 90_000);

  it('an update announced before one it builds on is completed from storage', async () => {
    const c = await cluster(1);
    const [a] = c.nodes as [RelayProcess];
    const owner = await registerSpace(a.url);
    const x = peer(a, owner.spaceId, owner.token);
    await synced(x);
    // Another node stored two updates, the second building on the first, but only the second's
    // announcement got through (the first was published while Redis was away).
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    const text = new Y.Text();
    writer.getMap('m').set('t', text);
    text.insert(0, 'hello');
    text.insert(5, ' world');
    const client = new pg.Client({ connectionString: c.databaseUrl });
    await client.connect();
    for (const u of updates)
      await client.query('INSERT INTO updates (space_id, data) VALUES ($1, $2)', [owner.spaceId, Buffer.from(u)]);
    await client.end();
    const publisher = new Redis(redis.url);
    const frame = Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 7), Buffer.from(updates.at(-1)!)]);
    await publisher.publish(`rapport:space:${owner.spaceId}`, frame);
    publisher.disconnect();
    await waitFor(() => x.doc.getMap('m').get('t')?.toString() === 'hello world', 'the whole text, from storage');
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/^rapport_updates_from_nodes_total 1$/m);
    // At least this one (a node that reached Redis only after its first device came also catches up).
    expect(metrics).toMatch(/^rapport_catch_ups_total [1-9]\d*$/m);
    // And the relay's own copy is whole too: a newcomer gets it from the relay's document.
    const late = peer(a, owner.spaceId, owner.token);
    await synced(late);
    expect(late.doc.getMap('m').get('t')?.toString()).toBe('hello world');
  });

  // Last: its buckets stay in this file's Redis.
  it('limits an address the same whichever node its requests reach', async () => {
    const c = await cluster(2, { RAPPORT_SPACES_PER_HOUR: '3' });
    const [a, b] = c.nodes as [RelayProcess, RelayProcess];
    const create = (node: RelayProcess) =>
      fetch(`${node.url}/api/spaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const statuses = [];
    for (const node of [a, b, a]) statuses.push((await create(node)).status);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await create(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await create(a)).status).toBe(429);
  });
});
