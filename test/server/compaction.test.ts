/**
 * Compaction on its own, in-process, over the real SQLite storage and the real snapshot-check
 * worker: it counts what was stored since the last snapshot, compacts once that is enough, and
 * keeps counting the rows that arrive while a snapshot is being checked.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMetrics } from '../../server/metrics.ts';
import { Compaction } from '../../server/relay/compaction.ts';
import { Space } from '../../server/relay/space.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { makeTempDir } from './relay-process.ts';

const SPACE_ID = 'compaction-test-space1';
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

function setup(compactAfterUpdates: number) {
  const storage: Storage = openSqliteStorage({ dataDir: makeTempDir(), synchronous: 'NORMAL', checkpointMs: 0 });
  const metrics = makeMetrics();
  const space = new Space(SPACE_ID);
  // Compaction flushes the write queue as its first step: counting the calls shows when one began.
  let flushes = 0;
  /** Runs while a compaction waits for the queue (what else may happen in that wait). */
  const meanwhile: { during: () => void } = { during: () => undefined };
  const compaction = new Compaction({
    storage,
    compactAfterUpdates,
    flush: async () => {
      flushes++;
      meanwhile.during();
    },
    isLoaded: (s) => s === space,
    metrics,
    log: () => undefined,
  });
  cleanup = async () => {
    await compaction.shutdown([], 0);
    space.destroy();
    await storage.close();
  };
  const client = new Y.Doc();
  let next = 0;
  /** One client edit of about `size` bytes, applied and stored the way the relay does it. */
  const store = async (size: number) => {
    let update: Uint8Array | null = null;
    client.once('update', (u: Uint8Array) => (update = u));
    client.getMap('m').set(`k${next++}`, 'x'.repeat(size));
    const result = space.applyClientUpdate(update!, {});
    if (!result.ok) throw new Error(result.error);
    for (const { update: integrated } of result.integrated) {
      await storage.appendUpdates([{ spaceId: SPACE_ID, data: integrated }]);
      compaction.stored(space, integrated.byteLength);
    }
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const rows = () => storage.countUpdates(SPACE_ID);
  const reloads = async () => {
    const fresh = new Space('reloaded');
    const { skipped } = fresh.load(await storage.loadUpdates(SPACE_ID));
    const same = JSON.stringify(fresh.doc.getMap('m').toJSON()) === JSON.stringify(client.getMap('m').toJSON());
    fresh.destroy();
    return skipped === 0 && same;
  };
  return { compaction, metrics, space, store, turn, rows, reloads, meanwhile, flushes: () => flushes };
}

describe('compaction', () => {
  it('compacts once enough rows are stored, then waits for half a snapshot of new bytes', async () => {
    const t = setup(5);
    for (let i = 0; i < 4; i++) await t.store(1_000);
    await t.turn();
    expect(t.flushes()).toBe(0); // below the row threshold: nothing started
    await t.store(1_000);
    await t.turn();
    expect(t.flushes()).toBe(1);
    await expect.poll(() => t.metrics.compactions).toBe(1);
    expect(await t.rows()).toBe(1);
    expect(await t.reloads()).toBe(true);

    // Five small rows reach the row threshold again, but re-encoding ~5 kB for ~100 bytes of
    // news is not worth it yet.
    for (let i = 0; i < 5; i++) await t.store(10);
    await t.turn();
    expect(t.flushes()).toBe(1);
    expect(await t.rows()).toBe(6);
  });

  it('keeps the rows stored while a snapshot is checked, after it, and counts them for the next one', async () => {
    const t = setup(5);
    for (let i = 0; i < 5; i++) await t.store(1_000);
    await t.turn();
    expect(t.flushes()).toBe(1);
    // The check runs on a worker thread, so these land before it answers.
    await t.store(1_000);
    await t.store(1_000);
    await expect.poll(() => t.metrics.compactions).toBe(1);
    expect(await t.rows()).toBe(3); // the snapshot and the two rows it does not hold
    expect(await t.reloads()).toBe(true);

    // 3 + 2 rows, and 4 kB since a ~7 kB snapshot: due again.
    await t.store(1_000);
    await t.store(1_000);
    await expect.poll(() => t.metrics.compactions).toBe(2);
    expect(await t.rows()).toBe(1);
    expect(await t.reloads()).toBe(true);
  });

  it('takes no snapshot of a space whose rebuild began while it waited for the queue', async () => {
    const t = setup(500);
    for (let i = 0; i < 3; i++) await t.store(10);
    // Relay.rebuild holds the space's messages and awaits the same stored() promise as the
    // compaction; the document may still carry part of the update the rebuild will drop.
    t.meanwhile.during = () => {
      t.space.held = [];
    };
    await t.compaction.compactNow(t.space);
    // Shutdown waits for the compaction in flight (the bound only catches a hang).
    await t.compaction.shutdown([], 60_000);
    expect(t.flushes()).toBe(1);
    expect(t.metrics.compactions).toBe(0);
    expect(await t.rows()).toBe(3);
  });

  it('compacts a space loaded with a row Yjs refused, below the row threshold: the snapshot rewrites it away', async () => {
    const t = setup(500);
    await t.store(10);
    await t.store(10);
    t.compaction.loaded(t.space, 2, 1);
    await expect.poll(() => t.metrics.compactions).toBe(1);
    expect(await t.rows()).toBe(1);
  });
});
