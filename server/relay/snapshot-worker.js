/**
 * The snapshot checker's thread (see snapshot-check.ts): loads each snapshot into a fresh Y.Doc
 * and answers whether it holds exactly the live document's state, with nothing left pending.
 *
 * JavaScript with JSDoc types, checked by tsc like the rest of server/ (checkJs in
 * tsconfig.server.json): Node 20 cannot start a worker on a `.ts` file, and loading one through
 * tsx inside each worker made it start about three times slower.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * @typedef {object} CheckRequest
 * @property {number} id
 * @property {Uint8Array} snapshot
 * @property {Uint8Array} stateVector the live document's
 */

/**
 * @typedef {object} CheckAnswer
 * @property {number} id the request's
 * @property {boolean} ok
 * @property {string | null} error why not, when not ok
 */

/**
 * A state vector in a form that compares by value, whatever order its clients were written in.
 * @param {Uint8Array} stateVector
 * @returns {string}
 */
const entries = (stateVector) => [...Y.decodeStateVector(stateVector)].sort((a, b) => a[0] - b[0]).join(';');

/**
 * @param {CheckRequest} request
 * @returns {CheckAnswer}
 */
function check({ id, snapshot, stateVector }) {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const clean = doc.store.pendingStructs === null && doc.store.pendingDs === null;
    const same = entries(Y.encodeStateVector(doc)) === entries(stateVector);
    doc.destroy();
    return { id, ok: clean && same, error: clean ? (same ? null : 'state differs') : 'pending' };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error && error.message !== '' ? error.message : String(error) };
  }
}

if (parentPort === null) throw new Error('snapshot-worker.js runs as a worker thread');
const port = parentPort;
port.on('message', (/** @type {CheckRequest} */ request) => port.postMessage(check(request)));
