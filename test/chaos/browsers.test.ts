/**
 * Chaos with real browsers: two Chromium contexts running the built app (served by the relay
 * process itself) join the space by pairing link beside the five Node devices, edit through
 * the screen, go offline and online, and must end with the same stored document. Needs
 * `npx vite build` first (npm test does it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchBrowser } from '../browser/support/browser.ts';
import { copyOfDist } from '../browser/support/pwa.ts';
import { ChaosRun, report, type Outcome } from './harness.ts';
import { RelayHost } from './relay-host.ts';
import { BROWSER_SEEDS } from './seeds.ts';

let relay: RelayHost;
let browser: Browser;
beforeAll(async () => {
  relay = await RelayHost.start({ staticDir: copyOfDist() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

describe('chaos: five Node devices and two browsers through the real relay', () => {
  it.each(BROWSER_SEEDS)('seed %i: browsers and Node devices end with the same document', async (seed) => {
    const run = new ChaosRun(seed, relay, { browser });
    let outcome: Outcome | null = null;
    onTestFailed(() => {
      if (!outcome)
        console.error(
          report({ seed, ok: false, problems: ['did not finish (timeout)'], trace: run.trace, checked: 0 }),
        );
    });
    outcome = await run.run();
    if (!outcome.ok) console.error(report(outcome));
    expect(outcome.problems).toEqual([]);
  });
});
