/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents),
 * RFC 4180 quoting, CRLF, and every cell that a spreadsheet would take for a
 * formula (= + - @ tab CR at the start) neutralised with a leading apostrophe.
 */
import type { ContactValues } from './types.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** What a row is written from: the person, and the names of their communities. */
type Row = { contact: ContactValues; communities: readonly string[] };
type Column = [header: string, value: (c: ContactValues, row: Row) => string];
const joined = (values: readonly string[]) => values.join('; ');
/** Names joined the same way, a ";" or "\\" inside a name escaped with "\\" (as vCard does), so "Alumni; Class of 2012" stays one name. */
const joinedNames = (names: readonly string[]) => names.map((n) => n.replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');

const CONTACT_COLUMNS: Column[] = [
  ['Name', (c) => c.name],
  ['Role', (c) => c.role],
  ['Organisation', (c) => c.organisation],
  ['Department', (c) => c.department],
  ['Emails', (c) => joined(c.emails)],
  ['Phones', (c) => joined(c.phones)],
  ['LinkedIn', (c) => c.linkedin],
  ['Website', (c) => c.website],
  ['Location', (c) => c.location],
  ['Birthday', (c) => c.birthday ?? ''],
  ['Tags', (c) => joinedNames(c.tags)],
  ['Communities', (_, row) => joinedNames(row.communities)],
  ['Met on', (c) => c.metOn ?? ''],
  ['Where we met', (c) => c.metPlace],
  ['Noted when we met', (c) => c.metLine],
  ['Connected on LinkedIn', (c) => c.connectedOn ?? ''],
  ['What they do', (c) => c.whatTheyDo],
  ['Interests', (c) => c.interests],
  ['Needs', (c) => c.needs],
  ['Keep in touch every (days)', (c) => (c.cadenceDays === null ? '' : String(c.cadenceDays))],
  ['I see them regularly', (c) => (c.seenRegularly ? 'yes' : '')],
  ['Power (0–100)', (c) => (c.power === null ? '' : String(c.power))],
  ['Interest (0–100)', (c) => (c.interest === null ? '' : String(c.interest))],
  ['Notes', (c) => c.notes],
];

/**
 * Rapport's own CSV, which Rapport also imports back (`csv-rapport.ts`).
 * `communityName` names a community by its id; communities it does not know (gone) are left out.
 */
export function writeContactsCsv(
  contacts: Iterable<ContactValues>,
  communityName: (id: string) => string | undefined = () => undefined,
): string {
  const rows: string[][] = [CONTACT_COLUMNS.map(([h]) => h)];
  for (const contact of contacts) {
    const row: Row = { contact, communities: contact.communityIds.flatMap((id) => communityName(id) ?? []) };
    rows.push(CONTACT_COLUMNS.map(([, value]) => value(contact, row)));
  }
  return toCsv(rows);
}
