import { describe, expect, test } from 'vitest';
import {
  addDays,
  computeToday,
  DEFAULT_REMINDER_SETTINGS,
  localDay,
  nextWakeTimes,
  readReminderSettings,
  reminderDigest,
  snoozeAllChanges,
  activePeople,
  wallTimeToInstant,
  type ReminderSettings,
  type ScheduleInput,
} from '../../../src/model/rules/index.ts';
import type { Contact } from '../../../src/model/index.ts';
import { action, interaction, ledger, person } from './build.ts';

const LONDON = 'Europe/London';
const NOW = '2026-03-05T07:00:00Z'; // Thursday 5 March 2026, 07:00 in London
const ON: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, enabled: true };
const base = (over: Partial<ScheduleInput>): ScheduleInput => ({
  contacts: [],
  interactions: [],
  actions: [],
  ledger: [],
  now: NOW,
  timeZone: LONDON,
  settings: ON,
  ...over,
});
const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString());

const ben = person('ben', { name: 'Ben Carter' });
const oli = person('oli', { name: 'Oliver Grant' });
const ana = person('ana', { name: 'Ana López' });
const followUp = (slug: string, who: Contact, on: string, extra = {}) =>
  interaction(slug, { at: '2026-02-20T10:00:00Z', contactIds: [who.id], channel: 'call', followUpOn: on, ...extra });

describe('the schedule: next wake times', () => {
  test('nothing planned: no wake time at all', () => {
    expect(nextWakeTimes(base({ contacts: [ben] }))).toEqual([]);
  });

  test('reminders off, or no day or kind chosen: none', () => {
    const data = { contacts: [ben], interactions: [followUp('f', ben, '2026-03-05')] };
    expect(nextWakeTimes(base({ ...data, settings: { ...ON, enabled: false } }))).toEqual([]);
    expect(nextWakeTimes(base({ ...data, settings: { ...ON, days: [] } }))).toEqual([]);
    expect(nextWakeTimes(base({ ...data, settings: { ...ON, kinds: [] } }))).toEqual([]);
  });

  test('a follow-up due on Monday: the first wake is Monday at 9:00 local, then every day until it is done', () => {
    const times = nextWakeTimes(base({ contacts: [ben], interactions: [followUp('f', ben, '2026-03-09')] }), 3);
    expect(iso(times)).toEqual(['2026-03-09T09:00:00.000Z', '2026-03-10T09:00:00.000Z', '2026-03-11T09:00:00.000Z']);
  });

  test('due today before the chosen time: today; after it: tomorrow', () => {
    const data = { contacts: [ben], interactions: [followUp('f', ben, '2026-03-05')] };
    expect(iso(nextWakeTimes(base(data), 1))).toEqual(['2026-03-05T09:00:00.000Z']);
    expect(iso(nextWakeTimes(base({ ...data, now: '2026-03-05T09:00:00Z' }), 1))).toEqual(['2026-03-06T09:00:00.000Z']);
  });

  test('changes with the data: done, snoozed, a new one planned', () => {
    const f = followUp('f', ben, '2026-03-06');
    const first = (over: Partial<ScheduleInput>) =>
      iso(nextWakeTimes(base({ contacts: [ben, oli], interactions: [f], ...over }), 1));
    expect(first({})).toEqual(['2026-03-06T09:00:00.000Z']);
    // Done (on another device): nothing left.
    expect(first({ interactions: [{ ...f, followUpDone: true }] })).toEqual([]);
    // Answered by a later interaction with Ben.
    expect(
      first({ interactions: [f, interaction('call', { at: '2026-03-04T12:00:00Z', contactIds: [ben.id] })] }),
    ).toEqual([]);
    // Snoozed: the person until Tuesday.
    expect(first({ contacts: [{ ...ben, snoozedUntil: '2026-03-10' }, oli] })).toEqual(['2026-03-10T09:00:00.000Z']);
    // A new one planned sooner.
    expect(first({ interactions: [f, followUp('g', oli, '2026-03-05')] })).toEqual(['2026-03-05T09:00:00.000Z']);
  });

  test('promises: on their date, or a week after they were made', () => {
    const dated = ledger('p1', {
      contactId: ben.id,
      direction: 'gave',
      status: 'promised',
      kind: 'advice',
      on: '2026-03-12',
    });
    const undated = ledger('p2', {
      contactId: oli.id,
      direction: 'gave',
      status: 'promised',
      kind: 'advice',
      createdAt: new Date('2026-03-04T10:00:00Z'),
    });
    expect(iso(nextWakeTimes(base({ contacts: [ben, oli], ledger: [dated] }), 1))).toEqual([
      '2026-03-12T09:00:00.000Z',
    ]);
    expect(iso(nextWakeTimes(base({ contacts: [ben, oli], ledger: [undated] }), 1))).toEqual([
      '2026-03-11T09:00:00.000Z',
    ]);
    expect(
      nextWakeTimes(base({ contacts: [ben], ledger: [dated], settings: { ...ON, kinds: ['follow-ups'] } })),
    ).toEqual([]);
  });

  test('keep-in-touch rhythms: the day the rhythm comes round; someone seen regularly never', () => {
    const monthly = { ...ana, cadenceDays: 30 };
    const called = interaction('c', { at: '2026-02-20T10:00:00Z', contactIds: [ana.id] });
    expect(iso(nextWakeTimes(base({ contacts: [monthly], interactions: [called] }), 1))).toEqual([
      '2026-03-22T09:00:00.000Z',
    ]);
    expect(nextWakeTimes(base({ contacts: [{ ...monthly, seenRegularly: true }], interactions: [called] }))).toEqual(
      [],
    );
  });

  test('actions: on their due day (not the week before, as Today lists them)', () => {
    const a = action('post', { title: 'Write the post', dueOn: '2026-03-08' });
    expect(iso(nextWakeTimes(base({ actions: [a] }), 1))).toEqual(['2026-03-08T09:00:00.000Z']);
    expect(nextWakeTimes(base({ actions: [{ ...a, status: 'done' }] }))).toEqual([]);
  });

  test('a new acquaintance: only during the days Today shows them', () => {
    const met = person('met', { name: 'Met Mo', metOn: '2026-03-04' });
    const times = nextWakeTimes(base({ contacts: [met] }), 30);
    expect(localDay(times.at(-1) as number, LONDON)).toBe('2026-03-18');
    expect(times).toHaveLength(14);
  });

  test('only on the chosen weekdays, at the chosen time', () => {
    const data = { contacts: [ben], interactions: [followUp('f', ben, '2026-03-01')] };
    const weekdays = { ...ON, days: [1, 2, 3, 4, 5], time: '18:30' };
    expect(iso(nextWakeTimes(base({ ...data, settings: weekdays }), 3))).toEqual([
      '2026-03-05T18:30:00.000Z',
      '2026-03-06T18:30:00.000Z',
      '2026-03-09T18:30:00.000Z',
    ]);
  });

  test('across time zones: 9:00 on the wall clock where the user is', () => {
    const data = { contacts: [ben], interactions: [followUp('f', ben, '2026-03-09')] };
    expect(iso(nextWakeTimes(base({ ...data, timeZone: 'Asia/Tokyo' }), 1))).toEqual(['2026-03-09T00:00:00.000Z']);
    expect(iso(nextWakeTimes(base({ ...data, timeZone: 'America/Los_Angeles' }), 1))).toEqual([
      '2026-03-09T16:00:00.000Z',
    ]);
    expect(iso(nextWakeTimes(base({ ...data, timeZone: 'Asia/Kolkata' }), 1))).toEqual(['2026-03-09T03:30:00.000Z']);
  });

  test('across DST: 9:00 stays 9:00 when the clocks change (London 29 March, New York 8 March)', () => {
    const london = nextWakeTimes(
      base({ contacts: [ben], interactions: [followUp('f', ben, '2026-03-28')], now: '2026-03-27T12:00:00Z' }),
      3,
    );
    expect(iso(london)).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    const ny = nextWakeTimes(
      base({
        contacts: [ben],
        interactions: [followUp('f', ben, '2026-03-07')],
        now: '2026-03-06T20:00:00Z',
        timeZone: 'America/New_York',
      }),
      2,
    );
    expect(iso(ny)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
    // Autumn: back to GMT on 25 October.
    const autumn = nextWakeTimes(
      base({ contacts: [ben], interactions: [followUp('f', ben, '2026-10-24')], now: '2026-10-23T12:00:00Z' }),
      2,
    );
    expect(iso(autumn)).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z']);
  });

  test('a time that does not exist (the DST gap) comes just after it; a repeated one the first time', () => {
    expect(new Date(wallTimeToInstant('2026-03-29', '01:30', LONDON)).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(new Date(wallTimeToInstant('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    ); // 03:30 EDT
    expect(new Date(wallTimeToInstant('2026-10-25', '01:30', LONDON)).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // the first 01:30 (BST)
  });

  test('agrees with Today: a day is in the schedule exactly when Today then has something of the chosen kinds', () => {
    const people = [
      ben,
      oli,
      { ...ana, cadenceDays: 14 },
      person('met', { name: 'Met Mo', metOn: '2026-03-02' }),
      person('snz', { name: 'Snoozed Sam', snoozedUntil: '2026-03-20', cadenceDays: 7 }),
    ];
    const interactions = [
      followUp('f1', ben, '2026-03-12'),
      followUp('f2', oli, '2026-04-01', { followUpDone: true }),
      interaction('c', { at: '2026-02-27T10:00:00Z', contactIds: [ana.id] }),
    ];
    const actions = [action('a1', { title: 'Join the association', dueOn: '2026-03-25' })];
    const promises = [
      ledger('p1', { contactId: oli.id, direction: 'gave', status: 'promised', kind: 'help', on: '2026-03-16' }),
    ];
    for (const kinds of [
      ['follow-ups'],
      ['promises'],
      ['keep-in-touch'],
      ['actions'],
      ['follow-ups', 'promises', 'keep-in-touch', 'actions'],
    ] as const) {
      const settings = { ...ON, kinds: [...kinds], days: [1, 3, 5, 6] };
      const input = base({ contacts: people, interactions, actions, ledger: promises, settings });
      const days = new Set(nextWakeTimes(input, 100).map((t) => localDay(t, LONDON)));
      for (let i = 1; i <= 40; i++) {
        const day = addDays('2026-03-05', i);
        const at = wallTimeToInstant(day, settings.time, LONDON);
        const view = computeToday({
          contacts: people,
          interactions,
          actions,
          ledger: promises,
          now: at,
          timeZone: LONDON,
        });
        const digest = reminderDigest(view, settings.kinds, () => 'x');
        const weekday = settings.days.includes(new Date(at).getUTCDay());
        expect(days.has(day), `${kinds.join('+')} on ${day}`).toBe(weekday && digest !== null);
      }
    }
  });
});

describe('what the reminder says', () => {
  const carol = person('carol', { name: 'Carol Diaz' });
  const names = new Map([ben, oli, carol].map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id as never);
  const now = '2026-03-05T09:00:00Z';

  test('three follow-ups: "3 follow-ups today", two names and "1 other"; a click opens Today', () => {
    const interactions = [
      followUp('a', ben, '2026-03-01'),
      followUp('b', oli, '2026-03-03'),
      followUp('c', carol, '2026-03-05'),
    ];
    const view = computeToday({ contacts: [ben, oli, carol], interactions, actions: [], now, timeZone: LONDON });
    const d = reminderDigest(view, ON.kinds, nameOf);
    expect(d?.title).toBe('3 follow-ups today');
    expect(d?.body).toBe('Ben Carter, Oliver Grant and 1 other');
    expect(d?.url).toBe('/');
  });

  test('one person: named, and a click opens their page', () => {
    const view = computeToday({
      contacts: [ben],
      interactions: [followUp('a', ben, '2026-03-05')],
      actions: [],
      now,
      timeZone: LONDON,
    });
    const d = reminderDigest(view, ON.kinds, nameOf);
    expect([d?.title, d?.body, d?.url]).toEqual(['1 follow-up today', 'Ben Carter', `/people/${ben.id}`]);
  });

  test('several kinds are counted in one line; only the chosen kinds; nothing due is null', () => {
    const view = computeToday({
      contacts: [ben, oli],
      interactions: [followUp('a', ben, '2026-03-05')],
      actions: [
        action('x', { title: 'Write the post', dueOn: '2026-03-05' }),
        action('y', { title: 'Later', dueOn: '2026-03-09' }),
      ],
      ledger: [
        ledger('p', { contactId: oli.id, direction: 'gave', status: 'promised', kind: 'help', on: '2026-03-04' }),
      ],
      now,
      timeZone: LONDON,
    });
    expect(reminderDigest(view, ON.kinds, nameOf)?.title).toBe(
      '1 follow-up, 1 promise to keep and 1 plan action today',
    );
    expect(reminderDigest(view, ON.kinds, nameOf)?.body).toBe('Ben Carter, Oliver Grant and 1 other');
    expect(reminderDigest(view, ['actions'], nameOf)?.body).toBe('Write the post');
    expect(reminderDigest(view, ['keep-in-touch'], nameOf)).toBeNull();
  });

  test('snooze all to tomorrow moves every follow-up and person to tomorrow', () => {
    const interactions = [followUp('a', ben, '2026-03-01'), followUp('b', oli, '2026-03-03')];
    const view = computeToday({ contacts: [ben, oli], interactions, actions: [], now, timeZone: LONDON });
    const d = reminderDigest(view, ON.kinds, nameOf);
    const changes = snoozeAllChanges(d?.items ?? [], view.today, activePeople([ben, oli]), interactions);
    expect(changes.until).toBe('2026-03-06');
    expect(changes.followUps.map((f) => f.followUpOn)).toEqual(['2026-03-06', '2026-03-06']);
    expect(changes.contacts.map((c) => c.snoozedUntil)).toEqual(['2026-03-06', '2026-03-06']);
  });
});

describe('settings read from storage', () => {
  test('defaults: off, 9:00, every day, every kind; junk is ignored field by field', () => {
    expect(readReminderSettings(null)).toEqual({
      enabled: false,
      time: '09:00',
      days: [0, 1, 2, 3, 4, 5, 6],
      kinds: ['follow-ups', 'promises', 'keep-in-touch', 'actions'],
    });
    expect(
      readReminderSettings({ enabled: true, time: '25:00', days: [1, 9, 'x', 1], kinds: ['actions', 'bogus'] }),
    ).toEqual({ enabled: true, time: '09:00', days: [1], kinds: ['actions'] });
  });
});
