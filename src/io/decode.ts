/**
 * Bytes of a file to text: byte-order marks, and invalid UTF-8 reported rather
 * than silently mangled.
 */
import { decodeWindows1252 } from './cp1252.ts';
import type { LineWarning } from './types.ts';

export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: LineWarning[];
}

const REPLACEMENT = '\uFFFD';

export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (start = 2);
  const body = bytes.subarray(start);
  const warnings: LineWarning[] = [];
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, warnings };
  } catch {
    const text = new TextDecoder(encoding).decode(body);
    // No valid multi-byte character anywhere: an 8-bit file from an older exporter
    // (Outlook, Excel), not damaged UTF-8. Windows-1252 reads every byte.
    if (encoding === 'utf-8' && !/[\u0080-\uFFFC\uFFFE\uFFFF]/.test(text)) {
      warnings.push({ line: 1, message: 'The file is not UTF-8 text; it was read as Western European (Windows-1252). If accents look wrong, export the file again as UTF-8.' });
      return { text: decodeWindows1252(body), encoding: 'windows-1252', warnings };
    }
    // Damaged UTF-8: decode leniently and say where it went wrong.
    const first = text.indexOf(REPLACEMENT);
    let count = 0;
    for (let i = first; i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) count++;
    const line = lineOf(text, first);
    warnings.push({
      line,
      message: `The file is not valid ${encoding.toUpperCase()} text: ${count} unreadable character${count === 1 ? ' was' : 's were'} replaced with “${REPLACEMENT}” (first on line ${line}).`,
    });
    return { text, encoding, warnings };
  }
}

/** Strips a leading byte-order mark from text that was already decoded. */
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** 1-based line number of a character offset (linear, only used for a few offsets). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
