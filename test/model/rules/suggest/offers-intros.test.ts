/** Who would value an offer, and which introductions are worth making. */
import { describe, expect, test } from 'vitest';
import type { ContactId } from '../../../../src/model/index.ts';
import {
  buildHelperIndex,
  introductionKey,
  suggestForOffer,
  suggestIntroductions,
  suggestionKey,
  type SuggestInput,
} from '../../../../src/model/rules/suggest/index.ts';
import { community, introduction, offer, person } from '../build.ts';

const NOW = '2026-03-05T09:00:00Z';
const ZONE = 'Europe/London';
const filler = Array.from({ length: 30 }, (_, i) =>
  person(`filler${i}`, {
    name: `Person ${i}`,
    role: ['Barista', 'Pilot', 'Florist', 'Plumber', 'Dentist'][i % 5] as string,
  }),
);

describe('who would value an offer', () => {
  const founders = community('founders', {
    name: 'Fintech Founders Circle',
    kind: 'online',
    description: 'Founders of early-stage fintech startups',
  });
  const runners = community('runners', { name: 'Hackney Running Club', kind: 'voluntary-group' });
  const teachers = community('teachers', { name: 'Primary Teachers Network', kind: 'professional-body' });
  const needy = person('needy', {
    name: 'Zara Ahmed',
    role: 'Founder',
    organisation: 'Tillpoint',
    needs: 'Someone to review our product roadmap',
    communityIds: [founders.id],
  });
  const curious = person('curious', {
    name: 'Gabe Ito',
    role: 'Designer',
    interests: 'product roadmaps and discovery',
    communityIds: [runners.id],
  });
  const pm = person('pm', { name: 'Owen Price', role: 'Product Manager', organisation: 'HSBC' });
  const review = offer('review', { title: 'Product roadmap reviews for founders', communityIds: [] });
  const input: SuggestInput = {
    contacts: [needy, curious, pm, ...filler],
    communities: [founders, runners, teachers],
    now: NOW,
    timeZone: ZONE,
  };
  const index = buildHelperIndex(input);

  test('people whose needs it answers come first, then those interested in it', () => {
    const got = suggestForOffer(index, review).people.map((s) => s.contactId);
    expect(got[0]).toBe(needy.id);
    expect(got).toContain(curious.id);
    expect(got.indexOf(curious.id)).toBeGreaterThan(0);
  });

  test('the reason quotes the need', () => {
    expect(suggestForOffer(index, review).people[0]?.reason).toBe(
      'Founder at Tillpoint — what they need: “Someone to review our product roadmap”',
    );
  });

  test('communities whose purpose or members fit it are suggested, with the evidence; unrelated ones are not', () => {
    const got = suggestForOffer(index, review).communities;
    expect(got.map((c) => c.communityId)).toContain(founders.id);
    expect(got.map((c) => c.communityId)).not.toContain(teachers.id);
    expect(got.find((c) => c.communityId === founders.id)?.reason).toMatch(/^Fintech Founders Circle — .*“.+”$/);
  });

  test('communities it is already meant for, and dismissed ones, are left out', () => {
    const meant = { ...review, communityIds: [founders.id] };
    expect(suggestForOffer(index, meant).communities.map((c) => c.communityId)).not.toContain(founders.id);
    const dismissed = new Set([suggestionKey(review.id, founders.id), suggestionKey(review.id, needy.id)]);
    const got = suggestForOffer(index, review, { dismissed });
    expect(got.communities.map((c) => c.communityId)).not.toContain(founders.id);
    expect(got.people.map((s) => s.contactId)).not.toContain(needy.id);
  });
});

describe('suggested introductions', () => {
  const fintech = community('fintech', { name: 'Fintech Founders Circle', kind: 'online' });
  const law = community('law', { name: 'Law Society', kind: 'professional-body' });
  const ana = person('ana', {
    name: 'Ana Lima',
    role: 'Founder',
    organisation: 'Paywise',
    needs: 'A payments lawyer for our e-money licence',
    communityIds: [fintech.id],
  });
  const tom = person('tom', {
    name: 'Tom Reyes',
    role: 'Payments lawyer',
    organisation: 'Bird & Bird',
    communityIds: [law.id],
  });
  const tess = person('tess', {
    name: 'Tess Hart',
    role: 'Payments lawyer',
    organisation: 'Hogan Lovells',
    communityIds: [fintech.id],
  });
  const ruth = person('ruth', { name: 'Ruth Klein', role: 'Family lawyer', organisation: 'Klein Law' });
  const input: SuggestInput = {
    contacts: [ana, tom, tess, ruth, ...filler],
    communities: [fintech, law],
    now: NOW,
    timeZone: ZONE,
  };
  const index = buildHelperIndex(input);

  test('pairs one person’s needs with another who does it, in one sentence', () => {
    const got = suggestIntroductions(index);
    expect(got[0]).toMatchObject({
      seekerId: ana.id,
      providerId: tom.id,
      key: introductionKey(ana.id, tom.id),
      acrossCommunities: true,
    });
    expect(got[0]?.reason).toBe(
      'Ana Lima needs “A payments lawyer for our e-money licence”; Tom Reyes is Payments lawyer at Bird & Bird.',
    );
  });

  test('prefers pairs across communities, where the user is the only link', () => {
    const got = suggestIntroductions(index).map((i) => i.providerId);
    expect(got.indexOf(tom.id)).toBeLessThan(got.indexOf(tess.id));
    expect(suggestIntroductions(index).find((i) => i.providerId === tess.id)?.acrossCommunities).toBe(false);
  });

  test('never pairs someone with themselves, nor someone who only shares a word', () => {
    const got = suggestIntroductions(index);
    for (const i of got) expect(i.seekerId).not.toBe(i.providerId);
    for (const f of filler) expect(got.map((i) => i.providerId)).not.toContain(f.id);
  });

  test('leaves out dismissed pairs, either way round, and introductions already made', () => {
    const dismissed = new Set([introductionKey(tom.id, ana.id)]);
    expect(suggestIntroductions(index, { dismissed }).map((i) => i.providerId)).not.toContain(tom.id);
    const made = introduction('made', { personAId: tom.id, personBId: ana.id });
    expect(suggestIntroductions(index, { introductions: [made] }).map((i) => i.providerId)).not.toContain(tom.id);
    const trashedIntro = { ...made, deletedAt: '2026-02-01T00:00:00.000Z' };
    expect(suggestIntroductions(index, { introductions: [trashedIntro] }).map((i) => i.providerId)).toContain(tom.id);
  });

  test('for one person: only pairs with them on either side', () => {
    const onTom = suggestIntroductions(index, { forContactId: tom.id });
    expect(onTom.length).toBeGreaterThan(0);
    for (const i of onTom) expect([i.seekerId, i.providerId]).toContain(tom.id);
    const onSomeoneElse: ContactId[] = suggestIntroductions(index, { forContactId: filler[0]!.id }).map(
      (i) => i.providerId,
    );
    expect(onSomeoneElse).toEqual([]);
  });
});
