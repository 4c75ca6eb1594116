import { describe, expect, test } from 'vitest';
import { computeGaps, computeGapsInSlices, type PlanInput } from '../../../src/model/rules/index.ts';
import { action, community, interaction, ledger, objective, offer, person } from './build.ts';

/** A network big enough for many slices: every kind of gap, planned and closed ones among them. */
function network(people: number): PlanInput {
  const communities = [
    community('team', { kind: 'own-team' }),
    community('iet', { kind: 'professional-body' }),
    community('meetup', { kind: 'online', membership: 'want-to-join' }),
    community('empty', { kind: 'alumni' }),
  ];
  const objectives = [
    objective('climate', { title: 'Be known in climate tech', kind: 'visibility' }),
    objective('mentor', { title: 'Find a mentor', kind: 'learn' }),
    objective('cold', { title: 'Ship the platform', kind: 'project-support' }),
  ];
  const contacts = Array.from({ length: people }, (_, i) =>
    person(`p${i}`, {
      name: `Person ${i}`,
      communityIds: i % 5 === 0 ? [] : [communities[i % 3]!.id],
      objectiveIds: i % 7 === 0 ? [objectives[0]!.id] : i % 11 === 0 ? [objectives[2]!.id] : [],
      cadenceDays: i % 4 === 0 ? 30 : null,
    }),
  );
  const interactions = Array.from({ length: people / 2 }, (_, i) =>
    interaction(`i${i}`, {
      at: `2025-${String((i % 12) + 1).padStart(2, '0')}-10T10:00:00Z`,
      contactIds: [contacts[(i * 3) % people]!.id],
    }),
  );
  const entries = Array.from({ length: 200 }, (_, i) =>
    ledger(`l${i}`, { contactId: contacts[i % 50]!.id, direction: i % 3 === 0 ? 'gave' : 'received' }),
  );
  const actions = [
    action('planned', { gapKey: `stale-link:${contacts[4]!.id}:2026-01-01` }),
    action('tied', { objectiveId: objectives[1]!.id, status: 'done' }),
  ];
  return {
    contacts,
    communities,
    objectives,
    offers: [offer('review', { title: 'Kubernetes cost review' })],
    interactions,
    actions,
    ledger: entries,
    now: '2026-03-05T09:00:00Z',
    timeZone: 'Europe/London',
  };
}

describe('gaps in slices', () => {
  test('the same report as worked out at once, however often it pauses', async () => {
    const input = network(3000);
    const once = computeGaps(input);
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    // A slice of 0 ms pauses at every step: the most interleaving there can be.
    const sliced = await computeGapsInSlices(input, pause, 0);
    expect(pauses).toBeGreaterThan(5);
    expect(sliced).toEqual(once);
    expect(await computeGapsInSlices(input, pause)).toEqual(once);
    // The network has gaps of several kinds, so the comparison says something.
    expect(new Set(once.gaps.map((g) => g.kind)).size).toBeGreaterThan(4);
    expect(once.closed.length).toBeGreaterThan(0);
    expect(once.coverage.rows.length).toBe(3);
  });

  test('with a limit per kind, the same gaps listed and the same counted', async () => {
    const input = { ...network(1200), limitPerKind: 10 };
    const sliced = await computeGapsInSlices(input, async () => undefined, 0);
    expect(sliced).toEqual(computeGaps(input));
    expect(sliced.notListed['stale-link']).toBeGreaterThan(0);
  });
});
