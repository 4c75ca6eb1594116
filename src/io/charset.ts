/**
 * Character sets on evidence: is a run of bytes UTF-8 (valid throughout, or
 * damaged here and there), and if it is not, which legacy code page wrote it.
 * Bytes travel through the vCard parser as "binary strings" (one char per byte,
 * 0–255) so that lines can be unfolded before anything is decoded.
 */
import { decodeWindows1252, isWindows1252 } from './cp1252.ts';

/** The legacy code pages a file without a declared charset is tried in; other ones must be declared. */
export type LegacyEncoding = 'windows-1252' | 'windows-1251' | 'shift_jis';

export const LEGACY_NAMES: Record<LegacyEncoding, string> = {
  'windows-1252': 'Western European (Windows-1252)',
  'windows-1251': 'Cyrillic (Windows-1251)',
  shift_jis: 'Japanese (Shift_JIS)',
};

/** Bytes to a string of one char per byte. */
export function toBinary(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK)
    chunks.push(String.fromCharCode(...bytes.subarray(start, start + CHUNK)));
  return chunks.join('');
}

/** A binary string back to its bytes (chars above 0xFF, which a binary string never holds, are cut to their low byte). */
export function fromBinary(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const hasHighBytes = (binary: string) => /[\u0080-\u00ff]/.test(binary);

interface Utf8Evidence {
  /** Well-formed characters of two to four bytes. */
  multiByte: number;
  /** Unreadable sequences, counted as a decoder replaces them (one per maximal bad subpart). */
  errors: number;
  /** Runs of unreadable sequences with nothing readable in between. */
  errorRuns: number;
  /** Offset of the first unreadable byte; -1 when none. */
  firstError: number;
}

export const emptyEvidence = (): Utf8Evidence => ({ multiByte: 0, errors: 0, errorRuns: 0, firstError: -1 });

/**
 * Scans bytes (a Uint8Array or a binary string) the way the WHATWG UTF-8 decoder
 * reads them, adding to `into`. Linear, no allocation.
 */
export function scanUtf8(input: Uint8Array | string, into: Utf8Evidence = emptyEvidence(), base = 0): Utf8Evidence {
  const length = input.length;
  const at = typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i] as number;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let inRun = false;
  const error = (i: number) => {
    into.errors++;
    if (!inRun) into.errorRuns++;
    inRun = true;
    if (into.firstError === -1) into.firstError = base + i;
  };
  for (let i = 0; i < length; i++) {
    const b = at(i);
    if (needed === 0) {
      if (b < 0x80) inRun = false;
      else if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else error(i);
      continue;
    }
    if (b < lower || b > upper) {
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      error(i);
      i--; // the byte starts something new
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      needed = seen = 0;
      into.multiByte++;
      inRun = false;
    }
  }
  if (needed !== 0) error(length - 1);
  return into;
}

/**
 * Text that is mostly valid UTF-8 with a few bad bytes is damaged UTF-8; text in
 * which unreadable runs outnumber well-formed characters is a legacy code page,
 * even when a few of its byte pairs happen to form UTF-8 characters.
 */
export const isDamagedUtf8 = (e: Utf8Evidence) => e.multiByte > 0 && e.multiByte >= e.errorRuns;

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
const isCyrillic = (c: number) => c >= 0x400 && c <= 0x45f;

/**
 * How much decoded text looks like a language rather than mojibake: accented
 * Latin letters sit inside words of ASCII letters, Cyrillic and Japanese words
 * are whole runs of their own script, and control or private-use characters
 * are wrong. Scored per byte of the original, so that one- and two-byte
 * encodings compare fairly.
 */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    const nearAscii = isAsciiLetter(prev) || isAsciiLetter(next);
    if (c >= 0x3041 && c <= 0x30ff)
      score += 2; // hiragana, katakana
    else if (c >= 0x4e00 && c <= 0x9fff)
      score += nearAscii ? -2 : 2; // kanji
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e))
      score += 1; // CJK punctuation, full-width forms
    else if (isCyrillic(c) || c === 0x490 || c === 0x491) score += nearAscii ? -1 : 1;
    else if (isLatinLetter(c)) score += nearAscii ? 1 : isLatinLetter(prev) && isLatinLetter(next) ? -1 : 0;
    else if (c <= 0x9f || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) score -= 2; // controls, private use
  }
  return score;
}

const CANDIDATES: LegacyEncoding[] = ['windows-1252', 'windows-1251', 'shift_jis'];

/** The legacy code page under which these bytes read most like text; Windows-1252 when in doubt. */
export function guessLegacy(input: Uint8Array | string): LegacyEncoding {
  const bytes = typeof input === 'string' ? fromBinary(input) : input;
  let best: LegacyEncoding = 'windows-1252';
  let bestScore = -Infinity;
  for (const candidate of CANDIDATES) {
    let text: string;
    try {
      text =
        candidate === 'windows-1252'
          ? decodeWindows1252(bytes)
          : new TextDecoder(candidate, { fatal: true }).decode(bytes);
    } catch {
      continue; // not even well-formed in this encoding
    }
    const score = plausibility(text);
    if (score > bestScore) (best = candidate), (bestScore = score);
  }
  return best;
}

const decoders = new Map<string, TextDecoder>();

/**
 * Decodes bytes in a named character set, leniently; null when the name is not one
 * the platform knows (the caller says so and falls back). UTF-16 and UTF-32 labels
 * make no sense for a value inside an 8-bit file and are refused too.
 */
export function decodeIn(label: string, bytes: Uint8Array): string | null {
  const name = label.trim().toLowerCase();
  if (isWindows1252(name)) return decodeWindows1252(bytes);
  if (/^(utf-?16|utf-?32|ucs-?[24]|unicode)/.test(name)) return null;
  let decoder = decoders.get(name);
  if (!decoder) {
    try {
      decoder = new TextDecoder(name);
    } catch {
      return null;
    }
    if (decoders.size < 32) decoders.set(name, decoder); // hostile files may declare thousands of names
  }
  return decoder.decode(bytes);
}

/** Byte-order mark or, without one, the byte pattern of UTF-16 text. */
export function sniffUnicode(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; start: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  const utf16 = sniffUtf16WithoutBom(bytes);
  return utf16 ? { encoding: utf16, start: 0 } : { encoding: 'utf-8', start: 0 };
}

const BEGIN_VCARD = 'BEGIN:VCARD';

function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  for (const le of [true, false]) {
    const lo = le ? 0 : 1;
    const unit = (i: number) => (bytes[i * 2 + 1 - lo] as number) * 256 + (bytes[i * 2 + lo] as number);
    const units = Math.floor(Math.min(bytes.length, 1024) / 2);
    // `BEGIN:VCARD` after blank lines or spaces: every second byte zero, the others that word.
    let i = 0;
    while (i < units && (unit(i) === 0x20 || unit(i) === 0x09 || unit(i) === 0x0d || unit(i) === 0x0a)) i++;
    if (i + BEGIN_VCARD.length <= units) {
      let match = true;
      for (let k = 0; k < BEGIN_VCARD.length && match; k++)
        match = String.fromCharCode(unit(i + k)).toUpperCase() === BEGIN_VCARD[k];
      if (match) return le ? 'utf-16le' : 'utf-16be';
    }
    // Any other text (a CSV header): printable ASCII code units, never NUL, for the first few hundred bytes.
    if (units < 16) continue;
    let ascii = 0;
    for (let k = 0; k < units; k++) {
      const u = unit(k);
      if (u === 0) return null; // NUL: binary, not text
      if ((u >= 0x20 && u < 0x7f) || u === 0x0d || u === 0x0a || u === 0x09) ascii++;
    }
    if (ascii >= units * 0.9) return le ? 'utf-16le' : 'utf-16be';
  }
  return null;
}
