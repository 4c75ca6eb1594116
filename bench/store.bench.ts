/**
 * The store with 10,000 people of about ten fields: write them all, read them
 * all back as checked model values, and load that document from IndexedDB in
 * Chromium through the real app. Writing and reading are timed in Chromium,
 * where the app runs them, and in Node for reference (Node 20's V8 is older and
 * builds objects slower). Rerun: npx tsx bench/store.bench.ts (the IndexedDB
 * part needs `npm run build` first).
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { addMany, readAll } from '../src/store/index.ts';
import { startAppServer } from '../test/browser/support/app-server.ts';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { makeContactDrafts } from './support/network.ts';
import type * as StoreBench from './browser/store-entry.ts';
import { bundleForBrowser } from './support/browser-bundle.ts';
import { seedIndexedDb } from './support/seed-browser.ts';
import { ms, percentile, time } from './support/stats.ts';

const COUNT = 10_000;
const RUNS = 7;
const drafts = makeContactDrafts(COUNT);

const writes: number[] = [];
const reads: number[] = [];
let update: Uint8Array = new Uint8Array();
for (let run = 0; run < RUNS; run++) {
  const doc = new Y.Doc();
  const [created, w] = time(() => addMany(doc, 'contacts', drafts));
  if (created.created.length !== COUNT) throw new Error(`wrote ${created.created.length} of ${COUNT}`);
  const [all, r] = time(() => readAll(doc, 'contacts'));
  if (all.items.length !== COUNT || all.problems.length) throw new Error('read back the wrong number of people');
  writes.push(w);
  reads.push(r);
  update = Y.encodeStateAsUpdate(doc);
}
const runs = (samples: number[]) => samples.map((t) => t.toFixed(0)).join(', ');
console.log(`store: document size ${(update.length / 1e6).toFixed(2)} MB (update V1)`);
console.log(
  `store, in Node: write ${COUNT} people median ${ms(percentile(writes, 50))}; read them as model values median ${ms(percentile(reads, 50))}`,
);

const browser = await launchBrowser(['--js-flags=--expose-gc']);
try {
  const page = await (await browser.newContext()).newPage();
  await page.addScriptTag({ content: await bundleForBrowser('bench/browser/store-entry.ts', 'StoreBench') });
  // The first runs warm the JIT up, as a session's first minutes do; the medians are of the later runs.
  const { writes: w, reads: r } = await page.evaluate(
    ([count, runs]) => (window as unknown as { StoreBench: typeof StoreBench }).StoreBench.writeAndRead(count, runs),
    [COUNT, RUNS + 3] as const,
  );
  const [chromeWrites, chromeReads] = [w.slice(3), r.slice(3)];
  console.log(
    `store, in Chromium: write ${COUNT} people: median ${ms(percentile(chromeWrites, 50))} (target ≤ 150 ms; runs ${runs(w)} ms)`,
  );
  console.log(
    `store, in Chromium: read ${COUNT} people as model values: median ${ms(percentile(chromeReads, 50))} (target ≤ 50 ms; runs ${runs(r)} ms)`,
  );
} finally {
  await browser.close();
}

if (!fs.existsSync('dist/index.html')) {
  console.log('store: IndexedDB → document skipped: run `npm run build` first');
} else {
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await seedIndexedDb(page, update);
    const loads: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('rapport:space-loaded').length > 0);
      loads.push(
        await page.evaluate(() => performance.measure('load', 'rapport:open-space', 'rapport:space-loaded').duration),
      );
    }
    console.log(
      `store: IndexedDB → document in Chromium, ${COUNT} people: median ${ms(percentile(loads, 50))} (target ≤ 300 ms; runs ${runs(loads)} ms)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
console.log('rerun: npx tsx bench/store.bench.ts');
