/**
 * Calendar days in the user's own time zone. Instants (interaction times) become
 * local days through Intl with an explicit IANA zone, never the machine's zone, so
 * that "today" and "3 days ago" agree with the person's wall clock on any device.
 *
 * Day arithmetic works on day numbers (days since 1970-01-01), which have no time
 * zone and no DST: an IsoDate is a calendar day, not an instant.
 */
import type { IsoDate } from '../fields.ts';

const DAY_MS = 86_400_000;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' string (the caller guarantees the
 * shape). Read digit by digit: this runs for every date in every rule.
 */
export function dayNumber(isoDate: IsoDate): number {
  const y = digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
  const m = digit(isoDate, 5) * 10 + digit(isoDate, 6);
  const d = digit(isoDate, 8) * 10 + digit(isoDate, 9);
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Few distinct days occur in a network, and each is spelled many times: remember them. */
const isoCache = new Map<number, IsoDate>();

function isoFromDayNumber(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    const date = new Date(day * DAY_MS);
    const y = date.getUTCFullYear();
    const year = y >= 0 && y < 10_000 ? String(y).padStart(4, '0') : String(y);
    iso = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

export function addDays(isoDate: IsoDate, n: number): IsoDate {
  return isoFromDayNumber(dayNumber(isoDate) + n);
}

/** Whole days from `a` to `b`: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

// ---- instants to local days ------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get the wall clock in `timeZone` at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  let year = get('year');
  if (era === 'BC' || era === 'B') year = 1 - year;
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((wall - whole) / 60_000);
}

/**
 * Offsets are cached per UTC day: when the offset at the day's start equals the
 * offset at its end, no transition happens in between (zones change at most
 * twice a year, never twice in a day), so every instant that day shares it.
 * This turns ~50,000 Intl calls into a few hundred.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 50_000;

let lastZone = '';
let lastZoneCache = new Map<number, number | null>();

function offsetAt(ms: number, timeZone: string): number {
  let cache = timeZone === lastZone ? lastZoneCache : dayOffsets.get(timeZone);
  if (!cache) {
    cache = new Map();
    dayOffsets.set(timeZone, cache);
  }
  lastZone = timeZone;
  lastZoneCache = cache;
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = cache.get(utcDay);
  if (offset === undefined) {
    const start = zoneOffsetMinutes(utcDay * DAY_MS, timeZone);
    const end = zoneOffsetMinutes((utcDay + 1) * DAY_MS - 1000, timeZone);
    offset = start === end ? start : null;
    if (cache.size > MAX_CACHED_DAYS) cache.clear();
    cache.set(utcDay, offset);
  }
  return offset ?? zoneOffsetMinutes(ms, timeZone);
}

export type Instant = Date | string | number;

/** Epoch milliseconds; stored instants ('YYYY-MM-DDTHH:MM:SS.sssZ') are read digit by digit. */
export function instantMs(instant: Instant): number {
  if (typeof instant === 'number') return instant;
  if (typeof instant !== 'string') return instant.getTime();
  if (instant.length === 24 && instant.charCodeAt(23) === 90 /* Z */ && instant.charCodeAt(10) === 84 /* T */) {
    const day = dayNumber(instant);
    const h = digit(instant, 11) * 10 + digit(instant, 12);
    const mi = digit(instant, 14) * 10 + digit(instant, 15);
    const sec = digit(instant, 17) * 10 + digit(instant, 18);
    const milli = digit(instant, 20) * 100 + digit(instant, 21) * 10 + digit(instant, 22);
    return day * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + milli;
  }
  return Date.parse(instant);
}

/** The local day number of an instant in `timeZone`. */
function localDayNumber(instant: Instant, timeZone: string): number {
  const ms = instantMs(instant);
  return Math.floor((ms + offsetAt(ms, timeZone) * 60_000) / DAY_MS);
}

/** The calendar day ('YYYY-MM-DD') that the wall clock in `timeZone` shows at `instant`. */
export function localDay(instant: Instant, timeZone: string): IsoDate {
  return isoFromDayNumber(localDayNumber(instant, timeZone));
}

// ---- words -----------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(isoDate: IsoDate): string {
  // 1970-01-01 was a Thursday (index 4).
  return WEEKDAYS[(((dayNumber(isoDate) + 4) % 7) + 7) % 7] ?? '';
}

function count(n: number, unit: string): string {
  return n === 1 ? `a ${unit}` : `${n} ${unit}s`;
}

/** How far `days` reaches, in the largest unit that reads naturally: "3 weeks", "a month". */
function spanWords(days: number): string {
  const d = Math.abs(days);
  if (d < 14) return d === 1 ? 'a day' : `${d} days`;
  if (d < 60) return count(Math.floor(d / 7), 'week');
  if (d < 365) return count(Math.floor(d / 30), 'month');
  return count(Math.floor(d / 365), 'year');
}

/**
 * A day as a person says it, relative to `today`: "today", "yesterday",
 * "tomorrow", "Tuesday" (within the coming week), "3 days ago", "in 2 weeks",
 * "3 weeks ago", "a year ago".
 */
export function relativeDay(isoDate: IsoDate, today: IsoDate): string {
  // Today's page says the same few hundred days thousands of times.
  if (today !== relativeToday) {
    relativeToday = today;
    relativeCache.clear();
  }
  let words = relativeCache.get(isoDate);
  if (words === undefined) {
    words = relativeWords(isoDate, today);
    relativeCache.set(isoDate, words);
  }
  return words;
}

let relativeToday = '';
const relativeCache = new Map<IsoDate, string>();

function relativeWords(isoDate: IsoDate, today: IsoDate): string {
  const diff = daysBetween(today, isoDate);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  if (diff > 1 && diff < 7) return weekdayName(isoDate);
  return diff > 0 ? `in ${spanWords(diff)}` : `${spanWords(diff)} ago`;
}

/** The exact date for a hover or long-press, e.g. "Tuesday 3 March 2026". */
export function exactDay(isoDate: IsoDate, locale = 'en-GB'): string {
  // A page shows the same few days many times, and formatting one costs about a millisecond on a phone.
  const key = `${locale} ${isoDate}`;
  let said = exactSaid.get(key);
  if (said === undefined) {
    if (exactSaid.size > 5000) exactSaid.clear();
    said = formatExactDay(isoDate, locale);
    exactSaid.set(key, said);
  }
  return said;
}

const exactSaid = new Map<string, string>();

function formatExactDay(isoDate: IsoDate, locale: string): string {
  // Making a formatter costs far more than formatting (a few ms each on a phone): one per locale.
  let f = exactFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    exactFormatters.set(locale, f);
  }
  return f.format(new Date(dayNumber(isoDate) * DAY_MS));
}

const exactFormatters = new Map<string, Intl.DateTimeFormat>();

/** A snoozed follow-up is only a follow-up with a later date. */
export function snoozeTo(today: IsoDate, days: number): IsoDate {
  return addDays(today, Math.max(1, Math.round(days)));
}
