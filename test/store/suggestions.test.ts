/** Who can help, in the document: dismissals (synced, undoable, never suggested again) and accepting (a hand link). */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContactId, ObjectiveId } from '../../src/model/index.ts';
import { buildHelperIndex, suggestHelpers, suggestionKey } from '../../src/model/rules/index.ts';
import { exportBackup, restoreBackup } from '../../src/store/backup.ts';
import { backupToJson, parseBackup } from '../../src/io/backup.ts';
import {
  acceptHelper,
  acceptOfferCommunity,
  add,
  dismissedSuggestionsMap,
  dismissSuggestion,
  prepareSchema,
  readAll,
  readDismissed,
  readOne,
  undismissSuggestion,
  update,
} from '../../src/store/index.ts';

const NOW = '2026-03-05T09:00:00Z';
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

const PEOPLE = [
  { name: 'Maya Goldberg', role: 'Talent partner', organisation: 'Climatebase', needs: 'strong climate PMs' },
  { name: 'Kwame Mensah', role: 'Recruiter', organisation: 'Greenhire', whatTheyDo: 'Hiring for climate startups' },
  { name: 'Jonas Weber', role: 'Product Manager', organisation: 'Octopus Energy', interests: 'climate tech' },
  { name: 'Helen Ward', role: 'Climate scientist', organisation: 'University of Reading' },
  {
    name: 'Gareth Lloyd',
    role: 'Graduate recruiter',
    organisation: 'Barclays',
    whatTheyDo: 'Hires graduates into banking',
  },
  { name: 'Sofia Rossi', role: 'Hiring manager', organisation: 'Tepui Solar' },
];
const OBJECTIVES = ['Get introduced to hiring managers at 3 climate startups', 'Be known as a climate-minded PM'];

/** A small network in a document: the people, two objectives and a community. */
function network() {
  const doc = new Y.Doc();
  prepareSchema(doc);
  const people = PEOPLE.map((p) => {
    const r = add(doc, 'contacts', p);
    if (!r.ok) throw new Error(p.name);
    return r.value.id;
  });
  const objectives = OBJECTIVES.map((title) => {
    const r = add(doc, 'objectives', { title });
    if (!r.ok) throw new Error(title);
    return r.value.id;
  });
  return { doc, people, objectives };
}

/** What the pages show: suggestions from what the document holds, with its dismissals. */
function suggested(doc: Y.Doc, objectiveId: ObjectiveId): ContactId[] {
  const index = buildHelperIndex({ contacts: readAll(doc, 'contacts').items, now: NOW, timeZone: 'UTC' });
  const o = readOne(doc, 'objectives', objectiveId);
  if (!o) throw new Error('objective');
  return suggestHelpers(index, o, { dismissed: readDismissed(doc), limit: 50 }).map((s) => s.contactId);
}

describe('dismissed suggestions', () => {
  it('are known on every device, and an undo on one brings the suggestion back on the other', () => {
    const { doc: phone, people, objectives } = network();
    const laptop = new Y.Doc();
    sync(phone, laptop);
    const [jobs] = objectives as [ObjectiveId];
    const first = suggested(phone, jobs)[0] as ContactId;
    expect(first).toBeDefined();
    const at = dismissSuggestion(phone, jobs, first);
    sync(phone, laptop);
    expect(readDismissed(laptop)).toEqual(new Set([suggestionKey(jobs, first)]));
    expect(suggested(laptop, jobs)).not.toContain(first);
    undismissSuggestion(laptop, jobs, first, at);
    sync(laptop, phone);
    expect(suggested(phone, jobs)).toContain(first);
    expect(people).toContain(first);
  });

  it('an undo takes back only its own dismissal, not one another device made since', () => {
    const { doc: phone, people, objectives } = network();
    const laptop = new Y.Doc();
    sync(phone, laptop);
    const [jobs] = objectives as [ObjectiveId];
    const [maya] = people as [ContactId];
    const mine = dismissSuggestion(phone, jobs, maya, undefined, new Date('2026-03-05T10:00:00Z'));
    sync(phone, laptop);
    dismissSuggestion(laptop, jobs, maya, undefined, new Date('2026-03-05T10:05:00Z'));
    sync(laptop, phone);
    undismissSuggestion(phone, jobs, maya, mine);
    expect(readDismissed(phone).size).toBe(1);
  });

  it('ignore keys of another shape a buggy device wrote', () => {
    const doc = new Y.Doc();
    dismissedSuggestionsMap(doc).set('not a key', NOW);
    dismissedSuggestionsMap(doc).set('a|b', NOW);
    expect(readDismissed(doc).size).toBe(0);
  });

  it('survive a backup and its restore, and restoring them is undone with the restore', () => {
    const { doc, people, objectives } = network();
    const [jobs] = objectives as [ObjectiveId];
    dismissSuggestion(doc, jobs, people[0] as ContactId);
    dismissSuggestion(doc, jobs, people[1] as ContactId);
    const parsed = parseBackup(backupToJson(exportBackup(doc).backup));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const fresh = new Y.Doc();
    const restored = restoreBackup(fresh, parsed.value.backup);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(readDismissed(fresh)).toEqual(readDismissed(doc));
    expect(exportBackup(fresh).backup.otherCollections).toEqual(exportBackup(doc).backup.otherCollections);
    restored.value.undo();
    expect(readDismissed(fresh).size).toBe(0);
  });

  // Property, over seeded random sequences of dismissals, undos, accepts and hand links:
  // a dismissed suggestion never returns, and an undone one is as if never dismissed.
  fcTest.prop(
    [
      fc.array(
        fc.record({
          op: fc.constantFrom('dismiss', 'undo', 'accept', 'link'),
          o: fc.integer({ min: 0, max: 1 }),
          p: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
        }),
        { maxLength: 14 },
      ),
    ],
    { seed: 13_2026, numRuns: 60 },
  )('a dismissed suggestion never returns; an undone dismissal does', (ops) => {
    const { doc, people, objectives } = network();
    const undos: { key: string; undo: () => void }[] = [];
    const dismissed = new Set<string>();
    for (const { op, o, p } of ops) {
      const objectiveId = objectives[o] as ObjectiveId;
      const contactId = people[p] as ContactId;
      const key = suggestionKey(objectiveId, contactId);
      if (op === 'dismiss') {
        const at = dismissSuggestion(doc, objectiveId, contactId);
        dismissed.add(key);
        undos.push({ key, undo: () => undismissSuggestion(doc, objectiveId, contactId, at) });
      } else if (op === 'undo') {
        const last = undos.pop();
        if (last) {
          last.undo();
          // Dismissed again later under another time, it stays; else it is gone.
          if (!undos.some((u) => u.key === last.key)) dismissed.delete(last.key);
        }
      } else if (op === 'accept') acceptHelper(doc, contactId, objectiveId);
      else {
        const c = readOne(doc, 'contacts', contactId);
        if (c && !c.objectiveIds.includes(objectiveId))
          update(doc, 'contacts', contactId, { objectiveIds: [...c.objectiveIds, objectiveId] });
      }
      for (const oid of objectives)
        for (const id of suggested(doc, oid)) expect(readDismissed(doc).has(suggestionKey(oid, id))).toBe(false);
    }
    for (const key of readDismissed(doc)) expect(dismissed.has(key)).toBe(true);
  });
});

describe('accepting a suggestion', () => {
  // Property: accepting any suggestion leaves the document reading exactly as the hand link does.
  fcTest.prop([fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 })], { seed: 20260305, numRuns: 40 })(
    'equals a hand link',
    (o, rank) => {
      const byAccept = network();
      const byHand = new Y.Doc();
      sync(byAccept.doc, byHand);
      const objectiveId = byAccept.objectives[o] as ObjectiveId;
      const list = suggested(byAccept.doc, objectiveId);
      const contactId = list[Math.min(rank, list.length - 1)] as ContactId;
      acceptHelper(byAccept.doc, contactId, objectiveId);
      const c = readOne(byHand, 'contacts', contactId);
      if (!c) throw new Error('person');
      update(byHand, 'contacts', contactId, { objectiveIds: [...c.objectiveIds, objectiveId] });
      const links = (doc: Y.Doc) =>
        readAll(doc, 'contacts')
          .items.map((p) => [p.id, p.objectiveIds])
          .sort();
      expect(links(byAccept.doc)).toEqual(links(byHand));
      expect(suggested(byAccept.doc, objectiveId)).toEqual(suggested(byHand, objectiveId));
      expect(suggested(byAccept.doc, objectiveId)).not.toContain(contactId);
    },
  );

  it('is undone as one step, and brings the suggestion back', () => {
    const { doc, objectives } = network();
    const jobs = objectives[0] as ObjectiveId;
    const first = suggested(doc, jobs)[0] as ContactId;
    const op = acceptHelper(doc, first, jobs);
    expect(readOne(doc, 'contacts', first)?.objectiveIds).toEqual([jobs]);
    op?.undo();
    expect(readOne(doc, 'contacts', first)?.objectiveIds).toEqual([]);
    expect(suggested(doc, jobs)[0]).toBe(first);
  });

  it('a community for an offer makes the offer meant for it, undoably', () => {
    const doc = new Y.Doc();
    const offer = add(doc, 'offers', { title: 'Product coaching' });
    const club = add(doc, 'communities', { name: 'Climate PMs', kind: 'online' });
    if (!offer.ok || !club.ok) throw new Error('setup');
    const op = acceptOfferCommunity(doc, offer.value.id, club.value.id);
    expect(readOne(doc, 'offers', offer.value.id)?.communityIds).toEqual([club.value.id]);
    op?.undo();
    expect(readOne(doc, 'offers', offer.value.id)?.communityIds).toEqual([]);
  });
});
