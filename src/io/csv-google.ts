/**
 * Google Contacts CSV, in the current column set (First Name, Organization Name,
 * Labels, …) and the legacy one (Name, Given Name, Group Membership,
 * Organization 1 - Name, …). Multi-values are joined with ` ::: `.
 */
import { parseEmail, parsePhone } from '../model/index.ts';
import { stripBom } from './decode.ts';
import { classifyLink } from './links.ts';
import { cleanTags, splitMulti } from './tags.ts';
import { emptyReport, type ParseReport, type ProgressFn } from './types.ts';
import { findHeaderLine, headerCells, readCsv, type CsvRow } from './csv-read.ts';
import { validateContact, type RawContact } from './validate.ts';
import { parseVCardDate } from './vcard-values.ts';

export function isGoogleHeader(line: string): boolean {
  const cells = new Set(headerCells(line));
  const current = cells.has('First Name') && (cells.has('Labels') || cells.has('Organization Name') || cells.has('E-mail 1 - Value'));
  const legacy = cells.has('Given Name') && (cells.has('Group Membership') || cells.has('E-mail 1 - Value'));
  return current || legacy;
}

/** Every cell of the numbered columns `<kind> N - <part>`, in column order, multi-values split. */
function numbered(row: CsvRow, kind: string, part: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const pattern = new RegExp(`^${kind} (\\d+) - ${part}$`);
  for (const column of row.columns) {
    const m = pattern.exec(column);
    if (!m) continue;
    const label = row.get(`${kind} ${m[1]} - Label`) || row.get(`${kind} ${m[1]} - Type`);
    for (const value of splitMulti(row.get(column))) out.push({ value, label });
  }
  return out;
}

const first = (cell: string) => splitMulti(cell)[0] ?? '';

export function parseGoogleCsv(input: string, onProgress?: ProgressFn): ParseReport {
  const report = emptyReport();
  const text = stripBom(input);
  const header = findHeaderLine(text, isGoogleHeader, 5);
  if (!header) {
    report.invalid.push({ line: 1, reason: 'No Google Contacts header row (First Name or Given Name, …) was found in this file.' });
    return report;
  }
  readCsv(
    text.slice(header.offset),
    header.index + 1,
    (row) => readGoogleRow(row, report),
    report.invalid,
    onProgress,
  );
  return report;
}

function readGoogleRow(row: CsvRow, report: ParseReport): void {
  const { warnings } = report;
  const line = row.line;
  const legacy = row.columns.includes('Given Name');
  const name = legacy
    ? row.get('Name') || [row.get('Name Prefix'), row.get('Given Name'), row.get('Additional Name'), row.get('Family Name'), row.get('Name Suffix')].filter(Boolean).join(' ')
    : [row.get('Name Prefix'), row.get('First Name'), row.get('Middle Name'), row.get('Last Name'), row.get('Name Suffix')].filter(Boolean).join(' ');
  const organisation = first(legacy ? row.get('Organization 1 - Name') : row.get('Organization Name'));
  const raw: RawContact = {
    name: name || row.get('Nickname') || row.get('File As') || organisation,
    organisation,
    role: first(legacy ? row.get('Organization 1 - Title') : row.get('Organization Title')),
    department: first(legacy ? row.get('Organization 1 - Department') : row.get('Organization Department')),
    notes: row.get('Notes'),
    tags: cleanTags(splitMulti(legacy ? row.get('Group Membership') : row.get('Labels'))),
  };
  const emails: string[] = [];
  for (const { value } of numbered(row, 'E-mail', 'Value')) {
    const r = parseEmail(value);
    if (r.ok) emails.push(r.value);
    else warnings.push({ line, message: `${r.error} It was left out.` });
  }
  const phones: string[] = [];
  for (const { value } of numbered(row, 'Phone', 'Value')) {
    const r = parsePhone(value);
    if (r.ok) phones.push(r.value);
    else warnings.push({ line, message: `${r.error} It was left out.` });
  }
  const websites: string[] = [];
  for (const { value, label } of numbered(row, 'Website', 'Value')) {
    const link = classifyLink(value, /linkedin/i.test(label));
    if (!link.ok) warnings.push({ line, message: link.message });
    else if (link.linkedin && !raw.linkedin) raw.linkedin = link.url;
    else if (!link.linkedin) websites.push(link.url);
  }
  if (websites.length) raw.website = websites[0];
  if (websites.length > 1) raw.notes = [raw.notes, `Other web addresses: ${websites.slice(1).join(' ')}`].filter(Boolean).join('\n\n');
  raw.emails = emails;
  raw.phones = phones;
  const place = (part: string) => numbered(row, 'Address', part)[0]?.value ?? '';
  raw.location = place('City') || place('Region') || place('Country') || (legacy ? row.get('Location') : '');
  const birthday = row.get('Birthday');
  if (birthday) {
    const parsed = parseVCardDate(birthday);
    if (parsed) raw.birthday = parsed;
    else warnings.push({ line, message: `The birthday “${birthday.slice(0, 40)}” is not a date and was left out.` });
  }
  const checked = validateContact(raw, line, [], warnings);
  if (checked.ok) report.drafts.push(checked.draft);
  else report.invalid.push(checked.problem);
}
