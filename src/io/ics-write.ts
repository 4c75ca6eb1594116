/**
 * A calendar (RFC 5545) of what is due: follow-ups not yet done and planned
 * actions with a due date, as all-day events. Only the person's name and the
 * action's title leave the app; notes stay private. UIDs derive from entity ids,
 * so re-importing the file updates events instead of duplicating them.
 */
import type { Action, Contact, Interaction } from '../model/index.ts';
import { joinLines } from './fold.ts';

const escapeIcsText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

const day = (iso: string) => iso.replace(/-/g, '');
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}
const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

export interface CalendarInput {
  interactions: readonly Interaction[];
  actions: readonly Action[];
  contacts: readonly Pick<Contact, 'id' | 'name' | 'deletedAt'>[];
}

export function writeIcs({ interactions, actions, contacts }: CalendarInput, now: Date = new Date()): string {
  const names = new Map(contacts.filter((c) => c.deletedAt === null).map((c) => [c.id as string, c.name]));
  const dtstamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Rapport',
  ];
  const event = (uid: string, on: string, summary: string) =>
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@rapport`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day(on)}`,
      `DTEND;VALUE=DATE:${nextDay(on)}`,
      `SUMMARY:${escapeIcsText(summary)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  for (const i of interactions) {
    if (i.deletedAt !== null || i.followUpDone || !i.followUpOn) continue;
    const who = i.contactIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined);
    event(`followup-${i.id}`, i.followUpOn, who.length ? `Follow up with ${who.join(', ')}` : 'Follow up');
  }
  for (const a of actions) {
    if (a.deletedAt !== null || !a.dueOn || (a.status !== 'planned' && a.status !== 'doing')) continue;
    const who = a.contactId ? names.get(a.contactId) : undefined;
    event(`action-${a.id}`, a.dueOn, who ? `${a.title} — ${who}` : a.title);
  }
  lines.push('END:VCALENDAR');
  return joinLines(lines);
}
