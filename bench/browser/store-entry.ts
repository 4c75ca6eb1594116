/**
 * What bench/store.bench.ts runs inside Chromium: write the same 10,000 people
 * as the Node half does, read them all back, and report the times.
 */
import * as Y from 'yjs';
import { addMany, readAll } from '../../src/store/index.ts';
import { makeContactDrafts } from '../support/network.ts';

export function writeAndRead(count: number, runs: number): { writes: number[]; reads: number[] } {
  const drafts = makeContactDrafts(count);
  const writes: number[] = [];
  const reads: number[] = [];
  // With --expose-gc, every run starts from a collected heap, as the app's first read after loading does,
  // rather than paying for the garbage of the runs before it.
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let run = 0; run < runs; run++) {
    collect?.();
    const doc = new Y.Doc();
    let start = performance.now();
    const { created } = addMany(doc, 'contacts', drafts);
    writes.push(performance.now() - start);
    collect?.();
    start = performance.now();
    const all = readAll(doc, 'contacts');
    reads.push(performance.now() - start);
    if (created.length !== count || all.items.length !== count || all.problems.length)
      throw new Error('wrote or read the wrong number of people');
    doc.destroy();
  }
  return { writes, reads };
}
