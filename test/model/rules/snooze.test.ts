import { describe, expect, test } from 'vitest';
import { computeToday } from '../../../src/model/rules/index.ts';
import { person } from './build.ts';

const NOW = '2026-03-05T09:00:00Z';
const LONDON = 'Europe/London';

describe('snoozing a person on Today', () => {
  const lapsed = person('lapsed', { name: 'Lapsed Lee', cadenceDays: 30, metOn: '2026-01-01' });
  const metRecently = person('recent', { name: 'Recent Rae', metOn: '2026-03-03' });
  const kinds = (contacts = [lapsed, metRecently]) =>
    computeToday({ contacts, interactions: [], actions: [], now: NOW, timeZone: LONDON })
      .sections.flatMap((s) => s.items.map((i) => `${s.key}:${i.contactIds.join()}`))
      .sort();

  test('without a snooze both reminders show', () => {
    expect(kinds()).toEqual([`keep-in-touch:${lapsed.id}`, `met-recently:${metRecently.id}`].sort());
  });

  test('a snooze to a later day hides the keep-in-touch and the new-acquaintance reminder', () => {
    expect(
      kinds([
        { ...lapsed, snoozedUntil: '2026-03-06' },
        { ...metRecently, snoozedUntil: '2026-03-08' },
      ]),
    ).toEqual([]);
  });

  test('the reminders come back on the day the snooze ends', () => {
    expect(
      kinds([
        { ...lapsed, snoozedUntil: '2026-03-05' },
        { ...metRecently, snoozedUntil: '2026-03-05' },
      ]),
    ).toEqual([`keep-in-touch:${lapsed.id}`, `met-recently:${metRecently.id}`].sort());
  });
});
