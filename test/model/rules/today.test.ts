import { describe, expect, test } from 'vitest';
import {
  actionsDueSoon,
  computeToday,
  dueFollowUps,
  lapsedCadences,
  lastContactByPerson,
  metRecentlyNotFollowedUp,
  nextCatchUpOn,
  type TodayInput,
} from '../../../src/model/rules/index.ts';
import type { ContactId } from '../../../src/model/index.ts';
import { action, event, interaction, person } from './build.ts';

const NOW = '2026-03-05T09:00:00Z'; // Thursday 5 March 2026, 09:00 in London (GMT)
const LONDON = 'Europe/London';
const base = (over: Partial<TodayInput>): TodayInput => ({
  contacts: [],
  interactions: [],
  actions: [],
  now: NOW,
  timeZone: LONDON,
  ...over,
});
const reasons = (input: TodayInput) =>
  computeToday(input).sections.flatMap((s) => s.items.map((i) => `${s.key}: ${i.reason}`));

describe('follow-ups due', () => {
  const ana = person('ana', { name: 'Ana López' });
  const ben = person('ben', { name: 'Ben Okafor' });
  const cy = person('cy', { name: 'Cy Park' });
  const kubecon = event('kubecon', { name: 'KubeCon' });
  const today = interaction('today', {
    at: '2026-03-02T10:00:00Z',
    contactIds: [ben.id],
    channel: 'call',
    followUpOn: '2026-03-05',
  });
  const overdue = interaction('overdue', {
    at: '2026-03-01T10:00:00Z',
    contactIds: [ana.id],
    eventId: kubecon.id,
    followUpOn: '2026-03-01',
  });
  const future = interaction('future', { at: '2026-03-04T10:00:00Z', contactIds: [cy.id], followUpOn: '2026-03-06' });
  const done = interaction('done', {
    at: '2026-02-01T10:00:00Z',
    contactIds: [ben.id],
    followUpOn: '2026-03-02',
    followUpDone: true,
  });
  const trashed = interaction('trashed', {
    at: '2026-02-01T10:00:00Z',
    contactIds: [ben.id],
    followUpOn: '2026-03-02',
    deletedAt: '2026-03-03T00:00:00.000Z',
  });
  const input = base({
    contacts: [ana, ben, cy],
    interactions: [today, overdue, future, done, trashed],
    events: [kubecon],
  });

  test('due today and overdue, oldest first; not future, done or trashed ones', () => {
    const view = computeToday(input);
    expect(view.today).toBe('2026-03-05');
    expect(view.followUps.items.map((i) => i.interactionId)).toEqual([overdue.id, today.id]);
    expect(view.followUps.items.map((i) => i.overdueDays)).toEqual([4, 0]);
    expect(view.followUps.items[0]?.contactIds).toEqual([ana.id]);
  });

  test('each says why in one plain sentence', () => {
    const view = computeToday(input);
    expect(view.followUps.items.map((i) => i.reason)).toEqual([
      'Follow up with Ana López — you met at KubeCon 4 days ago; this was due 4 days ago.',
      'Follow up with Ben Okafor — you spoke on the phone 3 days ago.',
    ]);
  });

  test('a snoozed follow-up (date moved on) is not due', () => {
    const snoozed = { ...overdue, followUpOn: '2026-03-07' };
    expect(computeToday({ ...input, interactions: [snoozed] }).followUps.items).toEqual([]);
  });

  test('across midnight the zone decides: due in Auckland, not yet in London', () => {
    const tomorrow = interaction('tmrw', {
      at: '2026-03-01T10:00:00Z',
      contactIds: [ana.id],
      followUpOn: '2026-03-06',
    });
    const lateEvening = '2026-03-05T23:30:00Z';
    expect(
      computeToday(base({ contacts: [ana], interactions: [tomorrow], now: lateEvening })).followUps.items,
    ).toHaveLength(0);
    const nz = computeToday(
      base({ contacts: [ana], interactions: [tomorrow], now: lateEvening, timeZone: 'Pacific/Auckland' }),
    );
    expect(nz.today).toBe('2026-03-06');
    expect(nz.followUps.items).toHaveLength(1);
  });

  test('trashed people are left out; a follow-up only with them disappears', () => {
    const gone = person('gone', { deletedAt: '2026-03-01T00:00:00.000Z' });
    const both = interaction('both', {
      at: '2026-03-01T10:00:00Z',
      contactIds: [gone.id, ana.id],
      followUpOn: '2026-03-04',
    });
    const onlyGone = interaction('onlygone', {
      at: '2026-03-01T10:00:00Z',
      contactIds: [gone.id],
      followUpOn: '2026-03-04',
    });
    const due = dueFollowUps([both, onlyGone], new Map([[ana.id, ana]]), '2026-03-05');
    expect(due.map((d) => [d.interaction.id, d.contactIds])).toEqual([[both.id, [ana.id]]]);
  });

  test('a follow-up logged for a merged-away person counts for the person kept', () => {
    const twin = person('twin', { name: 'Ana Lopez', mergedIntoId: ana.id, deletedAt: '2026-03-01T00:00:00.000Z' });
    const forTwin = interaction('fortwin', {
      at: '2026-03-01T10:00:00Z',
      contactIds: [twin.id],
      followUpOn: '2026-03-04',
    });
    const view = computeToday(base({ contacts: [ana, twin], interactions: [forTwin] }));
    expect(view.followUps.items.map((i) => i.contactIds)).toEqual([[ana.id]]);
    expect(view.followUps.items[0]?.reason).toContain('Ana López');
  });
});

describe('keep-in-touch cadence', () => {
  const at = (slug: string, who: { id: ContactId }, iso: string) =>
    interaction(slug, { at: iso, contactIds: [who.id] });
  const lapsed = person('lapsed', { name: 'Lapsed', cadenceDays: 30 });
  const fine = person('fine', { name: 'Fine', cadenceDays: 30 });
  const metOnly = person('metonly', { name: 'Met Only', cadenceDays: 14, metOn: '2026-02-01' });
  const addedOnly = person('added', { name: 'Added Only', cadenceDays: 30 }); // created 2026-01-01
  const newish = person('newish', { name: 'Newish', cadenceDays: 60, createdAt: new Date('2026-02-01T12:00:00Z') });
  const dueToday = person('duetoday', { name: 'Due Today', cadenceDays: 30 });
  const notYet = person('notyet', { name: 'Not Yet', cadenceDays: 30 });
  const noCadence = person('nocadence', { name: 'No Cadence' });
  const interactions = [
    at('l', lapsed, '2026-02-01T10:00:00Z'),
    at('f', fine, '2026-02-10T10:00:00Z'),
    at('d', dueToday, '2026-02-03T10:00:00Z'),
    at('n', notYet, '2026-02-04T10:00:00Z'),
    at('nc', noCadence, '2025-01-01T10:00:00Z'),
  ];
  const input = base({
    contacts: [lapsed, fine, metOnly, addedOnly, newish, dueToday, notYet, noCadence],
    interactions,
  });

  test('lapsed when the rhythm has come round; people with no interaction count from metOn, else from when added', () => {
    const view = computeToday(input);
    expect(view.keepInTouch.items.map((i) => [i.contactId, i.lastContactOn, i.overdueDays])).toEqual([
      [addedOnly.id, null, 33], // 63 days since 1 Jan
      [metOnly.id, null, 18], // 32 days since met on 1 Feb, every 14
      [lapsed.id, '2026-02-01', 2],
      [dueToday.id, '2026-02-03', 0],
    ]);
  });

  test('sentences say when we were last in touch and the rhythm meant', () => {
    const byId = new Map(computeToday(input).keepInTouch.items.map((i) => [i.contactId, i.reason]));
    expect(byId.get(lapsed.id)).toBe(
      'Time to catch up with Lapsed — you were last in touch 4 weeks ago, and you meant to keep in touch every month.',
    );
    expect(byId.get(metOnly.id)).toBe(
      'Time to catch up with Met Only — you have not been in touch since you met 4 weeks ago, and you meant to keep in touch every 2 weeks.',
    );
    expect(byId.get(addedOnly.id)).toContain('since you added them 2 months ago');
  });

  test('the last interaction is judged in the user zone: 23:30 UTC is already the next day in Auckland', () => {
    const edge = person('edge', { cadenceDays: 30 });
    const i = at('e', edge, '2026-02-03T23:30:00Z');
    const days = (zone: string) =>
      lapsedCadences(
        new Map([[edge.id, edge]]),
        new Map([[edge.id, zone === 'la' ? '2026-02-03' : '2026-02-04']]),
        '2026-03-05',
        'UTC',
      );
    expect(days('la')).toHaveLength(1);
    expect(days('nz')).toHaveLength(0);
    // and end to end through computeToday (now = 5 March evening in both zones)
    const la = computeToday(
      base({ contacts: [edge], interactions: [i], now: '2026-03-06T05:00:00Z', timeZone: 'America/Los_Angeles' }),
    );
    const nz = computeToday(
      base({ contacts: [edge], interactions: [i], now: '2026-03-05T05:00:00Z', timeZone: 'Pacific/Auckland' }),
    );
    expect(la.today).toBe('2026-03-05');
    expect(nz.today).toBe('2026-03-05');
    expect(la.keepInTouch.items).toHaveLength(1);
    expect(nz.keepInTouch.items).toHaveLength(0);
  });

  test('interactions planned for later do not count as being in touch', () => {
    const planned = at('planned', lapsed, '2026-03-20T10:00:00Z');
    const view = computeToday({ ...input, interactions: [...interactions, planned] });
    expect(view.keepInTouch.items.some((i) => i.contactId === lapsed.id)).toBe(true);
    expect(lastContactByPerson([planned], { until: NOW }).size).toBe(0);
  });

  test('a last-contact map the caller already has is used instead of a second pass', () => {
    const known = lastContactByPerson(interactions, { until: NOW });
    expect(computeToday({ ...input, lastContact: known }).keepInTouch.items).toEqual(
      computeToday(input).keepInTouch.items,
    );
    const pretend = new Map(known).set(lapsed.id, '2026-03-04T10:00:00.000Z');
    expect(
      computeToday({ ...input, lastContact: pretend }).keepInTouch.items.some((i) => i.contactId === lapsed.id),
    ).toBe(false);
  });

  test('next catch-up day', () => {
    expect(nextCatchUpOn(lapsed, '2026-02-01', LONDON)).toBe('2026-03-03');
    expect(nextCatchUpOn(metOnly, null, LONDON)).toBe('2026-02-15');
    expect(nextCatchUpOn(noCadence, null, LONDON)).toBeNull();
  });
});

describe('met recently and never followed up', () => {
  const fay = person('fay', { name: 'Fay', metOn: '2026-03-02', metPlace: 'the Barbican' });
  const gus = person('gus', { name: 'Gus', metOn: '2026-03-01' });
  const hal = person('hal', { name: 'Hal', metOn: '2026-03-01' });
  const ivy = person('ivy', { name: 'Ivy', metOn: '2026-02-10' });
  const jon = person('jon', { name: 'Jon', metOn: '2026-03-04' });
  const kim = person('kim', { name: 'Kim', metOn: '2026-02-19' }); // exactly 14 days
  const interactions = [
    interaction('gus-later', { at: '2026-03-03T10:00:00Z', contactIds: [gus.id] }),
    interaction('hal-same-day', { at: '2026-03-01T18:00:00Z', contactIds: [hal.id] }),
    interaction('jon-meeting', { at: '2026-03-04T10:00:00Z', contactIds: [jon.id], followUpOn: '2026-03-07' }),
  ];
  const input = base({ contacts: [fay, gus, hal, ivy, jon, kim], interactions });

  test('met in the last 14 days with nothing after the meeting day; most recent first', () => {
    expect(computeToday(input).metRecently.items.map((i) => i.contactId)).toEqual([jon.id, fay.id, hal.id, kim.id]);
  });

  test('the sentence names where we met and any follow-up already planned', () => {
    const byId = new Map(computeToday(input).metRecently.items.map((i) => [i.contactId, i]));
    expect(byId.get(fay.id)?.reason).toBe(
      'Follow up with Fay — you met at the Barbican 3 days ago and have not been in touch since.',
    );
    expect(byId.get(jon.id)?.reason).toBe(
      'Follow up with Jon — you met yesterday; a follow-up is planned for Saturday.',
    );
    expect(byId.get(jon.id)?.followUpPlannedOn).toBe('2026-03-07');
  });

  test('the rule on its own', () => {
    const people = new Map([fay, ivy].map((p) => [p.id, p]));
    expect(metRecentlyNotFollowedUp(people, new Map(), '2026-03-05').map((r) => [r.contact.id, r.daysAgo])).toEqual([
      [fay.id, 3],
    ]);
    // One interaction on a later day, or a second one on the day itself, is a follow-up.
    expect(
      metRecentlyNotFollowedUp(people, new Map([[fay.id, { count: 1, latestDay: '2026-03-04' }]]), '2026-03-05'),
    ).toEqual([]);
    expect(
      metRecentlyNotFollowedUp(people, new Map([[fay.id, { count: 2, latestDay: '2026-03-02' }]]), '2026-03-05'),
    ).toEqual([]);
    expect(
      metRecentlyNotFollowedUp(people, new Map([[fay.id, { count: 1, latestDay: '2026-03-02' }]]), '2026-03-05'),
    ).toHaveLength(1);
  });
});

describe('plan actions due this week', () => {
  const ana = person('ana', { name: 'Ana' });
  const actions = [
    action('in-week', { title: 'Write the post', dueOn: '2026-03-12' }),
    action('too-late', { title: 'Later', dueOn: '2026-03-13' }),
    action('overdue', { title: 'Ask Ana for an intro', dueOn: '2026-03-01', contactId: ana.id, status: 'doing' }),
    action('today', { title: 'Join the IET', dueOn: '2026-03-05' }),
    action('done', { title: 'Done', dueOn: '2026-03-04', status: 'done' }),
    action('dropped', { title: 'Dropped', dueOn: '2026-03-04', status: 'dropped' }),
    action('undated', { title: 'Someday' }),
    action('trashed', { title: 'Trashed', dueOn: '2026-03-04', deletedAt: '2026-03-01T00:00:00.000Z' }),
  ];

  test('open actions due by today + 7, overdue included, soonest first', () => {
    expect(actionsDueSoon(actions, '2026-03-05').map((a) => [a.action.title, a.daysUntil])).toEqual([
      ['Ask Ana for an intro', -4],
      ['Join the IET', 0],
      ['Write the post', 7],
    ]);
  });

  test('sentences', () => {
    expect(computeToday(base({ contacts: [ana], actions })).actions.items.map((i) => i.reason)).toEqual([
      'Ask Ana for an intro (with Ana) — due 4 days ago.',
      'Join the IET — due today.',
      'Write the post — due in 7 days.',
    ]);
  });
});

describe('the whole page', () => {
  test('a person shows once: follow-up before recent meeting before lapsed rhythm', () => {
    const ana = person('ana', { name: 'Ana', cadenceDays: 7, metOn: '2026-03-01' });
    const ben = person('ben', { name: 'Ben', cadenceDays: 1, metOn: '2026-03-02' });
    const i = interaction('a', { at: '2026-03-01T09:00:00Z', contactIds: [ana.id], followUpOn: '2026-03-04' });
    const view = computeToday(base({ contacts: [ana, ben], interactions: [i] }));
    expect(view.followUps.items.map((x) => x.contactIds)).toEqual([[ana.id]]);
    expect(view.metRecently.items.map((x) => x.contactId)).toEqual([ben.id]);
    expect(view.keepInTouch.items).toEqual([]);
    expect([...view.needsFollowUp].sort()).toEqual([ana.id, ben.id].sort());
  });

  test('trashed and merged people never appear in any section', () => {
    const trashed = person('trashed', { cadenceDays: 1, metOn: '2026-03-04', deletedAt: '2026-03-04T12:00:00.000Z' });
    const keep = person('keep', { name: 'Keep' });
    const merged = person('merged', { cadenceDays: 1, metOn: '2026-03-04', mergedIntoId: keep.id });
    const i = interaction('t', { at: '2026-03-01T09:00:00Z', contactIds: [trashed.id], followUpOn: '2026-03-04' });
    const a = action('a', { title: 'About trashed', dueOn: '2026-03-05', contactId: trashed.id });
    const lines = reasons(base({ contacts: [trashed, merged, keep], interactions: [i], actions: [a] }));
    expect(lines).toEqual(['actions: About trashed — due today.']);
  });

  test('a limit per section builds only the most urgent items, and still counts them all', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      person(`many${i}`, { name: `P${i}`, cadenceDays: 7, metOn: `2026-01-0${i + 1}` }),
    );
    const full = computeToday(base({ contacts: many }));
    const limited = computeToday(base({ contacts: many, limitPerSection: 2 }));
    expect(full.keepInTouch.total).toBe(5);
    expect(limited.keepInTouch.total).toBe(5);
    expect(limited.keepInTouch.items).toEqual(full.keepInTouch.items.slice(0, 2));
    expect(limited.needsFollowUp.size).toBe(5);
    expect(limited.isEmpty).toBe(false);
    expect(computeToday(base({ contacts: many, limitPerSection: 0 })).keepInTouch).toMatchObject({
      items: [],
      total: 5,
    });
  });

  test('an empty network gives an empty page', () => {
    const view = computeToday(base({}));
    expect(view.isEmpty).toBe(true);
    expect(view.sections.map((s) => s.key)).toEqual([
      'follow-ups',
      'promises',
      'keep-in-touch',
      'actions',
      'met-recently',
    ]);
    expect(view.newConnections).toBeNull();
  });
});
