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

type Column = [header: string, value: (c: ContactValues) => string];
const joined = (values: readonly string[]) => values.join('; ');

export const CONTACT_COLUMNS: Column[] = [
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
  ['Tags', (c) => joined(c.tags)],
  ['Met on', (c) => c.metOn ?? ''],
  ['Where we met', (c) => c.metPlace],
  ['Connected on LinkedIn', (c) => c.connectedOn ?? ''],
  ['What they do', (c) => c.whatTheyDo],
  ['Interests', (c) => c.interests],
  ['Needs', (c) => c.needs],
  ['Keep in touch every (days)', (c) => (c.cadenceDays === null ? '' : String(c.cadenceDays))],
  ['Notes', (c) => c.notes],
];

export function writeContactsCsv(contacts: Iterable<ContactValues>): string {
  const rows: string[][] = [CONTACT_COLUMNS.map(([h]) => h)];
  for (const c of contacts) rows.push(CONTACT_COLUMNS.map(([, value]) => value(c)));
  return toCsv(rows);
}
