/**
 * What bench/rules.bench.ts runs inside Chromium: Today and gap analysis as the
 * pages call them, over the same network as the Node half.
 */
import { computeGaps, computeToday, lastContactByPerson } from '../../src/model/rules/index.ts';
import { makeNetwork, NOW, ZONE } from '../support/rules-network.ts';

export function measureRules(runs: number): Record<string, number[]> {
  const net = makeNetwork();
  const time = (fn: () => unknown) => {
    for (let i = 0; i < 3; i++) fn(); // warm up the JIT
    return Array.from({ length: runs }, () => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    });
  };
  const lastContact = lastContactByPerson(net.interactions, { until: NOW });
  const todayInput = {
    contacts: net.contacts,
    interactions: net.interactions,
    actions: net.actions,
    now: NOW,
    timeZone: ZONE,
  };
  const planInput = { ...net, now: NOW, timeZone: ZONE };
  return {
    Today: time(() => computeToday(todayInput)),
    'Today as the page calls it (last-contact map reused, 50 a section)': time(() =>
      computeToday({ ...todayInput, lastContact, limitPerSection: 50 }),
    ),
    'gap analysis': time(() => computeGaps(planInput)),
    'gap analysis as the page calls it (map reused, 50 a kind)': time(() =>
      computeGaps({ ...planInput, lastContact, limitPerKind: 50 }),
    ),
  };
}
