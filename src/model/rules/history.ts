/** When the user was last in touch with each person, from the interactions logged. */
import type { Interaction } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate, IsoDateTime } from '../fields.ts';
import type { ContactId } from '../ids.ts';
import { instantMs, localDay, type Instant } from './dates.ts';
import { metInPersonOn } from './people-status.ts';

interface LastContactOptions {
  /** Interactions after this instant (planned meetings) do not count. */
  until?: Instant;
  /** Maps a merged-away person's id to the person kept (see makeIdResolver). */
  resolve?: (id: ContactId) => ContactId;
}

/** The latest interaction instant per person; trashed interactions do not count. */
export function lastContactByPerson(
  interactions: readonly Interaction[],
  opts: LastContactOptions = {},
): Map<ContactId, IsoDateTime> {
  const until = opts.until === undefined ? null : new Date(instantMs(opts.until)).toISOString();
  const resolve = opts.resolve;
  const last = new Map<ContactId, IsoDateTime>();
  for (let n = 0; n < interactions.length; n++) {
    const i = interactions[n] as Interaction;
    const at = i.at;
    if (at === null || i.deletedAt !== null || (until !== null && at > until)) continue;
    const ids = i.contactIds;
    for (let k = 0; k < ids.length; k++) {
      const raw = ids[k] as ContactId;
      const id = resolve ? resolve(raw) : raw;
      const seen = last.get(id);
      if (seen === undefined || at > seen) last.set(id, at);
    }
  }
  return last;
}

/** Looks up a person's last day in touch; a Map of days is one. */
export interface DayLookup {
  get(id: ContactId): IsoDate | undefined;
}

/**
 * The same, as local calendar days in `timeZone`, worked out when asked for:
 * most rules need only a few people's days, and one conversion (a cached
 * offset and a cached day string) costs less than remembering it.
 */
export function lastContactDayByPerson(last: ReadonlyMap<ContactId, IsoDateTime>, timeZone: string): DayLookup {
  return {
    get(id) {
      const at = last.get(id);
      return at === undefined ? undefined : localDay(at, timeZone);
    },
  };
}

/**
 * The last day in touch with each person, where meeting them counts as a contact: someone met
 * in 2023 and never logged since was last in touch in 2023, not "never". Freshness, rhythms and
 * gaps read this; "met recently, not followed up" reads interactions alone (the meeting is not
 * its own follow-up).
 */
export function lastTouchDayByPerson(lastContactDay: DayLookup, people: ReadonlyMap<ContactId, Contact>): DayLookup {
  return {
    get(id) {
      const day = lastContactDay.get(id);
      const person = people.get(id);
      const metOn = person === undefined ? null : metInPersonOn(person);
      if (metOn === null) return day;
      return day === undefined || metOn > day ? metOn : day;
    },
  };
}
