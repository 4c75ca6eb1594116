/** Ranking helpers for an objective: order, reasons, and who is never suggested. */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { Contact, ContactId, Objective } from '../../../../src/model/index.ts';
import {
  buildHelperIndex,
  COMMUNITY_FIT_BOOST,
  suggestHelpers,
  suggestHelpersForAll,
  suggestionKey,
  WARMTH_BOOST,
  type SuggestInput,
} from '../../../../src/model/rules/suggest/index.ts';
import { community, interaction, objective, offer, person } from '../build.ts';

const NOW = '2026-03-05T09:00:00Z';
const ZONE = 'Europe/London';

const climateJobs = objective('jobs', {
  title: 'Get introduced to hiring managers at 3 climate startups',
  kind: 'new-role',
});
const climatePm = objective('pm', { title: 'Be known as a climate-minded PM', kind: 'visibility' });

const talent = person('talent', {
  name: 'Maya Goldberg',
  role: 'Talent partner',
  organisation: 'Climatebase',
  needs: 'strong climate PMs',
});
const energyPm = person('energypm', { name: 'Jonas Weber', role: 'Product Manager', organisation: 'Octopus Energy' });
const scientist = person('scientist', {
  name: 'Helen Ward',
  role: 'Climate scientist',
  organisation: 'University of Reading',
  whatTheyDo: 'Models ocean heat uptake',
});
const bankRecruiter = person('bankrec', {
  name: 'Gareth Lloyd',
  role: 'Graduate recruiter',
  organisation: 'Barclays',
  whatTheyDo: 'Hires graduates into investment banking',
});
const chef = person('chef', {
  name: 'Mark Hughes',
  role: 'Head chef',
  organisation: 'Dishoom',
  whatTheyDo: 'Runs a kitchen',
});
const bankPm = person('bankpm', {
  name: 'Owen Price',
  role: 'Product Manager',
  organisation: 'HSBC',
  whatTheyDo: 'Mobile banking app',
});
const filler = Array.from({ length: 30 }, (_, i) =>
  person(`filler${i}`, {
    name: `Person ${i}`,
    role: ['Barista', 'Pilot', 'Florist', 'Plumber', 'Dentist'][i % 5] as string,
    organisation: `Org ${i}`,
  }),
);

const base = (over: Partial<SuggestInput> = {}): SuggestInput => ({
  contacts: [talent, energyPm, scientist, bankRecruiter, chef, bankPm, ...filler],
  communities: [],
  interactions: [],
  now: NOW,
  timeZone: ZONE,
  ...over,
});
const ids = (s: { contactId: ContactId }[]) => s.map((x) => x.contactId);

describe('the two cases from issue 13', () => {
  const index = buildHelperIndex(base());

  test('a talent partner at a climate job board who needs “strong climate PMs” is suggested first for climate hiring managers', () => {
    const got = suggestHelpers(index, climateJobs);
    expect(got[0]?.contactId).toBe(talent.id);
    expect(got[0]?.reason).toContain('Talent partner at Climatebase');
  });

  test('a PM at an energy company ranks above a PM at a bank and a climate scientist for “Be known as a climate-minded PM”', () => {
    const got = ids(suggestHelpers(index, climatePm, { limit: 10 }));
    expect(got).toContain(energyPm.id);
    const at = (id: ContactId) => (got.indexOf(id) === -1 ? Infinity : got.indexOf(id));
    expect(at(energyPm.id)).toBeLessThan(at(bankPm.id));
    expect(at(energyPm.id)).toBeLessThan(at(scientist.id));
  });
});

describe('ranking order', () => {
  const index = buildHelperIndex(base());

  test('someone who answers the whole question beats someone who answers part of it', () => {
    const got = ids(suggestHelpers(index, climateJobs, { limit: 10 }));
    // The talent partner has both recruiting and climate; the bank recruiter and the scientist one each.
    expect(got.indexOf(talent.id)).toBe(0);
    for (const partial of [bankRecruiter.id, scientist.id])
      if (got.includes(partial)) expect(got.indexOf(partial)).toBeGreaterThan(0);
  });

  test('people with nothing in common with the objective are never suggested', () => {
    const got = ids(suggestHelpers(index, climateJobs, { limit: 50 }));
    expect(got).not.toContain(chef.id);
    for (const f of filler) expect(got).not.toContain(f.id);
  });

  test('an objective with no words to match suggests nobody', () => {
    expect(suggestHelpers(index, objective('empty', { title: 'Get to know more people' }))).toEqual([]);
  });

  test('limit caps the list', () => {
    expect(suggestHelpers(index, climateJobs, { limit: 1 })).toHaveLength(1);
  });

  test('the order does not depend on the order people were added', () => {
    const reversed = buildHelperIndex(
      base({ contacts: [talent, energyPm, scientist, bankRecruiter, chef, bankPm, ...filler].reverse() }),
    );
    expect(ids(suggestHelpers(reversed, climatePm, { limit: 10 }))).toEqual(
      ids(suggestHelpers(index, climatePm, { limit: 10 })),
    );
  });

  test('a warm relationship lifts a person by the warmth boost', () => {
    const twinA = person('twina', { name: 'Ana', role: 'Climate recruiter' });
    const twinB = person('twinb', { name: 'Bea', role: 'Climate recruiter' });
    const cold = buildHelperIndex(base({ contacts: [twinA, twinB, ...filler] }));
    const coldScores = suggestHelpers(cold, climateJobs);
    expect(coldScores[0]?.contactId).toBe(twinA.id); // a tie goes to the name
    const warm = buildHelperIndex(
      base({
        contacts: [twinA, twinB, ...filler],
        interactions: [interaction('b', { at: '2026-03-01T10:00:00Z', contactIds: [twinB.id] })],
      }),
    );
    const got = suggestHelpers(warm, climateJobs);
    expect(got[0]?.contactId).toBe(twinB.id);
    expect(got[0]?.warmth).toBe('fresh');
    expect(got[0]?.score).toBeCloseTo((coldScores[1]?.score ?? 0) * WARMTH_BOOST.fresh, 6);
  });

  test('being in a community of the kind the objective needs lifts a person, and says which community', () => {
    const alumni = community('alumni', { name: 'Old school', kind: 'alumni' });
    const twinA = person('twina', { name: 'Ana', role: 'Climate recruiter' });
    const twinB = person('twinb', { name: 'Bea', role: 'Climate recruiter', communityIds: [alumni.id] });
    const idx = buildHelperIndex(base({ contacts: [twinA, twinB, ...filler], communities: [alumni] }));
    // A new-role objective looks to former colleagues, professional bodies and alumni.
    const got = suggestHelpers(idx, climateJobs);
    expect(got[0]?.contactId).toBe(twinB.id);
    expect(got[0]?.communityFit).toBe(alumni.id);
    expect(got[1]?.communityFit).toBeNull();
    expect(got[0]!.score / got[1]!.score).toBeGreaterThan(COMMUNITY_FIT_BOOST * 0.95);
  });
});

describe('evidence beyond the person’s own fields', () => {
  test('what was learned in an interaction counts; a trashed interaction does not', () => {
    const quiet = person('quiet', { name: 'Mateo', role: 'Neighbour' });
    const learned = interaction('l', {
      at: '2026-01-10T10:00:00Z',
      contactIds: [quiet.id],
      learned: 'Hiring a product lead for his climate startup',
    });
    const seen = buildHelperIndex(base({ contacts: [quiet, ...filler], interactions: [learned] }));
    const got = suggestHelpers(seen, climateJobs);
    expect(ids(got)).toContain(quiet.id);
    expect(got.find((s) => s.contactId === quiet.id)?.reason).toContain(
      'you learned: “Hiring a product lead for his climate startup”',
    );
    const trashed = buildHelperIndex(
      base({ contacts: [quiet, ...filler], interactions: [{ ...learned, deletedAt: '2026-02-01T00:00:00.000Z' }] }),
    );
    expect(ids(suggestHelpers(trashed, climateJobs))).not.toContain(quiet.id);
  });

  test('a community’s name and what the user offers it count', () => {
    const ctl = community('ctl', { name: 'Climate Recruiters Guild', kind: 'professional-body' });
    const member = person('member', { name: 'Zed', role: 'Volunteer', communityIds: [ctl.id] });
    const idx = buildHelperIndex(
      base({
        contacts: [member, ...filler],
        communities: [ctl],
        offers: [offer('o', { title: 'Mock interviews', communityIds: [ctl.id] })],
      }),
    );
    const got = suggestHelpers(idx, climateJobs);
    expect(ids(got)).toContain(member.id);
    expect(got[0]?.reason).toBe('Volunteer — in: “Climate Recruiters Guild (Professional body)”');
  });
});

describe('reasons', () => {
  const index = buildHelperIndex(base());

  test('quote the evidence word for word from the person’s data, in one plain sentence', () => {
    for (const o of [climateJobs, climatePm]) {
      for (const s of suggestHelpers(index, o, { limit: 10 })) {
        const c = [talent, energyPm, scientist, bankRecruiter, bankPm].find((p) => p.id === s.contactId) as Contact;
        const quote = /“([^”]+)”/.exec(s.reason)?.[1];
        expect(quote, s.reason).toBeDefined();
        const fields = [c.role, c.organisation, c.whatTheyDo, c.needs, c.interests, c.notes];
        expect(
          fields.some((f) => f.includes(quote as string)),
          s.reason,
        ).toBe(true);
        expect(s.evidence.quote).toBe(quote);
        expect(s.reason).not.toMatch(/[<>\n]/);
      }
    }
  });

  test('prefer a field the headline does not already say: “Talent partner at Climatebase — what they need: “strong climate PMs””', () => {
    const got = suggestHelpers(index, climatePm, { limit: 10 }).find((s) => s.contactId === talent.id);
    expect(got?.reason).toBe('Talent partner at Climatebase — what they need: “strong climate PMs”');
    expect(got?.evidence).toEqual({ field: 'needs', quote: 'strong climate PMs' });
  });

  test('quote the role in place when it is the evidence', () => {
    const got = suggestHelpers(index, climatePm, { limit: 10 }).find((s) => s.contactId === bankPm.id);
    expect(got?.reason).toBe('Works as “Product Manager” at HSBC');
  });

  test('clip a long passage to the clause that matched, with an ellipsis', () => {
    const long = person('long', {
      name: 'Long',
      whatTheyDo: `${'Background in logistics and operations for many years across several countries. '.repeat(2)}Now recruits product managers for climate startups across Europe, Africa, Asia and the Americas, mostly in energy, transport and food`,
    });
    const idx = buildHelperIndex(base({ contacts: [long, ...filler] }));
    const s = suggestHelpers(idx, climateJobs)[0];
    expect(s?.evidence.quote.length).toBeLessThanOrEqual(81);
    expect(s?.evidence.quote).toMatch(/^Now recruits product managers for climate startups/);
    expect(s?.evidence.quote.endsWith('…')).toBe(true);
  });
});

describe('who is never suggested', () => {
  test('people already linked to the objective', () => {
    const linked = { ...talent, objectiveIds: [climateJobs.id] };
    const idx = buildHelperIndex(base({ contacts: [linked, energyPm, scientist, bankRecruiter, ...filler] }));
    expect(ids(suggestHelpers(idx, climateJobs, { limit: 50 }))).not.toContain(talent.id);
    // Linked to another objective only: still suggested here.
    expect(ids(suggestHelpers(idx, climatePm, { limit: 50 }))).toContain(talent.id);
  });

  test('trashed and merged people', () => {
    const trashed = { ...talent, deletedAt: '2026-02-01T00:00:00.000Z' };
    const merged = { ...bankRecruiter, mergedIntoId: chef.id };
    const idx = buildHelperIndex(base({ contacts: [trashed, merged, scientist, chef, ...filler] }));
    const got = ids(suggestHelpers(idx, climateJobs, { limit: 50 }));
    expect(got).not.toContain(talent.id);
    expect(got).not.toContain(bankRecruiter.id);
    expect(got).toContain(scientist.id);
  });

  test('suggestions for all objectives skip those not active', () => {
    const idx = buildHelperIndex(base());
    const paused = { ...climatePm, status: 'paused' as const };
    const all = suggestHelpersForAll(idx, [climateJobs, paused]);
    expect([...all.keys()]).toEqual([climateJobs.id]);
  });

  // Property: whichever suggestions are dismissed, none of them ever comes back, and the rest keep their order.
  const network = [talent, energyPm, scientist, bankRecruiter, bankPm, ...filler];
  const idx = buildHelperIndex(base({ contacts: network }));
  const objectives: Objective[] = [climateJobs, climatePm];
  propTest.prop(
    [
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: objectives.length - 1 }), fc.integer({ min: 0, max: network.length - 1 })),
        { maxLength: 12 },
      ),
    ],
    {
      seed: 20260305,
      numRuns: 200,
    },
  )('a dismissed suggestion never returns', (picks) => {
    const dismissed = new Set(
      picks.map(([o, p]) => suggestionKey((objectives[o] as Objective).id, (network[p] as Contact).id)),
    );
    for (const o of objectives) {
      const all = ids(suggestHelpers(idx, o, { limit: 50 }));
      const kept = ids(suggestHelpers(idx, o, { limit: 50, dismissed }));
      for (const id of kept) expect(dismissed.has(suggestionKey(o.id, id))).toBe(false);
      expect(kept).toEqual(all.filter((id) => !dismissed.has(suggestionKey(o.id, id))));
    }
  });

  test('a dismissal for one objective leaves the person suggested for another', () => {
    const idx2 = buildHelperIndex(base());
    const dismissed = new Set([suggestionKey(climateJobs.id, talent.id)]);
    expect(ids(suggestHelpers(idx2, climateJobs, { dismissed, limit: 50 }))).not.toContain(talent.id);
    expect(ids(suggestHelpers(idx2, climatePm, { dismissed, limit: 50 }))).toContain(talent.id);
  });
});
