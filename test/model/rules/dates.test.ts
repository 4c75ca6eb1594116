import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  daysBetween,
  exactDay,
  localDay,
  relativeDay,
  snoozeTo,
  weekdayName,
} from '../../../src/model/rules/index.ts';

/** The truth to check the cached conversion against: Intl asked directly. */
const reference = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(ms),
  );

describe('localDay', () => {
  test.each([
    // London: GMT in winter, BST from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC
    ['2026-01-15T23:30:00Z', 'Europe/London', '2026-01-15'],
    ['2026-03-29T00:59:00Z', 'Europe/London', '2026-03-29'],
    ['2026-03-28T23:59:59Z', 'Europe/London', '2026-03-28'],
    ['2026-03-29T23:30:00Z', 'Europe/London', '2026-03-30'],
    ['2026-10-24T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'],
    // Los Angeles: PST −8, PDT −7 from 2026-03-08 10:00 UTC
    ['2026-03-08T07:59:00Z', 'America/Los_Angeles', '2026-03-07'],
    ['2026-03-08T08:00:00Z', 'America/Los_Angeles', '2026-03-08'],
    ['2026-03-09T06:59:00Z', 'America/Los_Angeles', '2026-03-08'],
    ['2026-03-09T07:00:00Z', 'America/Los_Angeles', '2026-03-09'],
    // Auckland: NZDT +13 until 2026-04-04 14:00 UTC, then NZST +12
    ['2026-01-01T10:59:00Z', 'Pacific/Auckland', '2026-01-01'],
    ['2026-01-01T11:00:00Z', 'Pacific/Auckland', '2026-01-02'],
    ['2026-04-04T10:59:00Z', 'Pacific/Auckland', '2026-04-04'],
    ['2026-04-04T11:00:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-04T13:59:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-04T14:00:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-05T11:59:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['2026-04-05T12:00:00Z', 'Pacific/Auckland', '2026-04-06'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDay(instant, zone)).toBe(day);
  });

  test('one instant is a different day in different zones', () => {
    const at = '2026-06-01T23:30:00Z';
    expect(localDay(at, 'UTC')).toBe('2026-06-01');
    expect(localDay(at, 'Europe/London')).toBe('2026-06-02');
    expect(localDay(at, 'Pacific/Auckland')).toBe('2026-06-02');
    expect(localDay(at, 'America/Los_Angeles')).toBe('2026-06-01');
  });

  test('accepts a Date, an ISO string and epoch milliseconds alike', () => {
    const ms = Date.parse('2026-03-29T23:30:00Z');
    expect(localDay(new Date(ms), 'Europe/London')).toBe('2026-03-30');
    expect(localDay(ms, 'Europe/London')).toBe('2026-03-30');
  });

  const zones = [
    'Europe/London',
    'America/Los_Angeles',
    'Pacific/Auckland',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Asia/Kolkata',
    'America/Santiago',
  ];
  propTest.prop(
    [fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2045-01-01') }), fc.constantFrom(...zones)],
    { numRuns: 2000 },
  )('agrees with Intl at any instant, DST transitions included', (ms, zone) => {
    expect(localDay(ms, zone)).toBe(reference(ms, zone));
  });

  test('agrees with Intl minute by minute across each 2026 transition', () => {
    const transitions: [string, string][] = [
      ['2026-03-29T01:00:00Z', 'Europe/London'],
      ['2026-10-25T01:00:00Z', 'Europe/London'],
      ['2026-03-08T10:00:00Z', 'America/Los_Angeles'],
      ['2026-11-01T09:00:00Z', 'America/Los_Angeles'],
      ['2026-04-04T14:00:00Z', 'Pacific/Auckland'],
      ['2026-09-26T14:00:00Z', 'Pacific/Auckland'],
    ];
    for (const [at, zone] of transitions) {
      const t = Date.parse(at);
      for (let m = -26 * 60; m <= 26 * 60; m += 7)
        expect(localDay(t + m * 60_000, zone)).toBe(reference(t + m * 60_000, zone));
    }
  });
});

describe('day arithmetic', () => {
  test('addDays crosses months, years and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  test('daysBetween counts calendar days, unaffected by DST', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  propTest.prop([
    fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
    fc.integer({ min: -5000, max: 5000 }),
  ])('addDays and daysBetween agree', (d, n) => {
    const day = d.toISOString().slice(0, 10);
    expect(daysBetween(day, addDays(day, n))).toBe(n);
  });

  test('weekday names', () => {
    expect(weekdayName('2026-03-05')).toBe('Thursday');
    expect(weekdayName('1970-01-01')).toBe('Thursday');
    expect(weekdayName('1969-12-29')).toBe('Monday');
  });
});

describe('relativeDay', () => {
  const today = '2026-03-05'; // a Thursday
  test.each([
    ['2026-03-05', 'today'],
    ['2026-03-06', 'tomorrow'],
    ['2026-03-04', 'yesterday'],
    ['2026-03-10', 'Tuesday'],
    ['2026-03-11', 'Wednesday'],
    ['2026-03-12', 'in 7 days'],
    ['2026-03-26', 'in 3 weeks'],
    ['2026-03-02', '3 days ago'],
    ['2026-02-20', '13 days ago'],
    ['2026-02-19', '2 weeks ago'],
    ['2026-02-12', '3 weeks ago'],
    ['2026-01-19', '6 weeks ago'],
    ['2026-01-04', '2 months ago'],
    ['2025-03-05', 'a year ago'],
    ['2023-03-05', '3 years ago'],
  ])('%s reads as “%s”', (day, words) => {
    expect(relativeDay(day, today)).toBe(words);
  });

  test('the exact date for a hover', () => {
    expect(exactDay('2026-03-03')).toMatch(/Tuesday,? 3 March 2026/);
  });
});

test('snoozeTo moves a follow-up forward by whole days, at least one', () => {
  expect(snoozeTo('2026-03-05', 2)).toBe('2026-03-07');
  expect(snoozeTo('2026-12-30', 7)).toBe('2027-01-06');
  expect(snoozeTo('2026-03-05', 0)).toBe('2026-03-06');
});
