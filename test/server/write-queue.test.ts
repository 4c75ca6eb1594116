/**
 * The write queue on its own, in-process, over the real PostgreSQL storage: a batch that fails
 * takes with it what its spaces queued while it was being written. The failure is a real one: the
 * batch waits on the space's rows lock (held here by another session), and its connection is
 * terminated meanwhile.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Space } from '../../server/relay/space.ts';
import { WriteQueue } from '../../server/relay/write-queue.ts';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { createDatabase, startPostgres, type Engine } from './engines.ts';

let postgres: Engine | null = null;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

/** Key space of postgres.ts's per-space rows locks. */
const ROWS_LOCK = 7_311_016;

describe('write queue', () => {
  it('neither stores nor delivers what a space queued behind a batch that failed', async () => {
    if (postgres === null) throw new Error('postgres not started');
    const url = await createDatabase(postgres, 'write_queue_1');
    const storage = await openPostgresStorage({ url });
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    const failedSpace = new Space('queue-test-failing');
    const otherSpace = new Space('queue-test-other');
    try {
      const delivered: [string, number][] = [];
      const failed: string[][] = [];
      const queue = new WriteQueue(storage, {
        delivered: (space, update) => delivered.push([space.id, update[0]!]),
        failed: (spaces) => failed.push([...spaces].map((s) => s.id)),
        observeWrite: () => undefined,
      });
      await blocker.query('SELECT pg_advisory_lock($1, hashtext($2))', [ROWS_LOCK, failedSpace.id]);
      queue.enqueue(failedSpace, Uint8Array.of(1), null);
      const firstStored = queue.stored(failedSpace);
      // The first batch is being written once its transaction waits for the lock.
      let waiting: number | null = null;
      while (waiting === null) {
        const r = await blocker.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()",
        );
        waiting = r.rows[0]?.pid ?? null;
        if (waiting === null) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      queue.enqueue(failedSpace, Uint8Array.of(2), null);
      queue.enqueue(otherSpace, Uint8Array.of(3), null);
      const secondStored = queue.stored(failedSpace);
      await blocker.query('SELECT pg_terminate_backend($1)', [waiting]);
      await firstStored;
      await blocker.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ROWS_LOCK, failedSpace.id]);
      await secondStored;
      await queue.drain();
      expect(failed).toEqual([[failedSpace.id]]);
      expect(delivered).toEqual([[otherSpace.id, 3]]);
      expect(await storage.loadUpdates(failedSpace.id)).toEqual([]);
      expect((await storage.loadUpdates(otherSpace.id)).map((r) => [...r.data])).toEqual([[3]]);
      expect(queue.stored(failedSpace)).toBeNull();
    } finally {
      failedSpace.destroy();
      otherSpace.destroy();
      await blocker.end();
      await storage.close();
    }
  }, 60_000);
});
