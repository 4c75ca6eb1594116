/**
 * Today respects what the user did (issue 12 §1): a logged interaction closes the follow-ups it
 * answers, a snooze hides a person everywhere, a meeting is a contact, people seen regularly are
 * not nudged, promises come up, and an import of online connections does not flood the page.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { ContactId } from '../../../src/model/index.ts';
import {
  addDays,
  computeToday,
  contactClosesFollowUp,
  followUpsClosedBy,
  freshnessOf,
  preparePlan,
  snoozeChanges,
  type TodayInput,
} from '../../../src/model/rules/index.ts';
import { interaction, ledger, person } from './build.ts';

const LONDON = 'Europe/London';
const base = (over: Partial<TodayInput>): TodayInput => ({
  contacts: [],
  interactions: [],
  actions: [],
  now: '2026-03-05T09:00:00Z',
  timeZone: LONDON,
  ...over,
});
const onDay = (day: string, time = '09:00:00') => `${day}T${time}Z`;
const sectionOf = (input: TodayInput, id: ContactId) =>
  computeToday(input)
    .sections.filter((s) => s.items.some((i) => i.contactIds.includes(id)))
    .map((s) => s.key);

describe('logging an interaction closes the follow-ups it answers', () => {
  const mei = person('mei', { name: 'Mei Lin', metOn: '2026-03-02' });
  // Captured on Monday 2 March, with a follow-up planned for Wednesday.
  const captured = interaction('captured', {
    at: onDay('2026-03-02', '19:00:00'),
    contactIds: [mei.id],
    followUpOn: '2026-03-04',
  });
  const logged = (slug: string, at: string) => interaction(slug, { at, contactIds: [mei.id], channel: 'email' });
  const dueOn = (day: string, extra: ReturnType<typeof interaction>[]) =>
    computeToday(
      base({ contacts: [mei], interactions: [captured, ...extra], now: onDay(day, '12:00:00') }),
    ).followUps.items.map((i) => i.interactionId);

  test('found when tried: a follow-up due in 2 days does not come back after a log on the day of the meeting', () => {
    expect(dueOn('2026-03-04', [])).toEqual([captured.id]);
    expect(dueOn('2026-03-03', [logged('same-day', onDay('2026-03-02', '22:00:00'))])).toEqual([]);
    expect(dueOn('2026-03-04', [logged('same-day', onDay('2026-03-02', '22:00:00'))])).toEqual([]);
  });

  test('logged before, on and after the due day; overdue ones close too', () => {
    expect(dueOn('2026-03-06', [logged('before', onDay('2026-03-03'))])).toEqual([]);
    expect(dueOn('2026-03-06', [logged('on', onDay('2026-03-04'))])).toEqual([]);
    expect(dueOn('2026-03-20', [logged('after', onDay('2026-03-19'))])).toEqual([]);
  });

  test('an interaction logged before the follow-up was planned does not close it', () => {
    expect(dueOn('2026-03-04', [logged('earlier', onDay('2026-03-01'))])).toEqual([captured.id]);
  });

  test('follow-ups planned further ahead than two weeks stay', () => {
    const farAhead = interaction('far', { at: onDay('2026-03-02'), contactIds: [mei.id], followUpOn: '2026-04-20' });
    const log = logged('log', onDay('2026-03-05'));
    expect(contactClosesFollowUp(log.at, farAhead, LONDON)).toBe(false);
    expect(contactClosesFollowUp(log.at, { ...farAhead, followUpOn: '2026-03-19' }, LONDON)).toBe(true);
    expect(contactClosesFollowUp(log.at, { ...farAhead, followUpOn: '2026-03-20' }, LONDON)).toBe(false);
    expect(
      computeToday(
        base({ contacts: [mei], interactions: [farAhead, log], now: onDay('2026-04-20') }),
      ).followUps.items.map((i) => i.interactionId),
    ).toEqual([farAhead.id]);
  });

  test('a follow-up kept open while logging is closed only by a later interaction', () => {
    const log = logged('log', onDay('2026-03-03'));
    const keptOpen = { ...captured, followUpKeptOpenAt: log.at };
    const day = (d: string, extra: ReturnType<typeof interaction>[]) =>
      computeToday(base({ contacts: [mei], interactions: [keptOpen, log, ...extra], now: onDay(d, '12:00:00') }))
        .followUps.items.length;
    expect(day('2026-03-04', [])).toBe(1);
    expect(day('2026-03-05', [logged('later', onDay('2026-03-05', '10:00:00'))])).toBe(0);
  });

  test('the log form lists what it will close, earliest due first; done, trashed and other people’s are left alone', () => {
    const ben = person('ben', { name: 'Ben' });
    const second = interaction('second', {
      at: onDay('2026-03-01'),
      contactIds: [mei.id, ben.id],
      followUpOn: '2026-03-03',
    });
    const done = interaction('done', {
      at: onDay('2026-03-01'),
      contactIds: [mei.id],
      followUpOn: '2026-03-03',
      followUpDone: true,
    });
    const trashed = interaction('trashed', {
      at: onDay('2026-03-01'),
      contactIds: [mei.id],
      followUpOn: '2026-03-03',
      deletedAt: onDay('2026-03-02'),
    });
    const bens = interaction('bens', { at: onDay('2026-03-01'), contactIds: [ben.id], followUpOn: '2026-03-03' });
    const closed = followUpsClosedBy(
      { at: onDay('2026-03-05'), contactIds: [mei.id] },
      [captured, second, done, trashed, bens],
      LONDON,
    );
    expect(closed.map((i) => i.id)).toEqual([second.id, captured.id]);
  });

  propTest.prop(
    [
      fc.array(
        fc.record({
          daysAgo: fc.integer({ min: 0, max: 60 }),
          minute: fc.integer({ min: 0, max: 1439 }),
          dueIn: fc.option(fc.integer({ min: -30, max: 60 })),
          done: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
      fc.integer({ min: 0, max: 1439 }),
      // A rhythm of one day is meant to nudge tomorrow: from two days up.
      fc.option(fc.integer({ min: 2, max: 400 })),
      fc.option(fc.integer({ min: 0, max: 400 })),
      fc.option(fc.integer({ min: 2, max: 30 })),
    ],
    { numRuns: 300 },
  )(
    'someone logged today is under neither “Follow-ups due” nor “Time to catch up” today or tomorrow',
    (earlier, loggedMinute, cadenceDays, metDaysAgo, ownFollowUpIn) => {
      const today = '2026-06-15';
      const at = (day: string, minute: number) =>
        new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000).toISOString();
      const ana = person('ana', {
        name: 'Ana',
        cadenceDays,
        metOn: metDaysAgo === null ? null : addDays(today, -metDaysAgo),
      });
      const logAt = at(today, loggedMinute);
      const history = earlier
        .map((e, n) =>
          interaction(`e${n}`, {
            at: at(
              addDays(today, -e.daysAgo),
              Math.min(e.minute, e.daysAgo === 0 ? Math.max(0, loggedMinute - 1) : 1439),
            ),
            contactIds: [ana.id],
            followUpOn: e.dueIn === null ? null : addDays(today, e.dueIn),
            followUpDone: e.done,
          }),
        )
        .filter((i) => i.at < logAt);
      // What was logged today may plan its own follow-up, for after tomorrow.
      const log = interaction('log', {
        at: logAt,
        contactIds: [ana.id],
        followUpOn: ownFollowUpIn === null ? null : addDays(today, ownFollowUpIn),
      });
      for (const now of [at(today, 1439), at(addDays(today, 1), 720)]) {
        const sections = sectionOf(
          base({
            contacts: [ana],
            interactions: [...history, log],
            now: new Date(Date.parse(now) + 59_000).toISOString(),
            timeZone: 'UTC',
          }),
          ana.id,
        );
        expect(sections).not.toContain('follow-ups');
        expect(sections).not.toContain('keep-in-touch');
      }
    },
  );
});

describe('snooze hides a person from every section until its date', () => {
  const today = '2026-03-05';
  const snoozed = { snoozedUntil: '2026-03-08' };
  const raj = person('raj', { name: 'Raj', metOn: '2026-03-03', cadenceDays: 7, ...snoozed });
  const withFollowUp = interaction('fu', { at: onDay('2026-03-01'), contactIds: [raj.id], followUpOn: '2026-03-04' });
  const promise = ledger('promise', {
    contactId: raj.id,
    direction: 'gave',
    status: 'promised',
    description: 'Review his deck',
    on: '2026-03-04',
  });
  const input = (now: string, contact = raj) =>
    base({ contacts: [contact], interactions: [withFollowUp], ledger: [promise], now });

  test('while snoozed: no follow-up, promise, rhythm or recent meeting', () => {
    expect(sectionOf(input(onDay(today)), raj.id)).toEqual([]);
    expect(sectionOf(input(onDay('2026-03-07')), raj.id)).toEqual([]);
  });

  test('without the snooze the same person is in follow-ups and promises', () => {
    expect(sectionOf(input(onDay(today), { ...raj, snoozedUntil: null }), raj.id)).toEqual(['follow-ups', 'promises']);
  });

  test('on the snooze date they come back', () => {
    expect(sectionOf(input(onDay('2026-03-08')), raj.id)).toEqual(['follow-ups', 'promises']);
  });

  test('a follow-up with two people stays while one of them is not snoozed', () => {
    const ben = person('ben', { name: 'Ben' });
    const both = interaction('both', {
      at: onDay('2026-03-01'),
      contactIds: [raj.id, ben.id],
      followUpOn: '2026-03-04',
    });
    expect(computeToday(base({ contacts: [raj, ben], interactions: [both] })).followUps.items).toHaveLength(1);
  });
});

describe('a meeting is a contact', () => {
  const manager = person('boss', { name: 'Dana', metOn: '2022-05-10', cadenceDays: 30 });
  const metLastWeek = person('new', { name: 'Eli', metOn: '2026-02-26', cadenceDays: 30 });

  test('a rhythm counts from the day met, or the last contact if later', () => {
    const view = computeToday(base({ contacts: [metLastWeek] }));
    expect(view.keepInTouch.items).toEqual([]);
    const older = interaction('older', { at: onDay('2026-01-01'), contactIds: [metLastWeek.id] });
    expect(computeToday(base({ contacts: [metLastWeek], interactions: [older] })).keepInTouch.items).toEqual([]);
  });

  test('someone met years ago and never logged: “since you met”, not “never in touch”', () => {
    const [item] = computeToday(base({ contacts: [manager] })).keepInTouch.items;
    expect(item?.reason).toBe(
      'Time to catch up with Dana — you have not been in touch since you met 3 years ago, and you meant to keep in touch every month.',
    );
  });

  test('“I see them regularly” quiets the nudge and keeps the rhythm', () => {
    const regular = { ...manager, seenRegularly: true };
    expect(computeToday(base({ contacts: [regular] })).keepInTouch.items).toEqual([]);
    expect(regular.cadenceDays).toBe(30);
  });

  test('freshness in the plan counts the meeting', () => {
    const ctx = preparePlan({
      contacts: [metLastWeek],
      communities: [],
      objectives: [],
      offers: [],
      interactions: [],
      ledger: [],
      actions: [],
      now: onDay('2026-03-05'),
      timeZone: LONDON,
    } as never);
    expect(ctx.lastContactDay.get(metLastWeek.id)).toBe('2026-02-26');
    expect(freshnessOf(ctx.lastContactDay.get(metLastWeek.id), '2026-03-05')).toBe('fresh');
  });
});

describe('promises reach Today', () => {
  const ben = person('ben', { name: 'Ben Carter' });
  const dated = ledger('dated', {
    contactId: ben.id,
    direction: 'gave',
    status: 'promised',
    description: 'Review his onboarding flow',
    on: '2026-03-05',
  });
  const undated = ledger('undated', {
    contactId: ben.id,
    direction: 'gave',
    status: 'promised',
    kind: 'introduction',
    createdAt: new Date('2026-02-26T10:00:00Z'),
  });
  const promises = (now: string, entries = [dated, undated]) =>
    computeToday(base({ contacts: [ben], ledger: entries, now })).promises.items.map((i) => i.reason);

  test('with a date: on the day', () => {
    expect(promises(onDay('2026-03-04'), [dated])).toEqual([]);
    expect(promises(onDay('2026-03-05'), [dated])).toEqual([
      'You promised Ben Carter: Review his onboarding flow — due today.',
    ]);
  });

  test('without a date: a week after it was made', () => {
    expect(promises(onDay('2026-03-04'), [undated])).toEqual([]);
    expect(promises(onDay('2026-03-05'), [undated])).toEqual(['You promised Ben Carter: an introduction — due today.']);
    expect(promises(onDay('2026-03-07'), [undated])).toEqual([
      'You promised Ben Carter: an introduction — due 2 days ago.',
    ]);
  });

  test('kept promises, what they promised me, and the Trash stay off', () => {
    const kept = { ...dated, status: 'done' as const };
    const theirs = { ...dated, direction: 'received' as const };
    const trashed = { ...dated, deletedAt: onDay('2026-03-01') };
    expect(promises(onDay('2026-03-06'), [kept, theirs, trashed])).toEqual([]);
  });
});

describe('an import of online connections does not flood Today', () => {
  const today = '2026-03-05';
  const connections = Array.from({ length: 38 }, (_, n) =>
    person(`li${n}`, { name: `Connection ${n}`, connectedOn: addDays(today, -(n % 20)) }),
  );
  // Before connectedOn existed, LinkedIn's connection date was written as "met on" at "LinkedIn".
  const legacy = person('legacy', { name: 'Old Import', metOn: addDays(today, -3), metPlace: 'LinkedIn' });
  const metForReal = person('real', { name: 'Met For Real', metOn: addDays(today, -3), metPlace: 'Climate Week' });

  test('one calm line, never an item per person', () => {
    const view = computeToday(base({ contacts: [...connections, legacy, metForReal] }));
    expect(view.metRecently.items.map((i) => i.contactId)).toEqual([metForReal.id]);
    expect(view.newConnections).toEqual({ count: 39, sentence: '39 new connections from LinkedIn in the last month.' });
  });

  test('older connections are not counted', () => {
    expect(
      computeToday(base({ contacts: [person('old', { name: 'Old', connectedOn: '2025-12-01' })] })).newConnections,
    ).toBeNull();
  });
});

describe('snoozing from each section', () => {
  const today = '2026-03-05';
  const zoe = person('zoe', { name: 'Zoe', metOn: '2026-03-03', cadenceDays: 7 });
  // A later interaction closes the follow-ups due within two weeks of it: one stays open here.
  const due = interaction('due', {
    at: onDay('2026-03-03', '12:00:00'),
    contactIds: [zoe.id],
    followUpOn: '2026-03-04',
  });
  const farAhead = interaction('far', { at: onDay('2026-03-01'), contactIds: [zoe.id], followUpOn: '2026-05-01' });
  const promise = ledger('p', { contactId: zoe.id, direction: 'gave', status: 'promised', on: '2026-03-05' });

  /** Applies the changes to the plain values, as the store does to the document. */
  function snoozed(kind: string) {
    const input = base({ contacts: [zoe], interactions: [due, farAhead], ledger: [promise], now: onDay(today) });
    const item = computeToday(input)
      .sections.flatMap((s) => s.items)
      .find((i) => i.kind === kind);
    if (!item) throw new Error(`no ${kind} item`);
    const changes = snoozeChanges(item, today, new Map([[zoe.id, zoe]]), input.interactions);
    const contacts = input.contacts.map((c) => ({ ...c, ...changes.contacts.find((x) => x.id === c.id) }));
    const interactions = input.interactions.map((i) => ({ ...i, ...changes.followUps.find((x) => x.id === i.id) }));
    const entries = (input.ledger ?? []).map((l) => ({ ...l, ...changes.promises.find((x) => x.id === l.id) }));
    return {
      changes,
      at: (day: string) => computeToday({ ...input, contacts, interactions, ledger: entries, now: onDay(day) }),
    };
  }

  test('a due follow-up: gone from every section until the date, then back as one item', () => {
    const { changes, at } = snoozed('follow-up');
    expect(changes.until).toBe('2026-03-08');
    expect(changes.followUps).toEqual([{ id: due.id, followUpOn: '2026-03-08' }]);
    expect(changes.contacts).toEqual([{ id: zoe.id, snoozedUntil: '2026-03-08' }]);
    expect(at('2026-03-06').isEmpty).toBe(true);
    expect(at('2026-03-07').isEmpty).toBe(true);
    const back = at('2026-03-08');
    expect(back.followUps.items.map((i) => [i.interactionId, i.overdueDays])).toEqual([[due.id, 0]]);
    expect(back.metRecently.items).toEqual([]);
  });

  test('a promise moves on its own; the person stays', () => {
    const { changes, at } = snoozed('promise');
    expect(changes.contacts).toEqual([]);
    expect(at(today).promises.items).toEqual([]);
    expect(at(today).followUps.items).toHaveLength(1);
    expect(at('2026-03-08').promises.items).toHaveLength(1);
  });

  test('follow-ups planned beyond the snooze keep their date', () => {
    const { changes } = snoozed('follow-up');
    expect(changes.followUps.map((f) => f.id)).not.toContain(farAhead.id);
  });

  test('from “Met recently”: the person and their planned follow-up wait for the same day', () => {
    const alone = person('alone', { name: 'Alone', metOn: '2026-03-04' });
    const capture = interaction('cap', { at: onDay('2026-03-04'), contactIds: [alone.id], followUpOn: '2026-03-06' });
    const input = base({ contacts: [alone], interactions: [capture], now: onDay(today) });
    const [item] = computeToday(input).metRecently.items;
    const changes = snoozeChanges(item!, today, new Map([[alone.id, alone]]), [capture]);
    expect(changes.contacts).toEqual([{ id: alone.id, snoozedUntil: '2026-03-08' }]);
    expect(changes.followUps).toEqual([{ id: capture.id, followUpOn: '2026-03-08' }]);
    const after = {
      ...input,
      contacts: [{ ...alone, snoozedUntil: '2026-03-08' }],
      interactions: [{ ...capture, followUpOn: '2026-03-08' }],
    };
    // Found when tried: back the next day under "Follow-ups due".
    expect(computeToday({ ...after, now: onDay('2026-03-06') }).isEmpty).toBe(true);
    expect(computeToday({ ...after, now: onDay('2026-03-08') }).followUps.items).toHaveLength(1);
  });
});
