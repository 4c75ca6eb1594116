/**
 * The installable app's two budgets:
 *  1. initial JavaScript of the first screen ≤ 100 KB gzip: index.html's entry
 *     script, its modulepreloads and the lazily loaded Today page with what it
 *     imports, summed from dist/ (and checked against what Chromium really loads);
 *  2. first screen interactive from the service-worker cache ≤ 1 s with 10,000
 *     people stored, with the server stopped.
 * Rerun: npx tsx bench/pwa.bench.ts (it builds the app into a temp directory itself)
 */
import fs from 'node:fs';
import { seedIndexedDb } from './support/seed-browser.ts';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { addMany } from '../src/store/index.ts';
import { startAppServer } from '../test/browser/support/app-server.ts';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { buildApp, controlledByServiceWorker } from '../test/browser/support/pwa.ts';
import { makeContactDrafts } from './support/network.ts';
import { ms, percentile } from './support/stats.ts';

const BUDGET_KB = 100;
const TTI_BUDGET_MS = 1000;
const COUNT = 10_000;
const RUNS = 5;

// Its own build, so a rebuild of dist/ by someone else cannot mix two versions into the figures.
const dist = await buildApp('bench');
const gzipKB = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

/** A chunk and every chunk it imports statically (the ones that must load before it runs). */
function withStaticImports(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = fs.readFileSync(path.join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) {
    withStaticImports(path.posix.join(path.posix.dirname(file), m[1] ?? ''), seen);
  }
}

// 1. What the first screen needs, from the build.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in index.html');
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1] ?? '');
const firstScreen = new Set<string>();
for (const file of [entry, ...preloads]) withStaticImports(file, firstScreen);
// The Today page is the lazily imported chunk named today-*.js (a rules module of the same name is a static import).
const lazyToday = [...firstScreen].flatMap((file) =>
  [...fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/import\(\s*["'`]\.\/(today-[\w-]+\.js)["'`]\s*\)/g)].map(
    (m) => `assets/${m[1]}`,
  ),
);
if (lazyToday.length !== 1)
  throw new Error(`expected one lazily imported Today chunk, found ${lazyToday.join(', ') || 'none'}`);
withStaticImports(lazyToday[0] ?? '', firstScreen);
let total = 0;
for (const file of firstScreen) {
  const kb = gzipKB(file);
  total += kb;
  console.log(`pwa: first screen JS  ${kb.toFixed(1).padStart(6)} KB gzip  ${file}`);
}
console.log(
  `pwa: initial JS of the first screen: ${total.toFixed(1)} KB gzip (budget ≤ ${BUDGET_KB} KB) ${total <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`,
);

// A document of 10,000 people, as y-indexeddb stores it: one update in the 'updates' store.
const doc = new Y.Doc();
addMany(doc, 'contacts', makeContactDrafts(COUNT));
const update = Y.encodeStateAsUpdate(doc);

const server = await startAppServer({ env: { STATIC_DIR: dist } });
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  // Marks the moment the first screen shows people, and the first moment after it the main thread is free.
  // A string, not a function: tsx's transform would add helpers the page does not have.
  await context.addInitScript({
    content: `(() => {
      // The app renders only once the space is loaded, so a page heading means the page shows the stored data;
      // on People, the list must show its first rows too.
      const shown = () => !!document.querySelector('main h1') && (location.pathname !== '/people' || !!document.querySelector('[data-testid="person-row"]'));
      const observer = new MutationObserver(() => {
        if (window.__firstScreen !== undefined || !shown()) return;
        window.__firstScreen = performance.now();
        performance.mark('rapport:first-screen');
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          window.__interactive = performance.now();
          performance.mark('rapport:interactive');
        }, 0));
      });
      observer.observe(document, { childList: true, subtree: true });
    })();`,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await controlledByServiceWorker(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // What Chromium really loaded for the first screen of an empty space.
  const loaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.slice(1))
      .filter((p) => p.endsWith('.js') && p.startsWith('assets/')),
  );
  const missing = loaded.filter((f) => !firstScreen.has(f));
  const loadedKB = loaded.reduce((sum, f) => sum + gzipKB(f), 0);
  console.log(
    `pwa: an empty space's first visit (Today sends a newcomer to the Plan's welcome) loaded ${loaded.length} scripts, ${loadedKB.toFixed(1)} KB gzip` +
      `${missing.length ? `; beyond the sum above: ${missing.join(', ')}` : ''}`,
  );

  await seedIndexedDb(page, update);
  await server.stop();

  for (const place of ['/people', '/']) {
    const shown: number[] = [];
    const interactive: number[] = [];
    const loads: number[] = [];
    const boots: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(server.url + place);
      await page
        .waitForFunction(
          () => (window as unknown as { __interactive?: number }).__interactive !== undefined,
          undefined,
          { timeout: 120_000 },
        )
        .catch(async (error: unknown) => {
          const state = await page.evaluate(() => ({
            w: [
              (window as unknown as { __firstScreen?: number }).__firstScreen,
              (window as unknown as { __interactive?: number }).__interactive,
              performance.now(),
            ],
            url: location.href,
            count: document.querySelector('[data-testid="people-count"]')?.textContent,
            marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`),
            main: document.querySelector('main')?.innerHTML.slice(0, 300) ?? document.body.innerHTML.slice(0, 300),
          }));
          throw new Error(`the first screen did not show: ${JSON.stringify(state)}`, { cause: error });
        });
      const t = await page.evaluate(() => {
        const w = window as unknown as { __firstScreen: number; __interactive: number };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          shown: w.__firstScreen,
          interactive: w.__interactive,
          load: performance.measure('load', 'rapport:open-space', 'rapport:space-loaded').duration,
          boot: performance.getEntriesByName('rapport:open-space')[0]?.startTime ?? NaN,
          fromWorker: nav.workerStart > 0,
        };
      });
      if (!t.fromWorker) throw new Error('the page did not come from the service worker');
      shown.push(t.shown);
      interactive.push(t.interactive);
      loads.push(t.load);
      boots.push(t.boot);
    }
    const med = percentile(interactive, 50);
    console.log(
      `pwa: ${place === '/' ? 'Today' : 'People'} from the service-worker cache, ${COUNT} people, server stopped: ` +
        `shown median ${ms(percentile(shown, 50))}, interactive median ${ms(med)} (worst ${ms(Math.max(...interactive))}; budget ≤ ${TTI_BUDGET_MS} ms) ${med <= TTI_BUDGET_MS ? 'OK' : 'OVER BUDGET'}; ` +
        `of which: page and scripts from the cache until the space starts opening ${ms(percentile(boots, 50))}, IndexedDB → document ${ms(percentile(loads, 50))}; runs ${interactive.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log('rerun: npx tsx bench/pwa.bench.ts');
