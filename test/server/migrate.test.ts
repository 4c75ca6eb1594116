/**
 * `npm run migrate`: a single node's SQLite data copied into PostgreSQL, then served by a node of
 * a cluster — same tokens, same documents, a pending pairing code still good.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, contents, registerSpace, pairDevice, synced, waitFor, type Peer } from './clients.ts';
import { createDatabase, startPostgres, startRedis, type Engine } from './engines.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let postgres: Engine;
let redis: Engine;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});
const relays: RelayProcess[] = [];
const peers: Peer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await Promise.all(relays.splice(0).map((r) => r.stop('SIGKILL')));
});

const migrate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/migrate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run migrate', () => {
  it('copies a SQLite relay into PostgreSQL, where a cluster node serves it as before', async () => {
    const single = await startRelay();
    relays.push(single);
    const owner = await registerSpace(single.url);
    const phone = await pairDevice(single.url, owner);
    const a = connectPeer(single.syncUrl, owner.spaceId, owner.token);
    peers.push(a);
    await synced(a);
    for (let i = 0; i < 30; i++) a.doc.getMap('m').set(`k${i}`, i);
    const code = await fetch(`${single.url}/api/spaces/${owner.spaceId}/pairings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.token}` },
    }).then((r) => r.json() as Promise<{ code: string }>);
    const before = contents(a.doc);
    // Every edit stored before the relay stops: a fresh device sees them all.
    const check = connectPeer(single.syncUrl, owner.spaceId, phone.token);
    peers.push(check);
    await synced(check);
    await waitFor(() => contents(check.doc) === before, 'all edits stored');
    const key = await fetch(`${single.url}/api/push/key`).then((r) => r.json() as Promise<{ publicKey: string }>);
    expect((await single.stop('SIGTERM')).code).toBe(0);

    const url = await createDatabase(postgres, 'migrated');
    const run = migrate('--from', single.dataDir, '--to', url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/updates: \d+/);
    expect(run.stdout).toContain('vapid key pair: copied');

    const node = await startRelay({ env: { RAPPORT_DATABASE_URL: url, RAPPORT_REDIS_URL: redis.url } });
    relays.push(node);
    // Reminders subscribed with the old relay's key are signed with it by every node.
    expect(await fetch(`${node.url}/api/push/key`).then((r) => r.json())).toEqual(key);
    const b = connectPeer(node.syncUrl, owner.spaceId, phone.token);
    peers.push(b);
    await synced(b);
    expect(contents(b.doc)).toBe(before);
    // New rows go after the copied ones.
    b.doc.getMap('m').set('after', true);
    const c = connectPeer(node.syncUrl, owner.spaceId, owner.token);
    peers.push(c);
    await synced(c);
    await waitFor(() => c.doc.getMap('m').get('after') === true, 'new edit after migration');
    const paired = await fetch(`${node.url}/api/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ spaceId: owner.spaceId, code: code.code, deviceName: 'Tablet' }),
    });
    expect(paired.status).toBe(201);

    // Never twice into the same database.
    const again = migrate('--from', single.dataDir, '--to', url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds spaces/);
  }, 120_000);

  it('says what is wrong with its arguments, without repeating a URL', () => {
    const none = migrate();
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/--to is required/);
    const bad = migrate('--to', 'mysql://u:hunter2@h/d');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/postgres:\/\//);
    expect(bad.stderr).not.toContain('hunter2');
    const missing = migrate('--to', postgres.url, '--from', '/nonexistent-rapport-dir');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no SQLite database/);
  });
});
