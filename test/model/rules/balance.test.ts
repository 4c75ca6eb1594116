import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { CommunityId } from '../../../src/model/index.ts';
import {
  balanceNudge,
  computeBalances,
  makeOfferPicker,
  offerFor,
  takenMoreThanGiven,
} from '../../../src/model/rules/index.ts';
import { community, ledger, offer, person } from './build.ts';

const meetup = community('meetup', { name: 'Cloud Meetup' });
const ana = person('ana', { name: 'Ana', communityIds: [meetup.id] });
const ben = person('ben', { name: 'Ben' });
const cat = person('cat', { name: 'Cat', needs: 'a reviewer for her conference talk\nand more' });
const gone = person('gone', { deletedAt: '2026-01-05T00:00:00.000Z' });

const entries = [
  ledger('a1', { contactId: ana.id, direction: 'received', on: '2026-02-01', kind: 'introduction' }),
  ledger('a2', { contactId: ana.id, direction: 'received', on: '2026-01-10', kind: 'advice' }),
  ledger('a3', { contactId: ana.id, direction: 'gave', status: 'promised', on: '2026-02-02' }),
  ledger('b1', { contactId: ben.id, direction: 'gave', on: '2026-01-05' }),
  ledger('b2', { contactId: ben.id, direction: 'received', on: '2026-01-20' }),
  ledger('b3', { contactId: ben.id, direction: 'gave', on: '2026-01-15' }),
  ledger('b4', { contactId: ben.id, direction: 'received', status: 'promised' }),
  ledger('c1', { contactId: cat.id, direction: 'received', on: '2026-01-01' }),
  ledger('c2', { contactId: cat.id, direction: 'received', on: '2026-01-02' }),
  ledger('c3', { contactId: cat.id, direction: 'gave', on: '2026-01-03' }),
  ledger('c4', { contactId: cat.id, direction: 'received', on: '2026-01-04' }),
  ledger('g1', { contactId: gone.id, direction: 'received' }),
  ledger('t1', { contactId: ana.id, direction: 'gave', deletedAt: '2026-02-03T00:00:00.000Z' }),
];
const balances = computeBalances(entries, [ana, ben, cat, gone]);

describe('give and take', () => {
  test('only done entries count; promises are counted apart', () => {
    expect(balances.byPerson.get(ana.id)).toMatchObject({
      gave: 0,
      received: 2,
      balance: -2,
      promisedByMe: 1,
      promisedToMe: 0,
    });
    expect(balances.byPerson.get(ben.id)).toMatchObject({
      gave: 2,
      received: 1,
      balance: 1,
      promisedByMe: 0,
      promisedToMe: 1,
    });
  });

  test('the running balance follows the dates, not the order entered', () => {
    expect(balances.byPerson.get(ben.id)?.history.map((p) => [p.on, p.direction, p.balance])).toEqual([
      ['2026-01-05', 'gave', 1],
      ['2026-01-15', 'gave', 2],
      ['2026-01-20', 'received', 1],
    ]);
    expect(balances.byPerson.get(ana.id)?.history.map((p) => p.balance)).toEqual([-1, -2]);
  });

  test('network totals leave out trashed entries and trashed people', () => {
    expect(balances.totals).toEqual({ gave: 3, received: 6, promisedByMe: 1, promisedToMe: 1, people: 3 });
    expect(balances.byPerson.has(gone.id)).toBe(false);
  });

  test('entries for a merged-away person count for the person kept', () => {
    const twin = person('twin', { mergedIntoId: ben.id, deletedAt: '2026-02-01T00:00:00.000Z' });
    const b = computeBalances([ledger('x', { contactId: twin.id, direction: 'received' })], [ben, twin]);
    expect(b.byPerson.get(ben.id)?.received).toBe(1);
  });

  test('taken more than given: widest gap first, then who helped most', () => {
    expect(takenMoreThanGiven(balances).map((b) => [b.contactId, b.balance])).toEqual([
      [cat.id, -2],
      [ana.id, -2],
    ]);
    const more = computeBalances(
      [...entries, ledger('a4', { contactId: ana.id, direction: 'received' })],
      [ana, ben, cat],
    );
    expect(takenMoreThanGiven(more).map((b) => b.contactId)).toEqual([ana.id, cat.id]);
  });
});

describe('the gentle nudge', () => {
  const review = offer('review', { title: 'Kubernetes cost review', communityIds: [meetup.id] });
  const mentoring = offer('mentor', { title: 'an hour of mentoring' });
  const retired = offer('retired', { title: 'Old offer', status: 'retired' });

  test('prefers an offer meant for one of their communities', () => {
    expect(offerFor(ana, [mentoring, review])?.id).toBe(review.id);
    expect(offerFor(ben, [retired, mentoring, review])?.id).toBe(mentoring.id);
    expect(offerFor(ben, [retired])).toBeNull();
  });

  test('asks nothing of a balanced or generous relationship', () => {
    expect(balanceNudge(ben, balances.byPerson.get(ben.id)!, [review])).toBeNull();
  });

  test('names what I could offer', () => {
    expect(balanceNudge(ana, balances.byPerson.get(ana.id)!, [mentoring, review])).toBe(
      'Ana has helped you twice and what you promised is still to do — you could offer your *Kubernetes cost review*.',
    );
    const noPromise = computeBalances(
      entries.filter((e) => e.id !== 'ledger-a3'),
      [ana],
    ).byPerson.get(ana.id)!;
    expect(balanceNudge(ana, noPromise, [])).toBe(
      'Ana has helped you twice and you have not yet offered anything back — you could ask what would help them right now.',
    );
  });

  test('falls back on what they said they need', () => {
    expect(balanceNudge(cat, balances.byPerson.get(cat.id)!, [])).toBe(
      'Cat has helped you 3 times and you have helped them once — they mentioned needing a reviewer for her conference talk — could you help?',
    );
  });
});

describe('offer picker', () => {
  const ids = ['comm-a___', 'comm-b___', 'comm-c___', 'comm-d___'] as CommunityId[];
  const anOffer = fc.record({
    communityIds: fc.subarray(ids),
    status: fc.constantFrom('active' as const, 'retired' as const),
    trashed: fc.boolean(),
  });

  propTest.prop([fc.array(anOffer, { maxLength: 8 }), fc.array(fc.subarray(ids), { minLength: 1, maxLength: 5 })])(
    'picks what a scan of the offers in order would: the first meant for one of their communities, else the first active',
    (specs, people) => {
      const offers = specs.map((o, i) =>
        offer(`p${i}`, {
          communityIds: o.communityIds,
          status: o.status,
          ...(o.trashed ? { deletedAt: '2026-01-01T00:00:00.000Z' } : {}),
        }),
      );
      const live = offers.filter((o) => o.deletedAt === null && o.status === 'active');
      const pick = makeOfferPicker(offers);
      people.forEach((communityIds, i) => {
        const p = person(`q${i}`, { communityIds });
        const expected = live.find((o) => o.communityIds.some((id) => communityIds.includes(id))) ?? live[0] ?? null;
        expect(pick(p)?.id ?? null).toBe(expected?.id ?? null);
        expect(offerFor(p, offers)?.id ?? null).toBe(expected?.id ?? null);
      });
    },
  );
});
