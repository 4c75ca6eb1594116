/**
 * Bytes of a file to text: byte-order marks, and invalid UTF-8 reported rather
 * than silently mangled.
 */
import type { LineWarning } from './types.ts';

export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  warnings: LineWarning[];
}

const REPLACEMENT = '\uFFFD';

export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  let encoding: DecodedFile['encoding'] = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (start = 2);
  const body = bytes.subarray(start);
  const warnings: LineWarning[] = [];
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, warnings };
  } catch {
    // Not valid in its encoding: decode leniently and say where it went wrong.
    const text = new TextDecoder(encoding).decode(body);
    const first = text.indexOf(REPLACEMENT);
    let count = 0;
    for (let i = first; i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) count++;
    warnings.push({
      line: lineOf(text, first),
      message: `The file is not valid ${encoding.toUpperCase()} text: ${count} unreadable character${count === 1 ? ' was' : 's were'} replaced with “${REPLACEMENT}” (first on line ${lineOf(text, first)}). If names look wrong, export the file again as UTF-8.`,
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
