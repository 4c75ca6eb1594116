/** The one line shown under a person's name: in People, on Today and in their page's header. */
import type { Contact } from '../contact.ts';

type SubtitleFields = Pick<Contact, 'role' | 'organisation' | 'metLine' | 'metPlace' | 'metEventId' | 'notes'>;

/** What they do, "Role · Organisation"; empty when neither is known. */
export const workLine = (c: Pick<Contact, 'role' | 'organisation'>) =>
  c.role && c.organisation ? `${c.role} · ${c.organisation}` : c.role || c.organisation;

/**
 * What they do; until that is known, the line written when they were met (the most useful
 * thing to see when following up); else where they were met.
 */
export function personSubtitle(c: SubtitleFields): string {
  const work = workLine(c);
  if (work) return work;
  if (c.metLine) return c.metLine;
  // Captured before metLine existed: Capture wrote the line as the person's notes.
  if (c.metEventId !== null && c.notes && !c.notes.includes('\n')) return c.notes;
  return c.metPlace ? `Met at ${c.metPlace}` : '';
}
