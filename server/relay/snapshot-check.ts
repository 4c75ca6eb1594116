/**
 * Checks a compaction snapshot before it replaces a space's rows: a worker thread loads it into
 * a fresh Y.Doc and compares the state vector with the live document's. Yjs's re-encoding of a
 * document built from crafted updates is not always loadable (found by fuzzing), and a snapshot
 * that does not load would destroy the space's data. The worker has a memory cap and each check
 * a deadline, so that no document, however crafted, can stall or bloat the relay itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
const entries = (sv) => [...Y.decodeStateVector(sv)].sort((a, b) => a[0] - b[0]).join(';');
parentPort.on('message', ({ id, snapshot, stateVector }) => {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const clean = doc.store.pendingStructs === null && doc.store.pendingDs === null;
    const same = entries(Y.encodeStateVector(doc)) === entries(stateVector);
    doc.destroy();
    parentPort.postMessage({ id, ok: clean && same, error: clean ? (same ? null : 'state differs') : 'pending' });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error && error.message || error) });
  }
});
`;

export type CheckResult = { ok: true } | { ok: false; error: string };

export interface SnapshotChecker {
  /** Starts the worker ahead of the first check (it takes a moment to load Yjs). */
  warm(): void;
  check(snapshot: Uint8Array, stateVector: Uint8Array): Promise<CheckResult>;
  stop(): Promise<void>;
}

interface Job {
  readonly resolve: (result: CheckResult) => void;
  readonly timer: NodeJS.Timeout;
}

export function makeSnapshotChecker(options: { timeoutMs?: number; maxMemoryMb?: number } = {}): SnapshotChecker {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const yjs = createRequire(import.meta.url).resolve('yjs');
  const jobs = new Map<number, Job>();
  let nextId = 0;
  let worker: Worker | null = null;
  let stopped = false;

  const failAll = (error: string) => {
    for (const [id, job] of jobs) {
      clearTimeout(job.timer);
      job.resolve({ ok: false, error });
      jobs.delete(id);
    }
  };

  const start = (): Worker => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: { yjs },
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 1024 },
    });
    w.unref();
    w.on('message', (m: { id: number; ok: boolean; error: string | null }) => {
      const job = jobs.get(m.id);
      if (job === undefined) return;
      clearTimeout(job.timer);
      jobs.delete(m.id);
      job.resolve(m.ok ? { ok: true } : { ok: false, error: m.error ?? 'unknown' });
    });
    // Out of memory or killed: every check in flight fails; the next check starts a new worker.
    w.on('error', (e) => failAll(String(e)));
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll('checker exited');
    });
    return w;
  };

  return {
    warm() {
      if (!stopped) worker ??= start();
    },
    check(snapshot, stateVector) {
      if (stopped) return Promise.resolve({ ok: false, error: 'stopped' });
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<CheckResult>((resolve) => {
        const timer = setTimeout(() => {
          // A check that runs too long is treated as a failure, and its worker is replaced.
          jobs.delete(id);
          resolve({ ok: false, error: 'timeout' });
          if (worker === w) worker = null;
          void w.terminate();
        }, timeoutMs);
        timer.unref();
        jobs.set(id, { resolve, timer });
        w.postMessage({ id, snapshot, stateVector });
      });
    },
    async stop() {
      stopped = true;
      failAll('stopped');
      await worker?.terminate();
      worker = null;
    },
  };
}
