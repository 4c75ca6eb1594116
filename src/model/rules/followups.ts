/** Follow-ups due or overdue, and people met recently and not yet followed up. */
import type { Interaction } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate, IsoDateTime } from '../fields.ts';
import type { ContactId } from '../ids.ts';
import { metInPersonOn } from './people-status.ts';
import { addDays, daysBetween, localDay } from './dates.ts';

/**
 * Logging an interaction with someone closes their follow-ups planned before it that are
 * overdue, due that day, or due within this many days after it. Those further ahead stay.
 */
const CLOSES_FOLLOW_UPS_WITHIN_DAYS = 14;

/** The part of an interaction that decides whether its follow-up is still to do. */
type FollowUpFields = Pick<Interaction, 'at' | 'followUpOn' | 'followUpDone' | 'followUpKeptOpenAt' | 'deletedAt'>;

const isOpenFollowUp = (i: FollowUpFields) => i.followUpOn !== null && !i.followUpDone && i.deletedAt === null;

/**
 * Whether being in touch at `contactAt` closes this open follow-up: it was planned before that
 * contact (and not kept open after it), and is due no later than two weeks after its day.
 */
export function contactClosesFollowUp(contactAt: IsoDateTime, i: FollowUpFields, timeZone: string): boolean {
  if (!isOpenFollowUp(i) || i.at === null) return false;
  const keptOpen = i.followUpKeptOpenAt;
  const plannedBy = keptOpen !== null && keptOpen > i.at ? keptOpen : i.at;
  return (
    contactAt > plannedBy &&
    (i.followUpOn as IsoDate) <= addDays(localDay(contactAt, timeZone), CLOSES_FOLLOW_UPS_WITHIN_DAYS)
  );
}

/**
 * A follow-up answered by a later interaction with someone in it is done, whichever device
 * logged that interaction and whether or not the log form marked it: the latest contact with
 * each person is all that needs checking, as it is the one most likely to close it.
 */
export function makeFollowUpAnswered(
  lastContact: ReadonlyMap<ContactId, IsoDateTime>,
  timeZone: string,
  resolve: (id: ContactId) => ContactId = (id) => id,
): (i: Interaction) => boolean {
  return (i) => {
    for (const raw of i.contactIds) {
      const last = lastContact.get(resolve(raw));
      if (last !== undefined && contactClosesFollowUp(last, i, timeZone)) return true;
    }
    return false;
  };
}

/**
 * The open follow-ups that logging an interaction at `at` with `contactIds` closes: the log
 * form lists them (each can be kept open) and marks them done. Earliest due first.
 */
export function followUpsClosedBy(
  logged: { at: IsoDateTime; contactIds: readonly ContactId[] },
  interactions: readonly Interaction[],
  timeZone: string,
  resolve: (id: ContactId) => ContactId = (id) => id,
): Interaction[] {
  const who = new Set(logged.contactIds.map(resolve));
  const out = interactions.filter(
    (i) => i.contactIds.some((id) => who.has(resolve(id))) && contactClosesFollowUp(logged.at, i, timeZone),
  );
  return out.sort((a, b) => ((a.followUpOn as IsoDate) < (b.followUpOn as IsoDate) ? -1 : 1));
}

export interface DueFollowUp {
  interaction: Interaction;
  /** The active people the follow-up is with (merged-away ids resolved). */
  contactIds: ContactId[];
  dueOn: IsoDate;
  /** 0 when due today. */
  overdueDays: number;
}

/**
 * Interactions whose follow-up date has come (on or before `today`) and is not
 * done, nor answered by a later interaction (`isAnswered`). Oldest first.
 * Follow-ups only with trashed people, or only with people snoozed, are left out.
 */
export function dueFollowUps(
  interactions: readonly Interaction[],
  people: ReadonlyMap<ContactId, Contact>,
  today: IsoDate,
  resolve: (id: ContactId) => ContactId = (id) => id,
  isAnswered: (i: Interaction) => boolean = () => false,
): DueFollowUp[] {
  const out: DueFollowUp[] = [];
  for (const i of interactions) {
    const due = i.followUpOn;
    if (due === null || due > today || !isOpenFollowUp(i)) continue;
    const contactIds = activeIds(i.contactIds, people, resolve);
    if (
      contactIds.length === 0 ||
      contactIds.every((id) => isSnoozed(people.get(id) as Contact, today)) ||
      isAnswered(i)
    )
      continue;
    out.push({ interaction: i, contactIds, dueOn: due, overdueDays: daysBetween(due, today) });
  }
  return out.sort(
    (a, b) => b.overdueDays - a.overdueDays || ((a.interaction.at ?? '') < (b.interaction.at ?? '') ? -1 : 1),
  );
}

function activeIds(
  ids: readonly ContactId[],
  people: ReadonlyMap<ContactId, Contact>,
  resolve: (id: ContactId) => ContactId,
): ContactId[] {
  const out: ContactId[] = [];
  for (const raw of ids) {
    const id = resolve(raw);
    if (people.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The earliest open follow-up still to come, per person: "a follow-up is planned for Thursday". */
export function plannedFollowUps(
  interactions: readonly Interaction[],
  today: IsoDate,
  resolve: (id: ContactId) => ContactId = (id) => id,
  isAnswered: (i: Interaction) => boolean = () => false,
): Map<ContactId, IsoDate> {
  const out = new Map<ContactId, IsoDate>();
  for (const i of interactions) {
    const due = i.followUpOn;
    if (due === null || due <= today || !isOpenFollowUp(i) || isAnswered(i)) continue;
    for (const raw of i.contactIds) {
      const id = resolve(raw);
      const seen = out.get(id);
      if (seen === undefined || due < seen) out.set(id, due);
    }
  }
  return out;
}

export const RECENT_MEETING_DAYS = 14;

/** A person snoozed on Today is left off its person reminders until `snoozedUntil` comes. */
export const isSnoozed = (contact: Pick<Contact, 'snoozedUntil'>, today: IsoDate) =>
  contact.snoozedUntil !== null && contact.snoozedUntil > today;

export interface RecentMeeting {
  contact: Contact;
  metOn: IsoDate;
  daysAgo: number;
}

/** How much contact there has been with someone since the day they were met. */
interface SinceMeeting {
  /** Interactions on or after the day met (the meeting's own one among them). */
  count: number;
  latestDay: IsoDate;
}

/**
 * Someone met is followed up once there is a second interaction since the meeting (the first is
 * the meeting itself, as Capture logs it), or one on a later day.
 */
export const isFollowedUp = (since: SinceMeeting | undefined, metOn: IsoDate) =>
  since !== undefined && (since.count >= 2 || since.latestDay > metOn);

/**
 * Interactions since the meeting, for the people met in the last `withinDays` days only (the
 * rest need no count). Interactions on a later day than today (planned ones) do not count;
 * Today's clock ticks by the minute, so one logged a moment ago must not look planned.
 */
export function contactSinceMeeting(
  interactions: readonly Interaction[],
  people: ReadonlyMap<ContactId, Contact>,
  today: IsoDate,
  timeZone: string,
  resolve: (id: ContactId) => ContactId = (id) => id,
  withinDays = RECENT_MEETING_DAYS,
): Map<ContactId, SinceMeeting> {
  const earliest = addDays(today, -withinDays);
  const metOnOf = new Map<ContactId, IsoDate>();
  for (const c of people.values()) {
    const metOn = metInPersonOn(c);
    if (metOn !== null && metOn >= earliest && metOn <= today) metOnOf.set(c.id, metOn);
  }
  const out = new Map<ContactId, SinceMeeting>();
  if (metOnOf.size === 0) return out;
  for (const i of interactions) {
    if (i.at === null || i.deletedAt !== null) continue;
    let day: IsoDate | null = null;
    for (const raw of i.contactIds) {
      const id = resolve(raw);
      const metOn = metOnOf.get(id);
      if (metOn === undefined) continue;
      day ??= localDay(i.at, timeZone);
      if (day < metOn || day > today) continue;
      const seen = out.get(id);
      if (seen === undefined) out.set(id, { count: 1, latestDay: day });
      else {
        seen.count++;
        if (day > seen.latestDay) seen.latestDay = day;
      }
    }
  }
  return out;
}

/**
 * People met in person in the last `withinDays` days (met today counts) and not
 * followed up since (isFollowedUp). A connection made online is not a meeting.
 * Most recent first.
 */
export function metRecentlyNotFollowedUp(
  people: ReadonlyMap<ContactId, Contact>,
  sinceMeeting: ReadonlyMap<ContactId, SinceMeeting>,
  today: IsoDate,
  withinDays = RECENT_MEETING_DAYS,
): RecentMeeting[] {
  const out: RecentMeeting[] = [];
  const earliest = addDays(today, -withinDays);
  for (const contact of people.values()) {
    const metOn = metInPersonOn(contact);
    // ISO days compare as strings: most people were met long ago and stop here.
    if (metOn === null || metOn < earliest || metOn > today || isSnoozed(contact, today)) continue;
    if (isFollowedUp(sinceMeeting.get(contact.id), metOn)) continue;
    out.push({ contact, metOn, daysAgo: daysBetween(metOn, today) });
  }
  return out.sort((a, b) => a.daysAgo - b.daysAgo || (a.contact.name < b.contact.name ? -1 : 1));
}
