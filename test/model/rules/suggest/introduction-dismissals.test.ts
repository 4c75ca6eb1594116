/** Suggested introductions and dismissals: a dismissed pair never returns, whatever the network, either way round, on any page. */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { ContactId } from '../../../../src/model/index.ts';
import { buildHelperIndex, introductionKey, suggestIntroductions } from '../../../../src/model/rules/index.ts';
import { add, dismissIntroduction, prepareSchema, readAll, readDismissed } from '../../../../src/store/index.ts';
import { community, introduction, person } from '../build.ts';

const NOW = '2026-03-05T09:00:00Z';
const ZONE = 'Europe/London';
/** Others in the network, so that words are rare enough to tell people apart (as in any real network). */
const FILLER = Array.from({ length: 20 }, (_, i) => ({
  name: `Filler ${i}`,
  role: ['Barista', 'Pilot', 'Florist', 'Plumber', 'Dentist'][i % 5] as string,
}));
const filler = FILLER.map((f, i) => person(`filler${i}`, f));

/** What people do, and what others need of it: needs name the same work in other words at times. */
const TRADES = [
  { role: 'Payments lawyer', need: 'a payments lawyer for our licence' },
  { role: 'UX designer', need: 'a designer to review our onboarding' },
  { role: 'Data engineer', need: 'help with our data pipeline' },
  { role: 'Tax accountant', need: 'an accountant for R&D tax credits' },
  { role: 'Recruiter', need: 'hiring a senior engineer' },
  { role: 'Product manager', need: 'advice on product roadmaps' },
];

const personArb = fc.record({
  trade: fc.nat({ max: TRADES.length - 1 }),
  need: fc.option(fc.nat({ max: TRADES.length - 1 }), { nil: null }),
  community: fc.nat({ max: 2 }),
});

function networkOf(specs: { trade: number; need: number | null; community: number }[]) {
  const communities = [community('c0'), community('c1'), community('c2')];
  const contacts = specs.map((s, i) =>
    person(`p${i}`, {
      name: `Person ${i}`,
      role: TRADES[s.trade]!.role,
      needs: s.need === null ? '' : TRADES[s.need]!.need,
      communityIds: [communities[s.community]!.id],
    }),
  );
  return {
    contacts,
    index: buildHelperIndex({ contacts: [...contacts, ...filler], communities, now: NOW, timeZone: ZONE }),
  };
}

describe('a dismissed suggested introduction never returns', () => {
  fcTest.prop(
    [
      fc.array(personArb, { minLength: 2, maxLength: 14 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    ],
    { numRuns: 150 },
  )('for the whole network and on each person’s page, whichever way round it was dismissed', (specs, picks, strays) => {
    const { contacts, index } = networkOf(specs);
    const before = suggestIntroductions(index, { limit: 100 });
    fc.pre(before.length > 0);
    const dismissed = new Set<string>();
    for (const p of picks) {
      const s = before[p % before.length]!;
      // Half the time stored the other way round: the key must not care.
      dismissed.add(
        p % 2 === 0 ? introductionKey(s.seekerId, s.providerId) : introductionKey(s.providerId, s.seekerId),
      );
    }
    if (dismissed.size === 0) dismissed.add(before[0]!.key);
    // Dismissals of pairs that were never suggested change nothing about the rule.
    for (const [x, y] of strays)
      dismissed.add(introductionKey(contacts[x % contacts.length]!.id, contacts[y % contacts.length]!.id));

    const after = suggestIntroductions(index, { dismissed, limit: 100 });
    for (const s of after) expect(dismissed.has(introductionKey(s.seekerId, s.providerId))).toBe(false);
    // Everything else that was suggested still is: a dismissal hides only its own pair.
    const kept = before.filter((s) => !dismissed.has(s.key)).map((s) => s.key);
    expect(after.map((s) => s.key)).toEqual(expect.arrayContaining(kept));
    for (const c of contacts) {
      for (const s of suggestIntroductions(index, { dismissed, forContactId: c.id, limit: 100 }))
        expect(dismissed.has(s.key)).toBe(false);
    }
  });

  test('through the document: dismissed on one device, not suggested on the other', () => {
    const phone = new Y.Doc();
    prepareSchema(phone);
    const make = (draft: { name: string; role?: string; needs?: string }) => {
      const r = add(phone, 'contacts', draft);
      if (!r.ok) throw new Error(draft.name);
      return r.value.id;
    };
    const ana = make({ name: 'Ana Lima', role: 'Founder', needs: 'A payments lawyer for our e-money licence' });
    const tom = make({ name: 'Tom Reyes', role: 'Payments lawyer' });
    FILLER.forEach(make);
    const suggested = (doc: Y.Doc, forContactId?: ContactId) =>
      suggestIntroductions(buildHelperIndex({ contacts: readAll(doc, 'contacts').items, now: NOW, timeZone: ZONE }), {
        dismissed: readDismissed(doc),
        forContactId,
      }).map((s) => s.key);
    expect(suggested(phone)).toEqual([introductionKey(ana, tom)]);
    dismissIntroduction(phone, tom, ana);
    const laptop = new Y.Doc();
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(phone));
    expect(suggested(laptop)).toEqual([]);
    expect(suggested(laptop, ana)).toEqual([]);
    expect(suggested(laptop, tom)).toEqual([]);
  });
});

describe('suggested introductions and the workflow', () => {
  const ana = person('ana', { name: 'Ana Lima', role: 'Founder', needs: 'A payments lawyer for our e-money licence' });
  const tom = person('tom', { name: 'Tom Reyes', role: 'Payments lawyer', organisation: 'Bird & Bird' });
  const index = buildHelperIndex({ contacts: [ana, tom, ...filler], now: NOW, timeZone: ZONE });

  test('a pair already asked, made by me or by someone else is not suggested; a trashed one may be again', () => {
    expect(suggestIntroductions(index).map((s) => s.key)).toEqual([introductionKey(ana.id, tom.id)]);
    for (const draft of [
      { stage: 'asked' as const },
      { stage: 'made' as const },
      { stage: 'made' as const, introducerId: person('kwame').id },
    ]) {
      const intro = introduction('x', { personAId: tom.id, personBId: ana.id, ...draft });
      expect(suggestIntroductions(index, { introductions: [intro] })).toEqual([]);
    }
    const trashed = introduction('t', {
      personAId: ana.id,
      personBId: tom.id,
      stage: 'asked',
      deletedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(suggestIntroductions(index, { introductions: [trashed] })).toHaveLength(1);
  });

  test('a trashed person is not suggested', () => {
    const gone = buildHelperIndex({
      contacts: [ana, { ...tom, deletedAt: '2026-03-01T00:00:00.000Z' }, ...filler],
      now: NOW,
      timeZone: ZONE,
    });
    expect(suggestIntroductions(gone)).toEqual([]);
  });
});
