/**
 * What every address-book CSV importer shares: find the export's header row
 * (after any preamble), read each row into raw contact values, and check them.
 * An importer only says how to recognise its header and how to read one row.
 */
import { findHeaderLine, readCsv, type CsvRow } from './csv-read.ts';
import { stripBom } from './decode.ts';
import { emptyReport, type LineWarning, type ParseReport, type ProgressFn } from './types.ts';
import { validateContact, type RawContact } from './validate.ts';

export interface CsvExport {
  isHeader(line: string): boolean;
  /** How many lines may come before the header row (LinkedIn writes a "Notes:" preamble). */
  maxHeaderLines: number;
  /** Said when no header row is found. */
  missingHeader: string;
  readRow(row: CsvRow, warnings: LineWarning[]): RawContact;
}

export function parseCsvExport(input: string, format: CsvExport, onProgress?: ProgressFn): ParseReport {
  const report = emptyReport();
  const text = stripBom(input);
  const header = findHeaderLine(text, format.isHeader, format.maxHeaderLines);
  if (!header) {
    report.invalid.push({ line: 1, reason: format.missingHeader });
    return report;
  }
  readCsv(
    text.slice(header.offset),
    header.index + 1,
    (row) => {
      const checked = validateContact(format.readRow(row, report.warnings), row.line, [], report.warnings);
      if (checked.ok) report.drafts.push(checked.draft);
      else report.invalid.push(checked.problem);
    },
    report.invalid,
    onProgress,
  );
  return report;
}
