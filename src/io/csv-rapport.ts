/**
 * Rapport's own people CSV (`csv-write.ts`), read back: a spreadsheet round
 * trip keeps every column, communities included (by name). Cells the writer
 * guarded against formulas with a leading apostrophe are read without it.
 */
import { parseEmail, parsePhone } from '../model/index.ts';
import { parseCsvExport, type CsvExport } from './csv-export.ts';
import { headerCells, type CsvRow } from './csv-read.ts';
import type { LineWarning, ParseReport, ProgressFn } from './types.ts';
import { keepValid, type RawContact } from './validate.ts';

/** The header the writer puts first: its name column and two columns no other export has. */
export function isRapportHeader(line: string): boolean {
  const cells = headerCells(line);
  return cells[0] === 'Name' && cells.includes('Keep in touch every (days)') && cells.includes('What they do');
}

const RAPPORT: CsvExport = {
  isHeader: isRapportHeader,
  maxHeaderLines: 5,
  missingHeader: 'No Rapport header row (Name, Role, Organisation, …) was found in this file.',
  readRow,
};

export const parseRapportCsv = (input: string, onProgress?: ProgressFn): ParseReport =>
  parseCsvExport(input, RAPPORT, onProgress);

/** The writer's formula guard, undone: `'=SUM(1)` was `=SUM(1)`, `'+44 20…` was `+44 20…`. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
/** A "; "-joined list cell. */
const items = (cell: string) =>
  unguard(cell)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
/** A list of names as `joinedNames` writes it: split at each ";" not escaped by "\\". */
const names = (cell: string) =>
  (unguard(cell).match(/(?:\\.|[^;\\])+/g) ?? []).map((s) => s.replace(/\\(.)/g, '$1').trim()).filter((s) => s !== '');
const numberOrNull = (cell: string) => (cell.trim() === '' ? null : Number(cell.trim()));
const dateOrNull = (cell: string) => (cell.trim() === '' ? null : cell.trim());

function readRow(row: CsvRow, warnings: LineWarning[]): RawContact {
  const cell = (column: string) => unguard(row.get(column));
  return {
    name: cell('Name'),
    role: cell('Role'),
    organisation: cell('Organisation'),
    department: cell('Department'),
    emails: keepValid(items(row.get('Emails')), parseEmail, row.line, warnings),
    phones: keepValid(items(row.get('Phones')), parsePhone, row.line, warnings),
    linkedin: cell('LinkedIn'),
    website: cell('Website'),
    location: cell('Location'),
    birthday: dateOrNull(cell('Birthday')),
    tags: names(row.get('Tags')),
    communities: names(row.get('Communities')),
    metOn: dateOrNull(cell('Met on')),
    metPlace: cell('Where we met'),
    metLine: cell('Noted when we met'),
    connectedOn: dateOrNull(cell('Connected on LinkedIn')),
    whatTheyDo: cell('What they do'),
    interests: cell('Interests'),
    needs: cell('Needs'),
    cadenceDays: numberOrNull(cell('Keep in touch every (days)')),
    seenRegularly: /^(yes|true|1)$/i.test(cell('I see them regularly').trim()),
    power: numberOrNull(cell('Power (0–100)')),
    interest: numberOrNull(cell('Interest (0–100)')),
    notes: cell('Notes'),
  };
}
