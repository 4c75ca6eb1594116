/**
 * Checks a compaction snapshot before it replaces a space's rows: a worker thread
 * (snapshot-worker.js) loads it into a fresh Y.Doc and compares the state vector with the live
 * document's. Yjs's re-encoding of a document built from crafted updates is not always loadable
 * (found by fuzzing), and a snapshot that does not load would destroy the space's data. The
 * worker has a memory cap and each check a deadline, so that no document, however crafted, can
 * stall or bloat the relay itself.
 */
import { Worker } from 'node:worker_threads';
import type { CheckAnswer, CheckRequest } from './snapshot-worker.js';

type CheckResult = { ok: true } | { ok: false; error: string };

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
    const w = new Worker(new URL('./snapshot-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 1024 },
    });
    w.unref();
    w.on('message', (m: CheckAnswer) => {
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
        const request: CheckRequest = { id, snapshot, stateVector };
        w.postMessage(request);
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
