import { describe, expect, test } from 'vitest';
import { computeGaps, freshnessOf, type Gap, type PlanInput } from '../../../src/model/rules/index.ts';
import { action, community, interaction, ledger, objective, offer, person } from './build.ts';

const NOW = '2026-03-05T09:00:00Z';
const team = community('team', { name: 'Platform team', kind: 'own-team' });
const depts = community('depts', { name: 'Product org', kind: 'other-departments' });
const iet = community('iet', { name: 'IET', kind: 'professional-body', offer: 'Volunteer for the working party' });
const pydata = community('pydata', { name: 'PyData London', kind: 'online', membership: 'want-to-join' });
const oldco = community('oldco', { name: 'Initech alumni', kind: 'former-colleagues', membership: 'former' });
const gone = community('gone', { name: 'Gone', deletedAt: '2026-01-01T00:00:00.000Z' });

const climate = objective('climate', { title: 'Be known in climate tech', kind: 'visibility' });
const mentor = objective('mentor', { title: 'Find a mentor in climate tech', kind: 'learn' });
const role = objective('role', { title: 'Find a new role', kind: 'new-role' });
const ship = objective('ship', {
  title: 'Ship the platform',
  kind: 'project-support',
  communityKinds: ['own-team', 'other-departments'],
});
const done = objective('done', { title: 'Old goal', kind: 'learn', status: 'achieved' });

const ana = person('ana', {
  name: 'Ana',
  communityIds: [team.id],
  objectiveIds: [climate.id, ship.id],
  cadenceDays: 30,
});
const ben = person('ben', { name: 'Ben', communityIds: [depts.id], objectiveIds: [climate.id] });
const cat = person('cat', { name: 'Cat', communityIds: [iet.id], objectiveIds: [role.id] });
const eve = person('eve', { name: 'Eve', objectiveIds: [role.id] });
const trashed = person('trashed', {
  objectiveIds: [mentor.id],
  communityIds: [pydata.id],
  deletedAt: '2026-02-01T00:00:00.000Z',
});
const merged = person('merged', { objectiveIds: [mentor.id], communityIds: [pydata.id], mergedIntoId: ana.id });

const review = offer('review', { title: 'Kubernetes cost review' });
const talk = offer('talk', { title: 'A talk on ML', communityIds: [team.id] });
const retired = offer('retired', { title: 'Old offer', status: 'retired' });

const interactions = [
  interaction('ana', { at: '2026-01-20T10:00:00Z', contactIds: [ana.id] }),
  interaction('ben', { at: '2026-03-01T10:00:00Z', contactIds: [ben.id] }),
  interaction('cat', { at: '2025-10-01T10:00:00Z', contactIds: [cat.id] }),
];
const entries = [
  ledger('b1', { contactId: ben.id, direction: 'received' }),
  ledger('b2', { contactId: ben.id, direction: 'received' }),
];

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  contacts: [ana, ben, cat, eve, trashed, merged],
  communities: [team, depts, iet, pydata, oldco, gone],
  objectives: [climate, mentor, role, ship, done],
  offers: [review, talk, retired],
  interactions,
  actions: [],
  ledger: entries,
  now: NOW,
  timeZone: 'Europe/London',
  ...over,
});
const byKey = (gaps: Gap[]) => new Map(gaps.map((g) => [g.key, g]));

describe('gaps', () => {
  const report = computeGaps(input());
  const gaps = byKey(report.gaps);

  test('exactly the gaps this network has, most important kinds first', () => {
    expect(report.gaps.map((g) => g.key)).toEqual([
      `objective-uncovered:${mentor.id}`,
      `community-kind-missing:${climate.id}:professional-body+online+alumni`,
      `community-kind-missing:${ship.id}:other-departments`,
      `objective-cold:${role.id}:2025-10-01`,
      `taken-more:${ben.id}:2`,
      `stale-link:${ana.id}:2026-01-20`,
      `offer-unreceived:${review.id}`,
      `community-no-offer:${depts.id}`,
      `community-no-offer:${pydata.id}`,
      `community-empty:${pydata.id}`,
    ]);
    expect(report.closed).toEqual([]);
  });

  test('an objective nobody can help with (trashed and merged people do not count)', () => {
    const g = gaps.get(`objective-uncovered:${mentor.id}`)!;
    expect(g.sentence).toBe(
      'Nobody you know is linked to *Find a mentor in climate tech* yet, so no one is helping with it. A professional body or an online community is a good place to meet someone who can.',
    );
    expect(g.suggestedKind).toBe('professional-body');
    expect(g.suggestedAction).toEqual({
      title: 'Find someone who could help you find a mentor in climate tech',
      notes: '',
      dueOn: '2026-03-19',
      objectiveId: mentor.id,
      communityId: iet.id,
      contactId: null,
      gapKey: g.key,
    });
  });

  test('a network that sits inside one employer, with the kind to widen into', () => {
    const g = gaps.get(`community-kind-missing:${climate.id}:professional-body+online+alumni`)!;
    expect(g.sentence).toBe(
      'Your whole network for *Be known in climate tech* sits inside one employer — try a professional body or an online community.',
    );
    expect(g.suggestedKind).toBe('professional-body');
    expect(g.suggestedAction.title).toBe('Meet people in IET who could help you be known in climate tech');
    expect(g.suggestedAction.communityId).toBe(iet.id);
  });

  test('kinds the user chose are each required', () => {
    const g = gaps.get(`community-kind-missing:${ship.id}:other-departments`)!;
    expect(g.sentence).toBe(
      'Nobody who can help with *Ship the platform* is in another department yet — try widening into it.',
    );
    expect(g.suggestedAction.communityId).toBe(depts.id);
  });

  test('reaching one of the suggested kinds is enough', () => {
    expect([...gaps.keys()].some((k) => k.startsWith(`community-kind-missing:${role.id}`))).toBe(false);
  });

  test('an objective whose helpers are all out of touch', () => {
    const g = gaps.get(`objective-cold:${role.id}:2025-10-01`)!;
    expect(g.sentence).toBe(
      'Everyone who could help with *Find a new role* is out of touch — your last contact was 5 months ago.',
    );
    expect(g.contactId).toBe(cat.id);
    expect(g.suggestedAction.title).toBe('Get back in touch with Cat, who could help you find a new role');
  });

  test('a lapsed keep-in-touch rhythm and a one-sided relationship', () => {
    expect(gaps.get(`stale-link:${ana.id}:2026-01-20`)?.sentence).toBe(
      'Your last contact with Ana was 6 weeks ago — you meant to keep in touch every month.',
    );
    const taken = gaps.get(`taken-more:${ben.id}:2`)!;
    expect(taken.sentence).toBe(
      'Ben has helped you twice and you have not yet offered anything back — you could offer your *Kubernetes cost review*.',
    );
    expect(taken.suggestedAction.title).toBe('Offer Ben your “Kubernetes cost review”');
  });

  test('a rhythm with no interaction yet counts from the meeting, which is a contact', () => {
    const fay = person('fay', { name: 'Fay', cadenceDays: 30, metOn: '2026-01-01' });
    const g = computeGaps(input({ contacts: [fay], ledger: [] })).gaps.filter((x) => x.kind === 'stale-link');
    expect(g.map((x) => [x.key, x.sentence])).toEqual([
      [
        `stale-link:${fay.id}:2026-01-01`,
        'You met Fay 2 months ago and have not been in touch since — you meant to keep in touch every month.',
      ],
    ]);
  });

  test('offers nobody receives, communities with no offer or nobody in them; former communities are left alone', () => {
    expect(gaps.get(`offer-unreceived:${review.id}`)?.sentence).toBe(
      'Nobody is set to receive your offer *Kubernetes cost review* — choose the communities that would value it. *Product org* has no offer from you yet and might value it.',
    );
    expect(gaps.get(`community-no-offer:${depts.id}`)?.sentence).toBe(
      'You have not yet written down what would be useful to *Product org* — think of one thing you could offer them.',
    );
    expect(gaps.get(`community-empty:${pydata.id}`)?.sentence).toBe(
      'You want to join *PyData London* but know nobody there yet — one person to talk to would open the door.',
    );
    expect([...gaps.values()].some((g) => g.communityId === oldco.id || g.communityId === gone.id)).toBe(false);
  });

  test('an action planned from a gap marks it planned; once done the gap is closed and leaves the list', () => {
    const planKey = `objective-uncovered:${mentor.id}`;
    const closeKey = `community-no-offer:${depts.id}`;
    const planned = action('plan', { title: 'Find a mentor', gapKey: planKey, status: 'doing' });
    const closed = action('close', { title: 'Decide', gapKey: closeKey, status: 'done' });
    const dropped = action('drop', { title: 'Nah', gapKey: `stale-link:${ana.id}:2026-01-20`, status: 'dropped' });
    const r = computeGaps(input({ actions: [planned, closed, dropped] }));
    const g = byKey(r.gaps);
    expect(g.get(planKey)).toMatchObject({ status: 'planned', actionIds: [planned.id] });
    expect(g.has(closeKey)).toBe(false);
    expect(r.closed.map((c) => [c.key, c.status, c.actionIds])).toEqual([[closeKey, 'closed', [closed.id]]]);
    expect(g.get(`stale-link:${ana.id}:2026-01-20`)?.status).toBe('open');
  });

  test('a gap disappears by itself when the data no longer produces it', () => {
    const dan = person('dan', { name: 'Dan', communityIds: [iet.id], objectiveIds: [mentor.id] });
    const r = computeGaps(input({ contacts: [ana, ben, cat, eve, dan] }));
    expect(byKey(r.gaps).has(`objective-uncovered:${mentor.id}`)).toBe(false);
    const caughtUp = interaction('ana2', { at: '2026-03-04T10:00:00Z', contactIds: [ana.id] });
    const r2 = computeGaps(input({ interactions: [...interactions, caughtUp] }));
    expect(r2.gaps.some((x) => x.kind === 'stale-link')).toBe(false);
  });

  test('a closed stale link comes back under a new key when the rhythm lapses again', () => {
    const closedOld = action('old', { title: 'Catch up', gapKey: `stale-link:${ana.id}:2025-11-01`, status: 'done' });
    const r = computeGaps(input({ actions: [closedOld] }));
    expect(byKey(r.gaps).get(`stale-link:${ana.id}:2026-01-20`)?.status).toBe('open');
  });

  test('a limit per kind lists the most pressing lapsed rhythms and counts the rest', () => {
    const many = Array.from({ length: 4 }, (_, i) =>
      person(`lapse${i}`, { name: `L${i}`, cadenceDays: 7, metOn: `2026-01-0${i + 1}` }),
    );
    const full = computeGaps(input({ contacts: many, ledger: [] }));
    const limited = computeGaps(input({ contacts: many, ledger: [], limitPerKind: 1 }));
    const stale = (r: typeof full) => r.gaps.filter((g) => g.kind === 'stale-link').map((g) => g.key);
    expect(stale(full)).toHaveLength(4);
    expect(stale(limited)).toEqual(stale(full).slice(0, 1));
    expect(limited.notListed).toEqual({ 'stale-link': 3 });
    expect(full.notListed).toEqual({});
  });

  test('an empty plan has no gaps', () => {
    const r = computeGaps({
      contacts: [],
      communities: [],
      objectives: [],
      offers: [],
      interactions: [],
      actions: [],
      ledger: [],
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.gaps).toEqual([]);
    expect(r.coverage.rows).toEqual([]);
  });
});

describe('coverage grid', () => {
  const grid = computeGaps(input()).coverage;

  test('columns are live communities by kind; rows are active objectives', () => {
    expect(grid.communityIds).toEqual([team.id, depts.id, oldco.id, iet.id, pydata.id]);
    expect(grid.rows.map((r) => r.objectiveId)).toEqual([climate.id, mentor.id, role.id, ship.id]);
  });

  test('who can help in each community, and how fresh', () => {
    const [climateRow, mentorRow, roleRow] = grid.rows;
    expect(climateRow?.cells.map((c) => [c.contactIds, c.freshness])).toEqual([
      [[ana.id], 'warm'],
      [[ben.id], 'fresh'],
      [[], null],
      [[], null],
      [[], null],
    ]);
    expect(climateRow?.freshness).toBe('fresh');
    expect(climateRow?.lastContactOn).toBe('2026-03-01');
    expect(mentorRow?.helperIds).toEqual([]);
    expect(mentorRow?.freshness).toBeNull();
    expect(roleRow?.cells[3]).toMatchObject({ contactIds: [cat.id], lastContactOn: '2025-10-01', freshness: 'stale' });
    expect(roleRow?.withoutCommunity).toMatchObject({ contactIds: [eve.id], lastContactOn: null, freshness: 'stale' });
  });

  test('freshness boundaries: 30 days fresh, 90 warm, then stale', () => {
    const today = '2026-03-05';
    expect(freshnessOf('2026-02-03', today)).toBe('fresh');
    expect(freshnessOf('2026-02-02', today)).toBe('warm');
    expect(freshnessOf('2025-12-05', today)).toBe('warm');
    expect(freshnessOf('2025-12-04', today)).toBe('stale');
    expect(freshnessOf(null, today)).toBe('stale');
  });
});
