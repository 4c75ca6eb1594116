/**
 * Decoding vCard values: quoted-printable with its CHARSET, backslash escapes,
 * structured values (`;`-separated components, `,`-separated lists) and dates.
 */
import { decodeIn, guessLegacy } from './charset.ts';
import { paramOf, type ContentLine } from './vcard-lines.ts';
import type { LineWarning } from './types.ts';

const utf8 = new TextEncoder();

/**
 * Decodes `=XX` escapes to bytes, then the bytes in the declared character set;
 * without one, UTF-8 when the bytes are valid UTF-8, else `fallback` (the file's
 * own code page) or the code page they read best in.
 */
function decodeQuotedPrintable(
  value: string,
  charset: string | undefined,
  line: number,
  warnings: LineWarning[],
  fallback?: string,
): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d /* = */ && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Already-decoded text inside a quoted-printable value: keep it as UTF-8.
      const cp = value.codePointAt(i) as number;
      for (const b of utf8.encode(String.fromCodePoint(cp))) bytes.push(b);
      if (cp > 0xffff) i++;
    }
  }
  return decodeBytes(Uint8Array.from(bytes), charset, line, warnings, fallback);
}

function decodeBytes(
  bytes: Uint8Array,
  charset: string | undefined,
  line: number,
  warnings: LineWarning[],
  fallback?: string,
): string {
  if (charset) {
    const text = decodeIn(charset, bytes);
    if (text !== null) return text;
    warnings.push(unknownCharset(charset, line));
  }
  // No charset declared: UTF-8 if it is valid, otherwise the code page older exporters used.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeIn(fallback ?? guessLegacy(bytes), bytes) ?? new TextDecoder().decode(bytes);
  }
}

export const unknownCharset = (charset: string, line: number): LineWarning => ({
  line,
  message: `Unknown character set “${charset.slice(0, 40)}”; read as UTF-8.`,
});

/**
 * Undoes vCard text escaping: `\n` `\N` newline, `\,` `\;` `\:` `\\`, and `\"` (Gmail,
 * macOS Contacts), as ez-vcard, vobject and Android read it; anything else stays as written.
 */
function unescapeText(value: string): string {
  let i = value.indexOf('\\');
  if (i === -1) return value;
  const parts: string[] = [];
  let start = 0;
  while (i !== -1 && i < value.length - 1) {
    const next = value[i + 1] as string;
    const replacement =
      next === 'n' || next === 'N'
        ? '\n'
        : next === ',' || next === ';' || next === ':' || next === '\\' || next === '"'
          ? next
          : null;
    if (replacement === null) {
      i = value.indexOf('\\', i + 1);
      continue;
    }
    parts.push(value.slice(start, i), replacement);
    start = i + 2;
    i = value.indexOf('\\', start);
  }
  parts.push(value.slice(start));
  return parts.join('');
}

/** Splits on a separator that is not escaped with a backslash; escapes are kept for `unescapeText`. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) parts.push(value.slice(start, i)), (start = i + 1);
  }
  parts.push(value.slice(start));
  return parts;
}

const isQuotedPrintable = (prop: ContentLine) => /^QUOTED-PRINTABLE$/i.test(paramOf(prop, 'ENCODING') ?? '');

function decodePart(prop: ContentLine, part: string, warnings: LineWarning[]): string {
  const decoded = isQuotedPrintable(prop)
    ? decodeQuotedPrintable(part, paramOf(prop, 'CHARSET'), prop.line, warnings, prop.fallbackCharset)
    : part;
  return unescapeText(decoded);
}

/** The whole value as text. */
export const textOf = (prop: ContentLine, warnings: LineWarning[], trim = true) => {
  const value = decodePart(prop, prop.raw, warnings);
  return trim ? value.trim() : value.replace(/\r\n?/g, '\n');
};

/** The `;`-separated components of a structured value (N, ORG, ADR), each decoded and trimmed. */
export const componentsOf = (prop: ContentLine, warnings: LineWarning[]) =>
  splitUnescaped(prop.raw, ';').map((p) => decodePart(prop, p, warnings).trim());

/** The `,`-separated items of a list value (CATEGORIES). */
export const listOf = (prop: ContentLine, warnings: LineWarning[]) =>
  splitUnescaped(prop.raw, ',')
    .map((p) => decodePart(prop, p, warnings).trim())
    .filter((p) => p !== '');

/**
 * A birthday as the model stores it: YYYY-MM-DD, or --MM-DD without a year.
 * Accepts 1985-04-12, 19850412, 1985-04-12T00:00:00Z, --0412, --04-12, and
 * Apple's placeholder year (X-APPLE-OMIT-YEAR=1604).
 */
export function parseVCardDate(value: string, omitYear?: string): string | null {
  const v = value.trim();
  let m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return `--${m[1]}-${m[2]}`;
  m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (!m) return null;
  if (omitYear !== undefined && m[1] === omitYear.trim()) return `--${m[2]}-${m[3]}`;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
