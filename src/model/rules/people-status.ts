/** Which people the rules see: the Trash and merged-away duplicates are never shown. */
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { ContactId } from '../ids.ts';

export function isActivePerson(c: Pick<Contact, 'deletedAt' | 'mergedIntoId'>): boolean {
  return c.deletedAt === null && c.mergedIntoId === null;
}

/**
 * The day someone was met in person, or null for a connection made online. Before
 * `connectedOn` existed, the LinkedIn import wrote its connection date as "met on" with
 * "LinkedIn" as the place: those are connections too.
 */
export function metInPersonOn(c: Pick<Contact, 'metOn' | 'metPlace' | 'metEventId'>): IsoDate | null {
  if (c.metOn === null || (c.metPlace === LINKEDIN_PLACE && c.metEventId === null)) return null;
  return c.metOn;
}
const LINKEDIN_PLACE = 'LinkedIn';

/** The day a connection was made online (imported from LinkedIn), when that is all there is. */
export function connectedOnlineOn(
  c: Pick<Contact, 'connectedOn' | 'metOn' | 'metPlace' | 'metEventId'>,
): IsoDate | null {
  return c.connectedOn ?? (c.metOn !== null && metInPersonOn(c) === null ? c.metOn : null);
}

export function activePeople(contacts: readonly Contact[]): Map<ContactId, Contact> {
  const out = new Map<ContactId, Contact>();
  for (const c of contacts) if (isActivePerson(c)) out.set(c.id, c);
  return out;
}

/**
 * Follows `mergedIntoId` links, so an interaction logged for a person on another
 * device while the two were being merged still counts for the person kept.
 * Returns the id unchanged when it was never merged; chains and cycles are safe.
 */
export function makeIdResolver(contacts: readonly Contact[]): (id: ContactId) => ContactId {
  const next = new Map<ContactId, ContactId>();
  for (const c of contacts) if (c.mergedIntoId !== null && c.mergedIntoId !== c.id) next.set(c.id, c.mergedIntoId);
  if (next.size === 0) return (id) => id;
  return (id) => {
    let current = id;
    for (let hops = 0; hops < 32; hops++) {
      const n = next.get(current);
      if (n === undefined) return current;
      current = n;
    }
    return id;
  };
}
