/**
 * The checkpointer's thread (see checkpointer.ts): a second connection to the database that
 * checkpoints the WAL every `intervalMs`, and closes when told to stop.
 *
 * JavaScript with JSDoc types, checked by tsc like the rest of server/ (checkJs in
 * tsconfig.server.json): Node 20 cannot start a worker on a `.ts` file, and loading one through
 * tsx inside each worker made it start about three times slower.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * @typedef {object} CheckpointWorkerData
 * @property {string} file the database file
 * @property {number} intervalMs time between checkpoints
 */

if (parentPort === null) throw new Error('checkpoint-worker.js runs as a worker thread');
const port = parentPort;
/** @type {CheckpointWorkerData} */
const data = workerData;
const db = new Database(data.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Reported, not fatal: the next round tries again.
    port.postMessage(String(error));
  }
}, data.intervalMs);
port.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
