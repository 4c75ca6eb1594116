/**
 * The size limit of an import, apart from the parsers so that the main thread
 * can refuse a file without loading papaparse or any parser.
 */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportErrorType = 'too-large' | 'empty' | 'unknown-format' | 'not-a-backup';
export interface ImportError {
  type: ImportErrorType;
  message: string;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function checkSize(byteLength: number): ImportError | null {
  if (byteLength > MAX_IMPORT_BYTES) {
    return {
      type: 'too-large',
      message: `This file is ${megabytes(byteLength)}; Rapport imports files of up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one.`,
    };
  }
  if (byteLength === 0) return { type: 'empty', message: 'This file is empty.' };
  return null;
}
