/**
 * Keep-in-touch rhythm. A person with a cadence of 30 days is due once 30 days
 * have passed since the last interaction: the reminder appears on the day the
 * rhythm comes round, not the day after. It counts from the last contact, where
 * meeting someone is a contact (lastTouchDayByPerson), else from the day they were
 * added. People the user sees regularly keep their rhythm but are never nudged.
 */
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { ContactId } from '../ids.ts';
import type { DayLookup } from './history.ts';
import { addDays, daysBetween, localDay } from './dates.ts';
import { isSnoozed } from './followups.ts';
import { metInPersonOn } from './people-status.ts';

export interface LapsedCadence {
  contact: Contact;
  cadenceDays: number;
  /** The last interaction's local day; null when there has been none. */
  lastContactOn: IsoDate | null;
  /** The day the rhythm counts from: the later of last contact and metOn, else the day added. */
  countedFrom: IsoDate;
  daysSince: number;
  /** Days past the due day; 0 on the day itself. */
  overdueDays: number;
}

function cadenceStart(contact: Contact, lastContactOn: IsoDate | null | undefined, timeZone: string): IsoDate {
  const met = metInPersonOn(contact);
  if (lastContactOn == null) return met ?? localDay(contact.createdAt, timeZone);
  return met !== null && met > lastContactOn ? met : lastContactOn;
}

/** The day the next catch-up is due, or null without a cadence. */
export function nextCatchUpOn(
  contact: Contact,
  lastContactOn: IsoDate | null | undefined,
  timeZone: string,
): IsoDate | null {
  return contact.cadenceDays === null
    ? null
    : addDays(cadenceStart(contact, lastContactOn, timeZone), contact.cadenceDays);
}

/** People whose rhythm has come round; the most overdue first. */
export function lapsedCadences(
  people: ReadonlyMap<ContactId, Contact>,
  lastContactDay: DayLookup,
  today: IsoDate,
  timeZone: string,
): LapsedCadence[] {
  const out: LapsedCadence[] = [];
  for (const contact of people.values()) {
    const cadenceDays = contact.cadenceDays;
    if (cadenceDays === null || contact.seenRegularly || isSnoozed(contact, today)) continue;
    const lastContactOn = lastContactDay.get(contact.id) ?? null;
    const countedFrom = cadenceStart(contact, lastContactOn, timeZone);
    const daysSince = daysBetween(countedFrom, today);
    if (daysSince < cadenceDays) continue;
    out.push({ contact, cadenceDays, lastContactOn, countedFrom, daysSince, overdueDays: daysSince - cadenceDays });
  }
  // Ties keep the order people were given in (the sort is stable).
  return out.sort((a, b) => b.overdueDays - a.overdueDays);
}
