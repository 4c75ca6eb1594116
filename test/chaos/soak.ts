/**
 * Runs many chaos seeds, one after another, against one relay process:
 *
 *   npm run soak -- 1000                 seeds 1..1000
 *   npm run soak -- 200 --from 5000      seeds 5000..5199
 *   npm run soak -- --seed 17            one seed, printing its trace
 *   npm run soak -- 100 --browsers 10    every 10th seed also with two browser contexts (needs `npx vite build`)
 *
 * Prints how many ran clean and, for each failing seed, its problems, its trace and the
 * shortest failing prefix of its steps found by halving. A seed that does not settle within
 * --hang seconds (default 120) is reported as a hang with its trace; that is a hang detector,
 * not a speed limit.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser/support/browser.ts';
import { copyOfDist } from '../browser/support/pwa.ts';
import { ChaosRun, report, type Outcome, type RunOptions } from './harness.ts';
import { RelayHost } from './relay-host.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const single = arg('seed');
const count =
  single !== undefined
    ? 1
    : Number(process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && !all[i - 1]?.startsWith('--')) ?? 100);
const from = single !== undefined ? Number(single) : Number(arg('from') ?? 1);
const browserEvery = Number(arg('browsers') ?? 0);
const steps = Number(arg('steps') ?? 60);
const hangSeconds = Number(arg('hang') ?? 120);

async function runOnce(seed: number, relay: RelayHost, opts: RunOptions): Promise<Outcome> {
  const run = new ChaosRun(seed, relay, opts);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          seed,
          ok: false,
          problems: [`did not settle within ${hangSeconds} s (hang)`],
          trace: run.trace,
          checked: 0,
        }),
      hangSeconds * 1000,
    );
  });
  const outcome = await Promise.race([run.run(), hang]);
  clearTimeout(timer);
  return outcome;
}

async function main() {
  const relay = await RelayHost.start(browserEvery > 0 ? { staticDir: copyOfDist() } : {});
  let browser: Browser | undefined;
  if (browserEvery > 0) browser = await launchBrowser();
  const failed: number[] = [];
  let clean = 0;
  let checked = 0;
  const started = Date.now();
  try {
    for (let seed = from; seed < from + count; seed++) {
      const withBrowser = browser && (seed - from) % browserEvery === 0 ? browser : undefined;
      const opts: RunOptions = { steps, ...(withBrowser ? { browser: withBrowser } : {}) };
      const outcome = await runOnce(seed, relay, opts);
      checked += outcome.checked;
      if (outcome.ok) {
        clean++;
        if (single !== undefined) console.log(outcome.trace.join('\n'));
      } else {
        failed.push(seed);
        console.error(report(outcome));
        if (outcome.problems.some((p) => p.includes('(hang)'))) break; // a hung run may still be moving: stop here
        // Shrink: the shortest prefix of this seed's steps that still fails (timing may hide it).
        let shortest = outcome;
        for (let n = Math.floor(steps / 2); n >= 1; n = Math.floor(n / 2)) {
          const again = await runOnce(seed, relay, { ...opts, steps: n });
          if (again.ok) break;
          shortest = again;
        }
        if (shortest !== outcome) console.error(`shortest failing prefix of seed ${seed}:\n${report(shortest)}`);
      }
      if ((seed - from + 1) % 25 === 0)
        console.log(`${seed - from + 1} seeds, ${clean} clean, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await browser?.close();
    await relay.stop();
  }
  const ran = clean + failed.length;
  console.log(
    `chaos soak: ${clean} of ${ran} seeds ran clean (seeds ${from}..${from + ran - 1}, ${steps} steps each, ${checked} claimed writes checked)`,
  );
  if (failed.length) console.log(`failing seeds: ${failed.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}

void main();
