/**
 * Outlook's contacts CSV, as Outlook for Windows ("Export to a file → Comma
 * Separated Values") and Outlook.com ("Export contacts") write it: fixed
 * English columns (Title = Mr./Dr., Job Title = the role), up to three
 * "E-mail N Address" columns, a dozen phone columns, Business/Home/Other
 * addresses, "Categories" separated by ";", and dates in the exporting
 * computer's short date format (often M/D/YYYY; 0/0/00 for none). The file
 * itself is often Windows-1252: decoding handles that before this parser.
 */
import { parseEmail, parsePhone } from '../model/index.ts';
import { parseCsvExport, type CsvExport } from './csv-export.ts';
import { headerCells, type CsvRow } from './csv-read.ts';
import { classifyLink } from './links.ts';
import { cleanTags } from './tags.ts';
import type { LineWarning, ParseReport, ProgressFn } from './types.ts';
import { keepValid, type RawContact } from './validate.ts';

export function isOutlookHeader(line: string): boolean {
  const cells = new Set(headerCells(line));
  return (
    cells.has('First Name') &&
    cells.has('E-mail Address') &&
    (cells.has('Job Title') || cells.has('Business Phone') || cells.has('Company'))
  );
}

const EMAIL_COLUMNS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];
/** The phone columns people use, most personal first; fax, pager and the like are left out. */
const PHONE_COLUMNS = [
  'Mobile Phone',
  'Business Phone',
  'Business Phone 2',
  'Home Phone',
  'Home Phone 2',
  'Primary Phone',
  'Company Main Phone',
  'Other Phone',
  'Car Phone',
];

/**
 * A date as Outlook writes it. ISO dates and days over 12 are read either way;
 * "4/5/1990" could be April or May depending on the computer that exported
 * it, so such a date is left out with a warning rather than guessed.
 */
export function parseOutlookDate(value: string): { date: string | null; ambiguous: boolean } {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return { date: `${iso[1]}-${iso[2]}-${iso[3]}`, ambiguous: false };
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(v);
  if (!m) return { date: null, ambiguous: false };
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (a === 0 || b === 0) return { date: null, ambiguous: false }; // 0/0/00: no date
  const year = m[3]!.length === 2 ? (y > 30 ? 1900 + y : 2000 + y) : y;
  if (a <= 12 && b <= 12 && a !== b) return { date: null, ambiguous: true };
  const [month, day] = a > 12 ? [b, a] : [a, b];
  return {
    date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ambiguous: false,
  };
}

const OUTLOOK: CsvExport = {
  isHeader: isOutlookHeader,
  maxHeaderLines: 5,
  missingHeader: 'No Outlook contacts header row (First Name, E-mail Address, …) was found in this file.',
  readRow: readOutlookRow,
};

export const parseOutlookCsv = (input: string, onProgress?: ProgressFn): ParseReport =>
  parseCsvExport(input, OUTLOOK, onProgress);

function readOutlookRow(row: CsvRow, warnings: LineWarning[]): RawContact {
  const line = row.line;
  const name = [
    row.get('Title'),
    row.get('First Name'),
    row.get('Middle Name'),
    row.get('Last Name'),
    row.get('Suffix'),
  ]
    .filter(Boolean)
    .join(' ');
  const organisation = row.get('Company');
  const raw: RawContact = {
    name: name || row.get('Nickname') || row.get('E-mail Display Name') || organisation,
    organisation,
    role: row.get('Job Title'),
    department: row.get('Department'),
    notes: row.get('Notes'),
    tags: cleanTags(row.get('Categories').split(';')),
    location:
      row.get('Business City') ||
      row.get('Home City') ||
      row.get('Other City') ||
      row.get('Location') ||
      row.get('Business Country/Region') ||
      row.get('Home Country/Region'),
  };
  // Exchange contacts carry an X.500 address ("/o=ExchangeLabs/…") instead of an email: not one to keep.
  const emails = EMAIL_COLUMNS.map((column) => row.get(column)).filter((value) => !value.trim().startsWith('/'));
  raw.emails = keepValid(emails, parseEmail, line, warnings);
  raw.phones = keepValid(
    PHONE_COLUMNS.map((column) => row.get(column)),
    parsePhone,
    line,
    warnings,
  );
  const websites: string[] = [];
  for (const column of ['Web Page', 'Personal Web Page']) {
    const value = row.get(column).trim();
    if (value === '') continue;
    const link = classifyLink(value);
    if (!link.ok) warnings.push({ line, message: link.message });
    else if (link.linkedin && !raw.linkedin) raw.linkedin = link.url;
    else if (!link.linkedin && !websites.includes(link.url)) websites.push(link.url);
  }
  if (websites.length) raw.website = websites[0];
  if (websites.length > 1)
    raw.notes = [raw.notes, `Other web addresses: ${websites.slice(1).join(' ')}`].filter(Boolean).join('\n\n');
  const birthday = row.get('Birthday').trim();
  if (birthday) {
    const parsed = parseOutlookDate(birthday);
    if (parsed.date) raw.birthday = parsed.date;
    else if (parsed.ambiguous)
      warnings.push({
        line,
        message: `The birthday “${birthday.slice(0, 40)}” could be read as two different days (month/day or day/month) and was left out.`,
      });
    else if (!/^0{1,2}[/.]0{1,2}[/.]0{2,4}$/.test(birthday))
      warnings.push({ line, message: `The birthday “${birthday.slice(0, 40)}” is not a date and was left out.` });
  }
  return raw;
}
