/**
 * Reading CSV exports with papaparse, row by row, keeping the file line on which
 * each row starts (a quoted cell may span lines), so problems can be pointed at.
 * Runs in the caller's thread: large files go through our own worker, never
 * papaparse's `worker` option (it breaks in the minified build).
 */
import Papa from 'papaparse';
import type { LineProblem, ProgressFn } from './types.ts';

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The cell under a column name (exact header text), '' when absent. */
  get(column: string): string;
  columns: readonly string[];
}

const normaliseHeader = (h: string) => h.replace(/^\uFEFF/, '').trim();

/** Index of the first line (0-based) and its character offset for which `isHeader` holds; scans at most `maxLines`. */
export function findHeaderLine(
  text: string,
  isHeader: (line: string) => boolean,
  maxLines = 200,
): { index: number; offset: number } | null {
  let offset = 0;
  for (let index = 0; index < maxLines && offset <= text.length; index++) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    if (isHeader(text.slice(offset, end).replace(/\r$/, ''))) return { index, offset };
    offset = end + 1;
  }
  return null;
}

/** Splits a header line naively (header cells never contain commas in these exports). */
export const headerCells = (line: string) => line.split(',').map((c) => normaliseHeader(c.replace(/^"|"$/g, '')));

/**
 * Parses `text` (which starts at the header row, found on file line `firstLine`)
 * and calls `onRow` for each non-empty data row.
 */
export function readCsv(
  text: string,
  firstLine: number,
  onRow: (row: CsvRow) => void,
  invalid: LineProblem[],
  onProgress?: ProgressFn,
): { columns: string[] } {
  let columns: string[] | null = null;
  let index = new Map<string, number>();
  let scanned = 0; // offset up to which newlines have been counted
  let line = firstLine;
  let rowStart = 0;
  let rows = 0;
  const total = text.length;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result) {
      const cursor = result.meta.cursor;
      // Count the line breaks between the last counted offset and this row's start.
      for (let i = text.indexOf('\n', scanned); i !== -1 && i < rowStart; i = text.indexOf('\n', i + 1)) line++;
      scanned = rowStart;
      const rowLine = line;
      rowStart = cursor;
      const cells = result.data;
      if (!columns) {
        columns = cells.map(normaliseHeader);
        index = new Map(columns.map((c, i) => [c, i] as const));
        return;
      }
      if (cells.every((c) => c.trim() === '')) return;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        invalid.push({
          line: rowLine,
          reason: 'A quoted cell in this row is never closed; the file may be cut short or damaged.',
        });
        return;
      }
      const cols = columns;
      onRow({
        line: rowLine,
        columns: cols,
        get: (column) => {
          const i = index.get(column);
          return i === undefined ? '' : (cells[i] ?? '').trim();
        },
      });
      if (onProgress && ++rows % 1000 === 0) onProgress(cursor, total);
    },
  });
  onProgress?.(total, total);
  return { columns: columns ?? [] };
}
