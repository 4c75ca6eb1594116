/**
 * Which importer reads a file: by its content first (a file's name can lie),
 * its name only to word the error. Size is checked on the bytes, before decoding.
 */
import { err, ok, type Result } from '../model/index.ts';
import { findHeaderLine } from './csv-read.ts';
import { isGoogleHeader } from './csv-google.ts';
import { isLinkedinHeader } from './csv-linkedin.ts';
import { isOutlookHeader } from './csv-outlook.ts';
import { isRapportHeader } from './csv-rapport.ts';
import type { FileFormat } from './formats.ts';
import type { ImportError } from './limits.ts';

export { checkSize, MAX_IMPORT_BYTES, type ImportError, type ImportErrorType } from './limits.ts';

export { FORMAT_NAMES, type FileFormat } from './formats.ts';

export function detectFormat(name: string, text: string): Result<FileFormat, ImportError> {
  // Look only at the start: detection must not cost time in proportion to a hostile file.
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start === '' && text.trim() === '') return err({ type: 'empty', message: 'This file contains no text.' });
  if (/^BEGIN:VCARD/i.test(start) || (/\.(vcf|vcard)$/i.test(name) && /^BEGIN:VCARD/im.test(head))) return ok('vcard');
  if (start.startsWith('{')) {
    if (/"format"\s*:\s*"rapport-backup"/.test(head)) return ok('rapport-backup');
    return err({ type: 'not-a-backup', message: 'This JSON file is not a Rapport backup.' });
  }
  if (findHeaderLine(head, isRapportHeader, 5)) return ok('rapport-csv');
  if (findHeaderLine(head, isLinkedinHeader, 200)) return ok('linkedin-csv');
  if (findHeaderLine(head, isGoogleHeader, 5)) return ok('google-csv');
  if (findHeaderLine(head, isOutlookHeader, 5)) return ok('outlook-csv');
  const csv = /\.csv$/i.test(name);
  return err({
    type: 'unknown-format',
    message: csv
      ? 'This CSV file is not a LinkedIn Connections, Google Contacts, Outlook contacts or Rapport people export: its header row was not recognised.'
      : 'Rapport can import vCard files (.vcf), LinkedIn’s Connections.csv, Google Contacts and Outlook contacts CSV files, Rapport’s own people CSV, and Rapport backups (.json). This file is none of those.',
  });
}
