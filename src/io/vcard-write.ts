/**
 * vCard 4.0 (RFC 6350) export: every contact field vCard has a standard
 * property for, plus NOTE. Our own import reads it back field for field; the
 * fields vCard has no property for (how we met, what they do, …) travel in the
 * JSON backup, not here.
 */
import type { ContactValues } from './types.ts';
import { joinLines } from './fold.ts';

/** The contact fields a vCard export carries and an import gives back. */
export const VCARD_FIELDS = [
  'name',
  'role',
  'organisation',
  'department',
  'emails',
  'phones',
  'linkedin',
  'website',
  'location',
  'birthday',
  'tags',
  'notes',
] as const;
export type VCardFields = Pick<ContactValues, (typeof VCARD_FIELDS)[number]>;

export type VCardPerson = Partial<VCardFields> & { name: string; id?: string; updatedAt?: string };

/** Escapes a text value (RFC 6350 3.4): backslash, comma and line breaks. */
const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
/** A component of a compound value (N, ORG, ADR) also escapes the semicolon that separates components. */
const escapeComponent = (value: string) => escapeText(value).replace(/;/g, '\\;');

/** A single-line value never keeps control characters (they would break the line structure). */
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
const text = (value: string) => escapeText(clean(value));
const component = (value: string) => escapeComponent(clean(value));

/** YYYY-MM-DD → YYYYMMDD; --MM-DD → --MMDD (RFC 6350 date without year). */
function vcardDate(birthday: string): string {
  return birthday.startsWith('--') ? `--${birthday.slice(2).replace('-', '')}` : birthday.replace(/-/g, '');
}

/** A plausible N from a full name: the last word as family name. FN stays the one that counts. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? (words.pop() as string) : '';
  return `${component(family)};${component(words.join(' '))};;;`;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

function vcardLines(person: VCardPerson): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${text(person.name)}`, `N:${structuredName(person.name)}`];
  if (person.id) lines.push(`UID:urn:rapport:${text(person.id)}`);
  if (person.organisation || person.department)
    lines.push(
      `ORG:${component(person.organisation ?? '')}${person.department ? `;${component(person.department)}` : ''}`,
    );
  if (person.role) lines.push(`TITLE:${text(person.role)}`);
  for (const email of person.emails ?? []) lines.push(`EMAIL:${text(email)}`);
  for (const phone of person.phones ?? []) lines.push(`TEL;VALUE=text:${text(phone)}`);
  if (person.linkedin) lines.push(`URL;TYPE=linkedin:${clean(person.linkedin)}`);
  if (person.website) lines.push(`URL:${clean(person.website)}`);
  if (person.location) lines.push(`ADR:;;;${component(person.location)};;;`);
  if (person.birthday) lines.push(`BDAY:${vcardDate(person.birthday)}`);
  if (person.tags?.length) lines.push(`CATEGORIES:${person.tags.map(text).join(',')}`);
  if (person.notes) lines.push(`NOTE:${escapeText(person.notes)}`);
  if (person.updatedAt) lines.push(`REV:${stamp(person.updatedAt)}`);
  lines.push('PRODID:-//Rapport//Rapport//EN', 'END:VCARD');
  return lines;
}

export const writeVCard = (person: VCardPerson) => joinLines(vcardLines(person));

export function writeVCards(people: Iterable<VCardPerson>): string {
  const parts: string[] = [];
  for (const person of people) parts.push(writeVCard(person));
  return parts.join('');
}
