/**
 * Reminders on this device: the settings, and the next times at which something will be due.
 *
 * The relay that wakes the phone is told only these instants. They are worked out here from
 * the same rules as Today: each open item has a first day on which Today shows it (its due
 * day, moved on by a snooze), and it stays until it is done — except a new acquaintance, whom
 * Today shows for RECENT_MEETING_DAYS only. A day is a wake day when it is one of the chosen
 * weekdays and some item of a chosen kind is on Today that day; the wake time is the chosen
 * time of day on the wall clock of the user's zone (so 9:00 stays 9:00 across DST).
 */
import type { Interaction, LedgerEntry } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { Action } from '../plan.ts';
import { isOpenAction } from './actions.ts';
import { nextCatchUpOn } from './cadence.ts';
import { addDays, dayNumber, instantMs, localDay, zoneOffsetMinutes, type Instant } from './dates.ts';
import { contactSinceMeeting, isFollowedUp, makeFollowUpAnswered, RECENT_MEETING_DAYS } from './followups.ts';
import { lastContactByPerson, lastContactDayByPerson } from './history.ts';
import { activePeople, makeIdResolver, metInPersonOn } from './people-status.ts';
import { PROMISE_DUE_AFTER_DAYS } from './today.ts';

export type ReminderKind = 'follow-ups' | 'promises' | 'keep-in-touch' | 'actions';
export const REMINDER_KINDS: readonly ReminderKind[] = ['follow-ups', 'promises', 'keep-in-touch', 'actions'];

export interface ReminderSettings {
  enabled: boolean;
  /** Wall-clock time in the user's zone, 'HH:MM' (24 h). */
  time: string;
  /** Weekdays to be reminded on: 0 = Sunday … 6 = Saturday. */
  days: number[];
  kinds: ReminderKind[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: false,
  time: '09:00',
  days: [0, 1, 2, 3, 4, 5, 6],
  kinds: [...REMINDER_KINDS],
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Settings read from storage, checked field by field; anything unreadable takes its default. */
export function readReminderSettings(raw: unknown): ReminderSettings {
  const d = DEFAULT_REMINDER_SETTINGS;
  if (typeof raw !== 'object' || raw === null) return { ...d, days: [...d.days], kinds: [...d.kinds] };
  const r = raw as Record<string, unknown>;
  const days = Array.isArray(r['days'])
    ? [...new Set(r['days'].filter((x): x is number => Number.isInteger(x) && x >= 0 && x <= 6))].sort()
    : [...d.days];
  const kinds = Array.isArray(r['kinds'])
    ? REMINDER_KINDS.filter((k) => (r['kinds'] as unknown[]).includes(k))
    : [...d.kinds];
  return {
    enabled: r['enabled'] === true,
    time: typeof r['time'] === 'string' && TIME.test(r['time']) ? r['time'] : d.time,
    days,
    kinds,
  };
}

const minutesOfDay = (time: string): number => {
  const m = TIME.exec(time);
  return m === null ? 9 * 60 : Number(m[1]) * 60 + Number(m[2]);
};

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `day`. In a DST gap (02:30
 * on the night clocks go forward) the time does not exist: the instant is as long after the
 * gap's start as the time is, i.e. 03:30. When the time happens twice (clocks going back), the
 * first.
 */
export function wallTimeToInstant(day: IsoDate, time: string, timeZone: string): number {
  const wall = dayNumber(day) * DAY_MS + minutesOfDay(time) * 60_000;
  const early = wall - zoneOffsetMinutes(wall - 14 * 3_600_000, timeZone) * 60_000;
  const late = wall - zoneOffsetMinutes(wall + 14 * 3_600_000, timeZone) * 60_000;
  const shows = (ms: number) => ms + zoneOffsetMinutes(ms, timeZone) * 60_000 === wall;
  const candidates = [Math.min(early, late), Math.max(early, late)].filter(shows);
  if (candidates.length > 0) return candidates[0] as number;
  // No instant shows it: a gap. The later offset applies after the transition.
  return Math.max(early, late);
}

/** The weekday of an ISO day, 0 = Sunday. */
const weekdayOf = (day: IsoDate) => (((dayNumber(day) + 4) % 7) + 7) % 7;

export interface ScheduleInput {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  actions: readonly Action[];
  ledger?: readonly LedgerEntry[];
  now: Instant;
  timeZone: string;
  settings: ReminderSettings;
}

/** A span of days (inclusive) during which an item is on Today; `until` null: until done. */
interface DueSpan {
  from: IsoDate;
  until: IsoDate | null;
}

/** The later of a due day and the day a snooze ends (a person snoozed until D shows again on D). */
const afterSnooze = (day: IsoDate, snoozedUntil: IsoDate | null) =>
  snoozedUntil !== null && snoozedUntil > day ? snoozedUntil : day;

/** For each chosen kind, the spans of days on which Today would show its items, if nothing changes. */
function dueSpans(input: Omit<ScheduleInput, 'settings'> & { kinds: readonly ReminderKind[] }): DueSpan[] {
  const { timeZone, kinds } = input;
  const nowMs = instantMs(input.now);
  const today = localDay(nowMs, timeZone);
  const people = activePeople(input.contacts);
  const resolve = makeIdResolver(input.contacts);
  const spans: DueSpan[] = [];
  const last = lastContactByPerson(input.interactions, { until: nowMs, resolve });

  if (kinds.includes('follow-ups')) {
    const answered = makeFollowUpAnswered(last, timeZone, resolve);
    for (const i of input.interactions) {
      if (i.followUpOn === null || i.followUpDone || i.deletedAt !== null || answered(i)) continue;
      // Shown once any of its people is no longer snoozed.
      let shownFrom: IsoDate | null = null;
      for (const raw of i.contactIds) {
        const p = people.get(resolve(raw));
        if (p === undefined) continue;
        const from = afterSnooze(i.followUpOn, p.snoozedUntil);
        if (shownFrom === null || from < shownFrom) shownFrom = from;
      }
      if (shownFrom !== null) spans.push({ from: shownFrom, until: null });
    }
    // New acquaintances not followed up: on Today for RECENT_MEETING_DAYS after the meeting.
    const since = contactSinceMeeting(input.interactions, people, today, timeZone, resolve);
    for (const c of people.values()) {
      const metOn = metInPersonOn(c);
      if (metOn === null || metOn > today || isFollowedUp(since.get(c.id), metOn)) continue;
      const until = addDays(metOn, RECENT_MEETING_DAYS);
      const from = afterSnooze(metOn, c.snoozedUntil);
      if (until >= today && from <= until) spans.push({ from, until });
    }
  }
  if (kinds.includes('promises')) {
    for (const e of input.ledger ?? []) {
      if (e.deletedAt !== null || e.status !== 'promised' || e.direction !== 'gave') continue;
      const p = people.get(e.contactId);
      if (p === undefined) continue;
      const dueOn = e.on ?? addDays(localDay(e.createdAt, timeZone), PROMISE_DUE_AFTER_DAYS);
      spans.push({ from: afterSnooze(dueOn, p.snoozedUntil), until: null });
    }
  }
  if (kinds.includes('keep-in-touch')) {
    const lastDay = lastContactDayByPerson(last, timeZone);
    for (const c of people.values()) {
      if (c.cadenceDays === null || c.seenRegularly) continue;
      const next = nextCatchUpOn(c, lastDay.get(c.id) ?? null, timeZone);
      if (next !== null) spans.push({ from: afterSnooze(next, c.snoozedUntil), until: null });
    }
  }
  if (kinds.includes('actions')) {
    for (const a of input.actions) if (a.dueOn !== null && isOpenAction(a)) spans.push({ from: a.dueOn, until: null });
  }
  return spans;
}

/** How far ahead wake times are looked for. */
const SCHEDULE_HORIZON_DAYS = 60;
/** How many wake times the device hands the relay at once (the relay accepts up to 32). */
const SCHEDULE_LENGTH = 14;

/**
 * The next instants (epoch ms, ascending, all after `now`) at which a reminder should arrive:
 * at most `count`, within SCHEDULE_HORIZON_DAYS. Empty when reminders are off, no day or kind
 * is chosen, or nothing will be due.
 */
export function nextWakeTimes(input: ScheduleInput, count = SCHEDULE_LENGTH): number[] {
  const { settings, timeZone } = input;
  if (!settings.enabled || settings.days.length === 0 || settings.kinds.length === 0) return [];
  const nowMs = instantMs(input.now);
  const today = localDay(nowMs, timeZone);
  const spans = dueSpans({ ...input, kinds: settings.kinds });
  let openFrom: IsoDate | null = null;
  const windows: DueSpan[] = [];
  for (const s of spans) {
    if (s.until !== null) windows.push(s);
    else if (openFrom === null || s.from < openFrom) openFrom = s.from;
  }
  const out: number[] = [];
  for (let i = 0; i <= SCHEDULE_HORIZON_DAYS && out.length < count; i++) {
    const day = addDays(today, i);
    if (!settings.days.includes(weekdayOf(day))) continue;
    const due =
      (openFrom !== null && openFrom <= day) || windows.some((w) => w.from <= day && (w.until as IsoDate) >= day);
    if (!due) continue;
    const at = wallTimeToInstant(day, settings.time, timeZone);
    if (at > nowMs) out.push(at);
  }
  return out;
}
