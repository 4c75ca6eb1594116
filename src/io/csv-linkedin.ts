/**
 * LinkedIn's Connections.csv: a "Notes:" preamble before the header, a BOM,
 * quoted cells with commas and line breaks, "Connected On" as `01 Jan 2024`,
 * and mostly empty emails (members hide them by default).
 */
import { parseEmail } from '../model/index.ts';
import { parseCsvExport, type CsvExport } from './csv-export.ts';
import { classifyLink } from './links.ts';
import type { ParseReport, ProgressFn } from './types.ts';
import { keepValid, type RawContact } from './validate.ts';

/** True for LinkedIn's header row: the name columns and at least one of its own. */
export function isLinkedinHeader(line: string): boolean {
  const l = line.toLowerCase();
  return (
    l.includes('first name') &&
    l.includes('last name') &&
    (l.includes('connected on') || (l.includes('url') && l.includes('position')))
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `01 Jan 2024` (and `1 January 2024`, or ISO) → `2024-01-01`; null when unreadable. */
export function parseConnectedOn(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (iso) return v;
  const m = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4})$/.exec(v);
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] as string).toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
}

const LINKEDIN: CsvExport = {
  isHeader: isLinkedinHeader,
  maxHeaderLines: 200,
  missingHeader: 'No LinkedIn header row (First Name, Last Name, URL, …) was found in this file.',
  readRow(row, warnings) {
    const raw: RawContact = {
      name: [row.get('First Name'), row.get('Last Name')].filter((s) => s !== '').join(' '),
      organisation: row.get('Company'),
      role: row.get('Position'),
      emails: keepValid([row.get('Email Address')], parseEmail, row.line, warnings),
    };
    const url = row.get('URL');
    if (url) {
      const link = classifyLink(url, true);
      if (link.ok) raw.linkedin = link.url;
      else warnings.push({ line: row.line, message: link.message });
    }
    const connected = row.get('Connected On');
    if (connected) {
      const on = parseConnectedOn(connected);
      // A connection is not a meeting: Today counts these in one line, never as people to follow up.
      if (on) raw.connectedOn = on;
      else
        warnings.push({
          line: row.line,
          message: `“${connected.slice(0, 40)}” is not a date LinkedIn writes; the connection date was left out.`,
        });
    }
    return raw;
  },
};

export const parseLinkedinCsv = (input: string, onProgress?: ProgressFn): ParseReport =>
  parseCsvExport(input, LINKEDIN, onProgress);
