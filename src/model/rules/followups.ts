/** Follow-ups due or overdue, and people met recently and not yet followed up. */
import type { Interaction } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { ContactId } from '../ids.ts';
import type { DayLookup } from './history.ts';
import { addDays, daysBetween } from './dates.ts';

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
 * done. Snoozing only moves `followUpOn`, so a snoozed follow-up simply is not
 * due yet. Oldest first. Follow-ups only with trashed people are left out.
 */
export function dueFollowUps(
  interactions: readonly Interaction[],
  people: ReadonlyMap<ContactId, Contact>,
  today: IsoDate,
  resolve: (id: ContactId) => ContactId = (id) => id,
): DueFollowUp[] {
  const out: DueFollowUp[] = [];
  for (const i of interactions) {
    const due = i.followUpOn;
    if (due === null || i.followUpDone || i.deletedAt !== null || due > today) continue;
    const contactIds = activeIds(i.contactIds, people, resolve);
    if (contactIds.length === 0) continue;
    out.push({ interaction: i, contactIds, dueOn: due, overdueDays: daysBetween(due, today) });
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || ((a.interaction.at ?? '') < (b.interaction.at ?? '') ? -1 : 1));
}

function activeIds(ids: readonly ContactId[], people: ReadonlyMap<ContactId, Contact>, resolve: (id: ContactId) => ContactId): ContactId[] {
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
): Map<ContactId, IsoDate> {
  const out = new Map<ContactId, IsoDate>();
  for (const i of interactions) {
    const due = i.followUpOn;
    if (due === null || i.followUpDone || i.deletedAt !== null || due <= today) continue;
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
export const isSnoozed = (contact: Pick<Contact, 'snoozedUntil'>, today: IsoDate) => contact.snoozedUntil !== null && contact.snoozedUntil > today;

export interface RecentMeeting {
  contact: Contact;
  metOn: IsoDate;
  daysAgo: number;
}

/**
 * People met in the last `withinDays` days (met today counts) with no
 * interaction on a later day than the meeting: an interaction on the day itself
 * is the meeting, not a follow-up. Most recent first.
 */
export function metRecentlyNotFollowedUp(
  people: ReadonlyMap<ContactId, Contact>,
  lastContactDay: DayLookup,
  today: IsoDate,
  withinDays = RECENT_MEETING_DAYS,
): RecentMeeting[] {
  const out: RecentMeeting[] = [];
  const earliest = addDays(today, -withinDays);
  for (const contact of people.values()) {
    const metOn = contact.metOn;
    // ISO days compare as strings: most people were met long ago and stop here.
    if (metOn === null || metOn < earliest || metOn > today || isSnoozed(contact, today)) continue;
    const daysAgo = daysBetween(metOn, today);
    if (daysAgo > withinDays) continue;
    const last = lastContactDay.get(contact.id);
    if (last !== undefined && last > metOn) continue;
    out.push({ contact, metOn, daysAgo });
  }
  return out.sort((a, b) => a.daysAgo - b.daysAgo || (a.contact.name < b.contact.name ? -1 : 1));
}
