/**
 * The network picture with 500 people and 30 communities, in Chromium through
 * the real app: first render of the map (layout + SVG, from the page's own
 * performance marks) and frame times while the picture is dragged.
 * Rerun: npx vite build && npx tsx bench/map.bench.ts
 */
import fs from 'node:fs';
import { startAppServer } from '../test/browser/support/app-server.ts';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { copyOfDist } from '../test/browser/support/pwa.ts';
import { makeNetworkUpdate, seedIndexedDb } from './support/map-network.ts';
import { ms, percentile, summary } from './support/stats.ts';

const PEOPLE = 500;
const COMMUNITIES = 30;
const RUNS = 7;
const FRAME = 1000 / 60;

if (!fs.existsSync('dist/index.html')) {
  console.log('map: skipped: run `npx vite build` first');
  process.exit(0);
}

const os = await import('node:os');
console.log(
  `map: machine load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} CPUs`,
);
// A private copy of dist/, so another build of the shared tree cannot change what is measured.
const server = await startAppServer({ env: { STATIC_DIR: copyOfDist() } });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    bypassCSP: true,
  });
  await context.addInitScript(() => localStorage.setItem('rapport.welcome', 'skipped'));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('map: page error:', e.message));
  await page.goto(`${server.url}/settings`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await seedIndexedDb(
    page,
    makeNetworkUpdate({
      people: PEOPLE,
      communities: COMMUNITIES,
      interactions: 2000,
      introductions: 60,
      objectives: 4,
      offers: 3,
    }),
  );

  const datas: number[] = [];
  const pages: number[] = [];
  const layouts: number[] = [];
  const renders: number[] = [];
  const paints: number[] = [];
  let circles = 0;
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${server.url}/map`);
    await page
      .waitForFunction('performance.getEntriesByName("rapport:map-painted").length > 0', undefined, { timeout: 30_000 })
      .catch(async (e: unknown) => {
        console.log(
          `map: run ${run}: marks so far:`,
          await page.evaluate('performance.getEntriesByType("mark").map((m) => m.name).join(", ")'),
        );
        throw e;
      });
    const m = await page.evaluate(() => ({
      data: performance.measure('data', 'rapport:map-start', 'rapport:map-layout-start').duration,
      layout: performance.measure('layout', 'rapport:map-layout-start', 'rapport:map-laid-out').duration,
      render: performance.measure('render', 'rapport:map-layout-start', 'rapport:map-rendered').duration,
      paint: performance.measure('paint', 'rapport:map-layout-start', 'rapport:map-painted').duration,
      page: performance.measure('page', 'rapport:map-start', 'rapport:map-painted').duration,
      circles: document.querySelectorAll('[data-testid="network-picture"] circle').length,
    }));
    datas.push(m.data);
    pages.push(m.page);
    layouts.push(m.layout);
    renders.push(m.render);
    paints.push(m.paint);
    circles = m.circles;
  }
  console.log(`map: ${PEOPLE} people, ${COMMUNITIES} communities (${circles} circles drawn)`);
  const runs = (xs: number[]) => xs.map((r) => r.toFixed(0)).join(', ');
  console.log(`map: reading the collections (members, last contact): median ${ms(percentile(datas, 50))}`);
  console.log(`map: structure + layout: median ${ms(percentile(layouts, 50))} (runs ${runs(layouts)} ms)`);
  console.log(
    `map: first render, structure + layout + SVG and list in the DOM: median ${ms(percentile(renders, 50))} (target ≤ 300 ms; runs ${runs(renders)} ms)`,
  );
  console.log(`map: … to the first frame painted: median ${ms(percentile(paints, 50))} (runs ${runs(paints)} ms)`);
  console.log(
    `map: whole page, collections read to first frame: median ${ms(percentile(pages, 50))} (runs ${runs(pages)} ms)`,
  );

  // Panning: real mouse drags through Chromium's input pipeline while the page records frame times.
  const box = await page.getByTestId('network-picture').boundingBox();
  if (!box) throw new Error('no picture on the page');
  // A string, not a function: the bundler's helpers (__name) do not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // Main-thread time (scripts, style, layout, paint) spent while panning, from Chromium's own counters.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value * 1000]));
  const before = await metrics();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  let moved: string | null = null;
  for (let drag = 0; drag < 6; drag++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const dx = drag % 2 === 0 ? 300 : -300;
    await page.mouse.move(cx + dx, cy + dx / 3, { steps: 60 });
    await page.mouse.up();
    if (drag === 0) moved = await page.locator('[data-testid="network-picture"] g.viewport').getAttribute('transform');
  }
  const frames = (await page.evaluate(
    '(() => { window.__recording = false; return window.__frames.slice(2); })()',
  )) as number[];
  const after = await metrics();
  const moves = 6 * 60;
  const perMove = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) / moves;
  const dropped = frames.filter((f) => f > FRAME * 1.5).length;
  console.log(
    `map: panning (6 drags of 60 mouse moves each): frame time ${summary(frames)}; ${dropped} of ${frames.length} frames longer than 25 ms`,
  );
  console.log(
    `map: main thread per pointer move while panning: script ${ms(perMove('ScriptDuration'))}, style ${ms(perMove('RecalcStyleDuration'))}, layout ${ms(perMove('LayoutDuration'))}; all tasks incl. paint and input plumbing ${ms(perMove('TaskDuration'))} (a 60 Hz frame has 16.7 ms)`,
  );
  console.log(`map: after the first drag the picture's one <g> is at ${moved}`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
console.log('rerun: npx vite build && npx tsx bench/map.bench.ts');
