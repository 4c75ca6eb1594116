/**
 * Quality of "who can help", measured on the labelled network in eval-network.ts:
 * precision@3 (of the first three suggestions, how many truly could help) and
 * recall@10 (of those who truly could help, how many are in the first ten),
 * averaged over the 15 objectives. Targets from issue 13: ≥ 0.7 and ≥ 0.8.
 */
import { describe, expect, test } from 'vitest';
import type { ContactId } from '../../../../src/model/index.ts';
import { buildHelperIndex, suggestHelpers } from '../../../../src/model/rules/suggest/index.ts';
import { communities, contacts, interactions, labelled, NOW, offers, ZONE } from './eval-network.ts';

const index = buildHelperIndex({ contacts, communities, offers, interactions, now: NOW, timeZone: ZONE });

function metrics() {
  return labelled.map(({ objective, helpers }) => {
    const ranked = suggestHelpers(index, objective, { limit: 10 }).map((s) => s.contactId);
    const truth = new Set<ContactId>(helpers as ContactId[]);
    const p3 = ranked.slice(0, 3).filter((id) => truth.has(id)).length / 3;
    const r10 = ranked.slice(0, 10).filter((id) => truth.has(id)).length / truth.size;
    return { objective: objective.title, p3, r10, ranked };
  });
}

describe('evaluation set', () => {
  test('is realistic in size: at least 200 people and 15 objectives, every label a real person', () => {
    expect(contacts.length).toBeGreaterThanOrEqual(200);
    expect(labelled).toHaveLength(15);
    const ids = new Set(contacts.map((c) => c.id));
    for (const l of labelled) for (const h of l.helpers) expect(ids.has(h as ContactId)).toBe(true);
  });

  test('precision@3 ≥ 0.7 and recall@10 ≥ 0.8 over the 15 objectives', () => {
    const rows = metrics();
    const name = new Map(contacts.map((c) => [c.id, c.name]));
    for (const r of rows) {
      console.log(
        `${r.p3.toFixed(2)}  ${r.r10.toFixed(2)}  ${r.objective}\n      ${r.ranked.map((id) => name.get(id)).join(', ')}`,
      );
    }
    const p3 = rows.reduce((s, r) => s + r.p3, 0) / rows.length;
    const r10 = rows.reduce((s, r) => s + r.r10, 0) / rows.length;
    console.log(
      `precision@3 = ${p3.toFixed(3)}, recall@10 = ${r10.toFixed(3)} over ${rows.length} objectives and ${contacts.length} people`,
    );
    expect(p3).toBeGreaterThanOrEqual(0.7);
    expect(r10).toBeGreaterThanOrEqual(0.8);
  });
});
