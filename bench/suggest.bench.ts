/**
 * "Who can help" at full size: 10,000 people (with what they do, need and like),
 * 50,000 interactions, 200 communities, the evaluation set's 15 objectives.
 * Prints median and p99 for building the index, one objective, all 15, an
 * offer and introductions, in Node and then in Chromium, where the app runs.
 * Targets (issue 13): one objective ≤ 30 ms, all 15 ≤ 150 ms in Chromium.
 * Run: npx tsx bench/suggest.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import {
  buildHelperIndex,
  suggestForOffer,
  suggestHelpers,
  suggestHelpersForAll,
  suggestIntroductions,
} from '../src/model/rules/suggest/index.ts';
import { launchBrowser } from '../test/browser/support/browser.ts';
import type * as SuggestBench from './browser/suggest-entry.ts';
import { bundleForBrowser } from './support/browser-bundle.ts';
import { percentile } from './support/stats.ts';
import { makeSuggestNetwork, NOW, ZONE } from './support/suggest-network.ts';

function report(label: string, samples: readonly number[], target?: string): void {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const line = `${label.padEnd(40)} median ${f(percentile(samples, 50))} ms   p99 ${f(percentile(samples, 99))} ms   (n=${samples.length})`;
  console.log(target ? `${line}   target ${target}` : line);
}

function measure(label: string, runs: number, fn: () => unknown, target?: string): void {
  for (let i = 0; i < Math.min(3, runs); i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  report(label, samples, target);
}

const started = performance.now();
console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (figures grow with load)`,
);
const net = makeSuggestNetwork();
console.log(
  `Network: ${net.contacts.length} people, ${net.interactions.length} interactions, ${net.communities.length} communities, ${net.objectives.length} objectives, ${net.offers.length} offers\n`,
);

const input = { ...net, now: NOW, timeZone: ZONE };
measure('build the index (10,000 people)', 5, () => buildHelperIndex(input), 'once per session or day');
const index = buildHelperIndex(input);
let k = 0;
measure('one objective', 60, () => suggestHelpers(index, net.objectives[k++ % net.objectives.length]!), '≤ 30 ms');
measure('all 15 objectives', 20, () => suggestHelpersForAll(index, net.objectives), '≤ 150 ms');
const offer = {
  ...net.offers[0]!,
  title: 'Mentoring first-time product managers',
  description: 'An hour a month on roadmaps and stakeholder management',
};
measure('one offer (people and communities)', 20, () => suggestForOffer(index, offer));
const someone = net.contacts.find((c) => c.needs !== '' && c.deletedAt === null)!;
measure('introductions for one person', 5, () => suggestIntroductions(index, { forContactId: someone.id }));
measure('introductions, best 5 in the network', 3, () => suggestIntroductions(index));

const sample = suggestHelpers(index, net.objectives[0]!);
console.log(`\nFor “${net.objectives[0]!.title}”: ${sample.length} suggestions, e.g. ${sample[0]?.reason ?? '—'}`);

// The same in Chromium, where the app runs it (its V8 is newer than Node 20's).
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.addScriptTag({ content: await bundleForBrowser('bench/browser/suggest-entry.ts', 'SuggestBench') });
  const inBrowser = await page.evaluate(
    (runs) => (window as unknown as { SuggestBench: typeof SuggestBench }).SuggestBench.measureSuggest(runs),
    20,
  );
  const targets: Record<string, string> = { 'one objective': '≤ 30 ms', 'all 15 objectives': '≤ 150 ms' };
  console.log('\nIn Chromium:');
  for (const [label, samples] of Object.entries(inBrowser)) report(label, samples, targets[label]);
} finally {
  await browser.close();
}
console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s. Rerun: npx tsx bench/suggest.bench.ts`);
