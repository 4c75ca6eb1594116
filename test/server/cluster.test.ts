/**
 * Several relay nodes on one PostgreSQL and one Redis, all started here (private servers, free
 * ports): official y-websocket clients on different nodes converge; pairing, revocation and
 * erasure work whichever node a request reaches.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, contents, registerSpace, pairDevice, synced, waitFor, type Peer } from './clients.ts';
import { createDatabase, startPostgres, startRedis, type Engine } from './engines.ts';
import { makeTempDir, startRelay, type RelayProcess } from './relay-process.ts';
import { startFakePushService, verifyVapid } from './fake-push.ts';
import { makeVapidKeys } from '../../server/push/vapid.ts';

let postgres: Engine | null = null;
let redis: Engine | null = null;
let env: Record<string, string> = {};
let nodes: RelayProcess[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await createDatabase(postgres, 'cluster');
  env = {
    RAPPORT_DATABASE_URL: databaseUrl,
    RAPPORT_REDIS_URL: redis.url,
    RAPPORT_SPACES_PER_HOUR: '1000',
    RAPPORT_PAIRINGS_PER_10MIN: '1000',
  };
  // One after the other: the first creates the tables (the others would wait on its lock anyway).
  for (let i = 0; i < 3; i++) nodes.push(await startRelay({ env }));
}, 120_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  nodes = [];
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});
const peer = (node: RelayProcess, room: string, token: string): Peer => {
  const p = connectPeer(node.syncUrl, room, token);
  peers.push(p);
  return p;
};

describe('several nodes', () => {
  it('official clients on three nodes converge, in several spaces at once', async () => {
    const [a, b, c] = nodes as [RelayProcess, RelayProcess, RelayProcess];
    const spaces = await Promise.all([0, 1, 2].map((i) => registerSpace(nodes[i]!.url)));
    const groups = await Promise.all(
      spaces.map(async (owner, i) => {
        // A code made on one node is redeemed on another.
        const second = await pairDevice(nodes[(i + 1) % 3]!.url, owner);
        const third = await pairDevice(nodes[(i + 2) % 3]!.url, owner);
        return [
          peer(a, owner.spaceId, owner.token),
          peer(b, owner.spaceId, second.token),
          peer(c, owner.spaceId, third.token),
        ];
      }),
    );
    await Promise.all(groups.flat().map(synced));
    groups.forEach((group, s) => {
      group.forEach((p, i) => {
        for (let k = 0; k < 20; k++) p.doc.getMap('m').set(`s${s}-n${i}-k${k}`, k);
      });
    });
    for (const group of groups) {
      await waitFor(
        () => group.every((p) => p.doc.getMap('m').size === 60 && contents(p.doc) === contents(group[0]!.doc)),
        'convergence across nodes',
      );
    }
    // Spaces stay apart.
    expect([...groups[0]![0]!.doc.getMap('m').keys()].every((k) => k.startsWith('s0-'))).toBe(true);
    // A device that joins later, on any node, gets everything from storage.
    const late = peer(b, spaces[2]!.spaceId, spaces[2]!.token);
    await synced(late);
    await waitFor(() => contents(late.doc) === contents(groups[2]![0]!.doc), 'late joiner');
  });

  it('shows presence across nodes', async () => {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const phone = await pairDevice(b.url, owner);
    const x = peer(a, owner.spaceId, owner.token);
    const y = peer(b, owner.spaceId, phone.token);
    await Promise.all([synced(x), synced(y)]);
    x.provider.awareness.setLocalStateField('user', { name: 'on A' });
    await waitFor(
      () => [...y.provider.awareness.getStates().values()].some((s) => s['user']?.name === 'on A'),
      'presence from node A on node B',
    );
  });

  it('revoking a device on one node closes its sockets on the others', async () => {
    const [a, b, c] = nodes as [RelayProcess, RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const phone = await pairDevice(a.url, owner);
    const onB = peer(b, owner.spaceId, phone.token);
    const onC = peer(c, owner.spaceId, phone.token);
    await Promise.all([synced(onB), synced(onC)]);
    const res = await fetch(`${a.url}/api/spaces/${owner.spaceId}/devices/${phone.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(204);
    await waitFor(
      () => onB.closes.some((e) => e.code === 4410) && onC.closes.some((e) => e.code === 4410),
      '4410 on nodes B and C',
    );
    // And it cannot come back through any node.
    const res2 = await fetch(`${c.url}/api/spaces/${owner.spaceId}/devices`, {
      headers: { Authorization: `Bearer ${phone.token}` },
    });
    expect(res2.status).toBe(403);
  });

  it('erasing a space on one node cuts its devices on the others, and nothing of it comes back', async () => {
    const [a, b] = nodes as [RelayProcess, RelayProcess];
    const owner = await registerSpace(a.url);
    const phone = await pairDevice(b.url, owner);
    const onB = peer(b, owner.spaceId, phone.token);
    await synced(onB);
    onB.doc.getMap('m').set('secret', 'gone soon');
    const onA = peer(a, owner.spaceId, owner.token);
    await synced(onA);
    await waitFor(() => onA.doc.getMap('m').get('secret') === 'gone soon', 'edit from B at A');
    const res = await fetch(`${a.url}/api/spaces/${owner.spaceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(204);
    await waitFor(
      () => onB.closes.some((e) => e.code === 4410) && onA.closes.some((e) => e.code === 4410),
      '4410 on both nodes',
    );
    const listed = await fetch(`${b.url}/api/spaces/${owner.spaceId}/devices`, {
      headers: { Authorization: `Bearer ${phone.token}` },
    });
    expect(listed.status).toBe(403);
    const client = new pg.Client({ connectionString: env['RAPPORT_DATABASE_URL'] });
    await client.connect();
    const rows = await client.query('SELECT 1 FROM updates WHERE space_id = $1', [owner.spaceId]);
    await client.end();
    expect(rows.rowCount).toBe(0);
  });

  it('counts wrong pairing guesses spread over the nodes together', async () => {
    const owner = await registerSpace(nodes[0]!.url);
    const res = await fetch(`${nodes[0]!.url}/api/spaces/${owner.spaceId}/pairings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    const { code } = (await res.json()) as { code: string };
    const pair = (node: RelayProcess, guess: string) =>
      fetch(`${node.url}/api/pair`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ spaceId: owner.spaceId, code: guess, deviceName: 'x' }),
      });
    // Ten wrong guesses, a few on each node: no node saw ten, together they did.
    for (let i = 0; i < 10; i++) expect((await pair(nodes[i % 3]!, '0000-0000-0000')).status).toBe(403);
    expect((await pair(nodes[1]!, code)).status).toBe(403);
  });

  it('refuses to start with only one of the two URLs', async () => {
    await expect(startRelay({ env: { RAPPORT_DATABASE_URL: env['RAPPORT_DATABASE_URL']! } })).rejects.toThrow(
      /RAPPORT_REDIS_URL is not/,
    );
    await expect(startRelay({ env: { RAPPORT_REDIS_URL: env['RAPPORT_REDIS_URL']! } })).rejects.toThrow(
      /RAPPORT_DATABASE_URL is not/,
    );
  });

  it('every node signs reminders with one key pair, a node that brought its own vapid.json too', async () => {
    const push = await startFakePushService();
    const ownDir = makeTempDir();
    const own = makeVapidKeys();
    fs.writeFileSync(path.join(ownDir, 'vapid.json'), JSON.stringify(own), { mode: 0o600 });
    const pushEnv = { ...env, RAPPORT_PUSH_ALLOW_LOCAL_HTTP: '1' };
    const [a, b] = [await startRelay({ env: pushEnv }), await startRelay({ env: pushEnv, dataDir: ownDir })];
    try {
      const keyOf = async (node: RelayProcess) =>
        ((await (await fetch(`${node.url}/api/push/key`)).json()) as { publicKey: string }).publicKey;
      const key = await keyOf(nodes[0]!);
      expect([await keyOf(a), await keyOf(b)]).toEqual([key, key]);
      expect(own.publicKey).not.toBe(key);
      expect(b.stdout() + b.stderr()).toContain('push.vapid-file-unused');
      // Subscribed with the key node A handed out, woken through node B: the push service accepts it.
      const owner = await registerSpace(a.url);
      const browser = push.subscribe('cluster');
      const at = Date.now() + 500;
      const res = await fetch(`${b.url}/api/spaces/${owner.spaceId}/reminders`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ subscription: browser.subscription, wakeAt: [at] }),
      });
      expect(res.status).toBe(204);
      await waitFor(() => push.received.length > 0, 'the push');
      expect(verifyVapid(push.received[0]!.headers, browser.subscription.endpoint).publicKey).toBe(key);
    } finally {
      await Promise.all([a.stop(), b.stop(), push.close()]);
    }
  });
});
