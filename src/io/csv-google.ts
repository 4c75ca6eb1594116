/**
 * Google Contacts CSV, in the current column set (First Name, Organization Name,
 * Labels, …) and the legacy one (Name, Given Name, Group Membership,
 * Organization 1 - Name, …). Multi-values are joined with ` ::: `.
 */
import { parseEmail, parsePhone } from '../model/index.ts';
import { parseCsvExport, type CsvExport } from './csv-export.ts';
import { headerCells, type CsvRow } from './csv-read.ts';
import { classifyLink } from './links.ts';
import { cleanTags, splitMulti } from './tags.ts';
import type { LineWarning, ParseReport, ProgressFn } from './types.ts';
import { keepValid, type RawContact } from './validate.ts';
import { parseVCardDate } from './vcard-values.ts';

export function isGoogleHeader(line: string): boolean {
  const cells = new Set(headerCells(line));
  const current =
    cells.has('First Name') && (cells.has('Labels') || cells.has('Organization Name') || cells.has('E-mail 1 - Value'));
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

const GOOGLE: CsvExport = {
  isHeader: isGoogleHeader,
  maxHeaderLines: 5,
  missingHeader: 'No Google Contacts header row (First Name or Given Name, …) was found in this file.',
  readRow: readGoogleRow,
};

export const parseGoogleCsv = (input: string, onProgress?: ProgressFn): ParseReport =>
  parseCsvExport(input, GOOGLE, onProgress);

function readGoogleRow(row: CsvRow, warnings: LineWarning[]): RawContact {
  const line = row.line;
  const legacy = row.columns.includes('Given Name');
  const name = legacy
    ? row.get('Name') ||
      [
        row.get('Name Prefix'),
        row.get('Given Name'),
        row.get('Additional Name'),
        row.get('Family Name'),
        row.get('Name Suffix'),
      ]
        .filter(Boolean)
        .join(' ')
    : [
        row.get('Name Prefix'),
        row.get('First Name'),
        row.get('Middle Name'),
        row.get('Last Name'),
        row.get('Name Suffix'),
      ]
        .filter(Boolean)
        .join(' ');
  const organisation = first(legacy ? row.get('Organization 1 - Name') : row.get('Organization Name'));
  const raw: RawContact = {
    name: name || row.get('Nickname') || row.get('File As') || organisation,
    organisation,
    role: first(legacy ? row.get('Organization 1 - Title') : row.get('Organization Title')),
    department: first(legacy ? row.get('Organization 1 - Department') : row.get('Organization Department')),
    notes: row.get('Notes'),
    tags: cleanTags(splitMulti(legacy ? row.get('Group Membership') : row.get('Labels'))),
  };
  raw.emails = keepValid(
    numbered(row, 'E-mail', 'Value').map((c) => c.value),
    parseEmail,
    line,
    warnings,
  );
  raw.phones = keepValid(
    numbered(row, 'Phone', 'Value').map((c) => c.value),
    parsePhone,
    line,
    warnings,
  );
  const websites: string[] = [];
  for (const { value, label } of numbered(row, 'Website', 'Value')) {
    const link = classifyLink(value, /linkedin/i.test(label));
    if (!link.ok) warnings.push({ line, message: link.message });
    else if (link.linkedin && !raw.linkedin) raw.linkedin = link.url;
    else if (!link.linkedin) websites.push(link.url);
  }
  if (websites.length) raw.website = websites[0];
  if (websites.length > 1)
    raw.notes = [raw.notes, `Other web addresses: ${websites.slice(1).join(' ')}`].filter(Boolean).join('\n\n');
  const place = (part: string) => numbered(row, 'Address', part)[0]?.value ?? '';
  raw.location = place('City') || place('Region') || place('Country') || (legacy ? row.get('Location') : '');
  const birthday = row.get('Birthday');
  if (birthday) {
    const parsed = parseVCardDate(birthday);
    if (parsed) raw.birthday = parsed;
    else warnings.push({ line, message: `The birthday “${birthday.slice(0, 40)}” is not a date and was left out.` });
  }
  return raw;
}
