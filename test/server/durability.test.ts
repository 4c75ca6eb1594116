import { afterEach, describe, expect, it } from 'vitest';
import { connectPeer, registerSpace, synced, waitFor, type Peer } from './clients.ts';
import { stored } from './db.ts';
import { makeTempDir, startRelay, type RelayProcess } from './relay-process.ts';

const relays: RelayProcess[] = [];
const peers: Peer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await Promise.all(relays.splice(0).map((r) => r.stop('SIGKILL')));
});

const start = async (dataDir: string, env: Record<string, string> = {}) => {
  const relay = await startRelay({ dataDir, env });
  relays.push(relay);
  return relay;
};
const peer = (relay: RelayProcess, spaceId: string, token: string) => {
  const p = connectPeer(relay.syncUrl, spaceId, token);
  peers.push(p);
  return p;
};

describe('durability', () => {
  it('keeps data across a restart, compacted', async () => {
    const dataDir = makeTempDir();
    const first = await start(dataDir, { RAPPORT_COMPACT_AFTER: '20' });
    const creds = await registerSpace(first.url);
    const a = peer(first, creds.spaceId, creds.token);
    const b = peer(first, creds.spaceId, creds.token);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 200; i++) {
      a.doc.getMap('m').set(`k${i}`, i);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await waitFor(() => b.doc.getMap('m').size === 200, 'all edits at b');
    // Compaction (checked in a worker, so it lands a little later) keeps the row count bounded.
    await waitFor(() => stored(dataDir, creds.spaceId).rows < 60, 'compaction');
    a.destroy();
    b.destroy();
    expect((await first.stop('SIGTERM')).code).toBe(0);

    const second = await start(dataDir);
    const c = peer(second, creds.spaceId, creds.token);
    await synced(c);
    expect(c.doc.getMap('m').size).toBe(200);
    expect(c.doc.getMap('m').get('k199')).toBe(199);
  });

  it('loses nothing it broadcast when killed with SIGKILL mid-stream (3 random moments)', async () => {
    const dataDir = makeTempDir();
    let relay = await start(dataDir);
    for (let round = 0; round < 3; round++) {
      const creds = await registerSpace(relay.url);
      const writer = peer(relay, creds.spaceId, creds.token);
      const observer = peer(relay, creds.spaceId, creds.token);
      await Promise.all([synced(writer), synced(observer)]);
      const seen = new Set<string>();
      observer.doc.getMap('m').observe((e) => e.keysChanged.forEach((k) => seen.add(k)));
      let i = 0;
      const stream = setInterval(() => {
        for (let j = 0; j < 5; j++) writer.doc.getMap('m').set(`r${round}-${i++}`, 'x'.repeat(50));
      }, 1);
      // Once the stream flows (however loaded the machine), kill at a random moment within it.
      await waitFor(() => seen.size >= 20, 'stream flowing');
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      await relay.stop('SIGKILL');
      clearInterval(stream);
      const received = [...seen];
      writer.destroy();
      observer.destroy();

      // The restart that checks this round is where the next round streams.
      relay = await start(dataDir);
      const fresh = peer(relay, creds.spaceId, creds.token);
      await synced(fresh);
      const missing = received.filter((k) => !fresh.doc.getMap('m').has(k));
      expect(missing).toEqual([]);
      fresh.destroy();
    }
  }, 90_000);

  it('unloads idle spaces and loads them again before answering', async () => {
    const dataDir = makeTempDir();
    const relay = await start(dataDir, { RAPPORT_IDLE_UNLOAD_MS: '50' });
    const creds = await registerSpace(relay.url);
    const a = peer(relay, creds.spaceId, creds.token);
    await synced(a);
    a.doc.getMap('m').set('kept', true);
    await waitFor(() => stored(dataDir, creds.spaceId).rows > 0, 'stored');
    a.destroy();
    const loaded = async () =>
      /rapport_spaces_loaded (\d+)/.exec(await (await fetch(`${relay.url}/metrics`)).text())?.[1];
    while ((await loaded()) !== '0') await new Promise((r) => setTimeout(r, 20));
    const b = peer(relay, creds.spaceId, creds.token);
    await synced(b);
    // "synced" must never mean "synced against an empty document".
    expect(b.doc.getMap('m').get('kept')).toBe(true);
  });
});
