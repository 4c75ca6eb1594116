/**
 * What bench/suggest.bench.ts runs inside Chromium: building the helper index
 * and asking it for each objective, over the same network as the Node half.
 */
import { buildHelperIndex, suggestHelpers, suggestHelpersForAll } from '../../src/model/rules/suggest/index.ts';
import { makeSuggestNetwork, NOW, ZONE } from '../support/suggest-network.ts';

export function measureSuggest(runs: number): Record<string, number[]> {
  const net = makeSuggestNetwork();
  const time = (fn: () => unknown, n = runs) => {
    for (let i = 0; i < 3; i++) fn(); // warm up the JIT
    return Array.from({ length: n }, () => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    });
  };
  const input = { ...net, now: NOW, timeZone: ZONE };
  const index = buildHelperIndex(input);
  let k = 0;
  return {
    'build the index (10,000 people)': time(() => buildHelperIndex(input), Math.max(3, Math.floor(runs / 4))),
    'one objective': time(() => suggestHelpers(index, net.objectives[k++ % net.objectives.length]!), runs * 3),
    'all 15 objectives': time(() => suggestHelpersForAll(index, net.objectives)),
  };
}
