/**
 * Objectives, offers, communities and events entered twice (issue 16 §4): one rule says which
 * look alike, and a merge moves every link to the kept one, as one undoable step.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, type CommunityId, type EventId, type ObjectiveId } from '../../src/model/index.ts';
import { findPlanDuplicates, matchPlanItems, planTitleKey } from '../../src/model/rules/plan-duplicates.ts';
import { collectionMap, add, LOCAL, readAll, readOne } from '../../src/store/index.ts';
import { mergePlanItemsInDoc } from '../../src/store/merge.ts';

const EARLIER = new Date('2026-03-01T10:00:00.000Z');
const LATER = new Date('2026-03-02T10:00:00.000Z');

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const documentJson = (doc: Y.Doc) => JSON.stringify(COLLECTION_NAMES.map((n) => collectionMap(doc, n).toJSON()));

describe('which plan items are the same', () => {
  it('case, accents, punctuation and spacing do not make two titles different', () => {
    expect(planTitleKey('Find a mentor in climate tech')).toBe(planTitleKey('  find a Mentor in   Climate-Tech! '));
    expect(planTitleKey('Café Numérique')).toBe(planTitleKey('cafe numerique'));
    expect(planTitleKey('Climate Tech Slack')).not.toBe(planTitleKey('Climate Tech Discord'));
  });

  it('pairs items of one kind with the same folded title, older first; events only when their days agree', () => {
    const doc = new Y.Doc();
    const first = must(add(doc, 'communities', { name: 'Climate Tech Slack', kind: 'online' }, LOCAL, EARLIER));
    const second = must(add(doc, 'communities', { name: 'climate tech slack', kind: 'other' }, LOCAL, LATER));
    must(add(doc, 'communities', { name: 'Climate Tech Discord' }, LOCAL, LATER));
    const pairs = findPlanDuplicates('communities', readAll(doc, 'communities').items);
    expect(pairs.map((p) => [p.keep.id, p.drop.id])).toEqual([[first.id, second.id]]);
    expect(findPlanDuplicates('communities', readAll(doc, 'communities').items, new Set([pairs[0]!.key]))).toEqual([]);

    const kube25 = must(add(doc, 'events', { name: 'KubeCon', startsOn: '2025-04-01' }, LOCAL, EARLIER));
    must(add(doc, 'events', { name: 'KubeCon', startsOn: '2026-04-01' }, LOCAL, LATER));
    const undated = must(add(doc, 'events', { name: 'kubecon' }, LOCAL, LATER));
    // The undated one could be either year's; the two dated ones are never paired.
    const eventPairs = findPlanDuplicates('events', readAll(doc, 'events').items);
    expect(eventPairs).toHaveLength(2);
    for (const p of eventPairs) expect([p.keep.id, p.drop.id]).toContain(undated.id);
    expect(matchPlanItems('events', [undated], [kube25]).map((m) => m.existing.id)).toEqual([kube25.id]);
  });
});

describe('merging plan items', () => {
  it('moves every link to the kept objective, fills in what only the other had, and undoes exactly', () => {
    const doc = new Y.Doc();
    const keep = must(add(doc, 'objectives', { title: 'Find a mentor in climate tech' }, LOCAL, EARLIER));
    const drop = must(
      add(
        doc,
        'objectives',
        {
          title: 'find a mentor in climate tech',
          description: 'Someone who built a climate startup',
          targetOn: '2026-09-01',
        },
        LOCAL,
        LATER,
      ),
    );
    const ana = must(add(doc, 'contacts', { name: 'Ana', objectiveIds: [drop.id] }, LOCAL, LATER));
    const ben = must(add(doc, 'contacts', { name: 'Ben', objectiveIds: [keep.id, drop.id] }, LOCAL, LATER));
    const act = must(add(doc, 'actions', { title: 'Ask Ana', objectiveId: drop.id }, LOCAL, LATER));
    const stake = must(
      add(doc, 'stakes', { contactId: ana.id, objectiveId: drop.id, power: 80, interest: 20 }, LOCAL, LATER),
    );
    const before = documentJson(doc);

    const merged = mergePlanItemsInDoc(doc, [{ collection: 'objectives', keepId: keep.id, dropId: drop.id }]);
    expect(merged.result.merged).toBe(1);
    expect(readOne(doc, 'objectives', keep.id as ObjectiveId)).toMatchObject({
      description: 'Someone who built a climate startup',
      targetOn: '2026-09-01',
      deletedAt: null,
    });
    expect(readOne(doc, 'objectives', drop.id as ObjectiveId)).toMatchObject({ mergedIntoId: keep.id });
    expect(readOne(doc, 'objectives', drop.id as ObjectiveId)?.deletedAt).not.toBeNull();
    expect(readOne(doc, 'contacts', ana.id)?.objectiveIds).toEqual([keep.id]);
    expect(readOne(doc, 'contacts', ben.id)?.objectiveIds).toEqual([keep.id]);
    expect(readOne(doc, 'actions', act.id)?.objectiveId).toBe(keep.id);
    expect(readOne(doc, 'stakes', stake.id)?.objectiveId).toBe(keep.id);

    expect(merged.undo()).toBe(true);
    expect(documentJson(doc)).toBe(before);
  });

  it('communities and events: memberships, offers, actions, meetings and interactions follow', () => {
    const doc = new Y.Doc();
    const slack = must(add(doc, 'communities', { name: 'Climate Tech Slack', kind: 'online' }, LOCAL, EARLIER));
    const slack2 = must(
      add(doc, 'communities', { name: 'Climate Tech Slack', description: 'The #jobs channel' }, LOCAL, LATER),
    );
    const offer = must(add(doc, 'offers', { title: 'CV reviews', communityIds: [slack2.id] }, LOCAL, LATER));
    const week = must(add(doc, 'events', { name: 'Climate Week', startsOn: '2026-09-20' }, LOCAL, EARLIER));
    const week2 = must(
      add(doc, 'events', { name: 'Climate week', startsOn: '2026-09-20', place: 'New York' }, LOCAL, LATER),
    );
    const fay = must(
      add(doc, 'contacts', { name: 'Fay', communityIds: [slack2.id], metEventId: week2.id }, LOCAL, LATER),
    );
    const talk = must(
      add(
        doc,
        'interactions',
        { at: '2026-09-20T12:00:00.000Z', channel: 'in-person', contactIds: [fay.id], eventId: week2.id },
        LOCAL,
        LATER,
      ),
    );

    const r = mergePlanItemsInDoc(doc, [
      { collection: 'communities', keepId: slack.id, dropId: slack2.id },
      { collection: 'events', keepId: week.id, dropId: week2.id },
    ]);
    expect(r.result.merged).toBe(2);
    expect(readOne(doc, 'communities', slack.id as CommunityId)).toMatchObject({
      kind: 'online',
      description: 'The #jobs channel',
    });
    expect(readOne(doc, 'events', week.id as EventId)).toMatchObject({ place: 'New York' });
    expect(readOne(doc, 'contacts', fay.id)).toMatchObject({ communityIds: [slack.id], metEventId: week.id });
    expect(readOne(doc, 'offers', offer.id)?.communityIds).toEqual([slack.id]);
    expect(readOne(doc, 'interactions', talk.id)?.eventId).toBe(week.id);
    expect(findPlanDuplicates('communities', readAll(doc, 'communities').items)).toEqual([]);
  });

  it('skips a pair that no longer applies (one side merged or in the Trash) instead of failing', () => {
    const doc = new Y.Doc();
    const a = must(add(doc, 'offers', { title: 'Kubernetes review' }, LOCAL, EARLIER));
    const b = must(add(doc, 'offers', { title: 'Kubernetes review' }, LOCAL, LATER));
    expect(mergePlanItemsInDoc(doc, [{ collection: 'offers', keepId: a.id, dropId: b.id }]).result.merged).toBe(1);
    expect(mergePlanItemsInDoc(doc, [{ collection: 'offers', keepId: a.id, dropId: b.id }]).result.merged).toBe(0);
  });
});
