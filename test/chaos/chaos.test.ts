/**
 * The chaos suite (issue 16 §5): seeded runs of five Node devices editing one space through
 * the real relay while networks drop, sync goes off and on, local databases close, devices
 * crash and the relay is SIGKILLed (see harness.ts). `npm run soak -- N` runs many more.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ChaosRun, report, type Outcome } from './harness.ts';
import { RelayHost } from './relay-host.ts';
import { NODE_SEEDS } from './seeds.ts';

let relay: RelayHost;
beforeAll(async () => {
  relay = await RelayHost.start();
});
afterAll(async () => {
  await relay?.stop();
});

describe('chaos: five Node devices through the real relay', () => {
  it.each(NODE_SEEDS)('seed %i: every device ends with the same document, holding every claimed edit', async (seed) => {
    const run = new ChaosRun(seed, relay);
    let outcome: Outcome | null = null;
    // A hang ends in the test's timeout: say which seed and how far it got.
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
