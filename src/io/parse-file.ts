/**
 * One entry point for a chosen file: size check, decoding, format detection and
 * the right parser. Synchronous and DOM-free, so it runs in the import worker and
 * in Node tests alike.
 */
import { parseBackup, type Backup, type BackupProblem } from './backup.ts';
import { parseGoogleCsv } from './csv-google.ts';
import { parseOutlookCsv } from './csv-outlook.ts';
import { parseLinkedinCsv } from './csv-linkedin.ts';
import { parseRapportCsv } from './csv-rapport.ts';
import { sniffUnicode, toBinary } from './charset.ts';
import { decodeFileBytes } from './decode.ts';
import { checkSize, detectFormat, type FileFormat, type ImportError } from './detect.ts';
import { backupContactDrafts } from './backup-drafts.ts';
import type { ParseReport, ProgressFn } from './types.ts';
import { parseVCardBytes, parseVCards } from './vcard-parse.ts';

export type ParsedFile =
  | { ok: true; format: Exclude<FileFormat, 'rapport-backup'>; report: ParseReport }
  /** A backup: `restoreBackup` it into an empty space, or import its people (`report`) into this one. */
  | { ok: true; format: 'rapport-backup'; report: ParseReport; backup: Backup; problems: BackupProblem[] }
  | { ok: false; error: ImportError };

export function parseFile(name: string, bytes: Uint8Array, onProgress?: ProgressFn): ParsedFile {
  const sizeError = checkSize(bytes.byteLength);
  if (sizeError) return { ok: false, error: sizeError };
  // vCards in UTF-8 or an 8-bit code page are read from their bytes: unfolded first, then each
  // value decoded in its declared charset or the file's. Detection only needs the ASCII words.
  const { encoding, start } = sniffUnicode(bytes);
  if (encoding === 'utf-8') {
    const body = bytes.subarray(start);
    const format = detectFormat(name, toBinary(body.subarray(0, 64 * 1024)));
    if (format.ok && format.value === 'vcard')
      return { ok: true, format: 'vcard', report: parseVCardBytes(body, onProgress) };
  }
  const decoded = decodeFileBytes(bytes);
  return parseText(name, decoded.text, onProgress, decoded.warnings);
}

/** As `parseFile`, for text already decoded (pasted, or read by the caller). */
export function parseText(
  name: string,
  text: string,
  onProgress?: ProgressFn,
  decodeWarnings: ParseReport['warnings'] = [],
): ParsedFile {
  const format = detectFormat(name, text);
  if (!format.ok) return { ok: false, error: format.error };
  const withDecodeWarnings = (report: ParseReport): ParseReport => ({
    ...report,
    warnings: [...decodeWarnings, ...report.warnings],
  });
  switch (format.value) {
    case 'vcard':
      return { ok: true, format: 'vcard', report: withDecodeWarnings(parseVCards(text, onProgress)) };
    case 'linkedin-csv':
      return { ok: true, format: 'linkedin-csv', report: withDecodeWarnings(parseLinkedinCsv(text, onProgress)) };
    case 'rapport-csv':
      return { ok: true, format: 'rapport-csv', report: withDecodeWarnings(parseRapportCsv(text, onProgress)) };
    case 'google-csv':
      return { ok: true, format: 'google-csv', report: withDecodeWarnings(parseGoogleCsv(text, onProgress)) };
    case 'outlook-csv':
      return { ok: true, format: 'outlook-csv', report: withDecodeWarnings(parseOutlookCsv(text, onProgress)) };
    case 'rapport-backup': {
      const parsed = parseBackup(text);
      onProgress?.(text.length, text.length);
      if (!parsed.ok) return { ok: false, error: { type: 'not-a-backup', message: parsed.error.message } };
      const { backup, problems } = parsed.value;
      return {
        ok: true,
        format: 'rapport-backup',
        backup,
        problems,
        report: withDecodeWarnings(backupContactDrafts(backup, problems)),
      };
    }
  }
}
