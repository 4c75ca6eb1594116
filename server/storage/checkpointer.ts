/**
 * WAL checkpoints on a worker thread. SQLite normally checkpoints inside whichever commit pushes
 * the WAL past its threshold, and a checkpoint fsyncs: that would stall the relay's event loop
 * (and every connection's latency) at random moments. A second connection on its own thread
 * checkpoints instead, concurrently with the relay's commits (WAL allows that).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs: number, onError: (error: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, intervalMs },
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
