/**
 * WAL checkpoints on a worker thread. SQLite normally checkpoints inside whichever commit pushes
 * the WAL past its threshold, and a checkpoint fsyncs: that would stall the relay's event loop
 * (and every connection's latency) at random moments. A second connection on its own thread
 * (checkpoint-worker.js) checkpoints instead, concurrently with the relay's commits (WAL allows
 * that).
 */
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData } from './checkpoint-worker.js';

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs: number, onError: (error: string) => void): Checkpointer {
  const workerData: CheckpointWorkerData = { file, intervalMs };
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
  worker.on('message', (m: unknown) => onError(String(m)));
  worker.on('error', (e) => onError(String(e)));
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 2_000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('stop');
      }),
  };
}
