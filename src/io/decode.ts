/**
 * Bytes of a file to text: byte-order marks (or UTF-16's byte pattern without
 * one), UTF-8 when it is valid throughout, damaged UTF-8 reported rather than
 * silently mangled, and otherwise the legacy code page the bytes read best in.
 */
import { guessLegacy, isDamagedUtf8, LEGACY_NAMES, scanUtf8, sniffUnicode, type LegacyEncoding } from './charset.ts';
import { decodeWindows1252 } from './cp1252.ts';
import type { LineWarning } from './types.ts';

interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;
  warnings: LineWarning[];
}

const REPLACEMENT = '\uFFFD';

export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  const { encoding, start } = sniffUnicode(bytes);
  const body = bytes.subarray(start);
  const warnings: LineWarning[] = [];
  if (encoding !== 'utf-8') {
    const text = new TextDecoder(encoding).decode(body);
    const bad = replacementsIn(text);
    if (bad.count > 0) warnings.push(damagedWarning(encoding, bad.count, lineOf(text, bad.first)));
    return { text, encoding, warnings };
  }
  const evidence = scanUtf8(body);
  if (evidence.errors === 0) return { text: new TextDecoder('utf-8').decode(body), encoding, warnings };
  if (isDamagedUtf8(evidence)) {
    const text = new TextDecoder('utf-8').decode(body);
    warnings.push(damagedWarning(encoding, evidence.errors, lineOfByte(body, evidence.firstError)));
    return { text, encoding, warnings };
  }
  // Unreadable runs outnumber well-formed characters: an 8-bit file from an older exporter
  // (Outlook, Excel, a phone), not damaged UTF-8. Read it in the code page it reads best in.
  const legacy = guessLegacy(body);
  warnings.push(legacyWarning(legacy));
  return {
    text: legacy === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(legacy).decode(body),
    encoding: legacy,
    warnings,
  };
}

export const legacyWarning = (legacy: LegacyEncoding): LineWarning => ({
  line: 1,
  message: `The file is not UTF-8 text; it was read as ${LEGACY_NAMES[legacy]}. If ${legacy === 'windows-1252' ? 'accents' : 'letters'} look wrong, export the file again as UTF-8.`,
});

export const damagedWarning = (encoding: string, count: number, line: number): LineWarning => ({
  line,
  message: `The file is not valid ${encoding.toUpperCase()} text: ${count} unreadable character${count === 1 ? ' was' : 's were'} replaced with “${REPLACEMENT}” (first on line ${line}).`,
});

function replacementsIn(text: string): { count: number; first: number } {
  const first = text.indexOf(REPLACEMENT);
  let count = 0;
  for (let i = first; i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) count++;
  return { count, first };
}

/** 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Strips a leading byte-order mark from text that was already decoded. */
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** 1-based line number of a character offset (linear, only used for a few offsets). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
