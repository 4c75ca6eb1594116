/**
 * vCard content lines: unfolding (space or tab continuation, CRLF or LF), the
 * soft line breaks of 2.1 quoted-printable, and splitting a line into group,
 * name, parameters and raw value. Every step is a single pass, so a hostile file
 * (one enormous line, a million empty ones) costs time in proportion to its size.
 */

export interface ContentLine {
  /** 1-based physical line where this property starts. */
  line: number;
  /** Apple's `item1.` prefix, lower-cased; '' when absent. */
  group: string;
  /** Upper-cased property name, e.g. TEL, X-ABLABEL. */
  name: string;
  /** Upper-cased parameter names; values as written (unquoted). Bare 2.1 parameters go to TYPE or ENCODING. */
  params: Map<string, string[]>;
  /** The value exactly as in the file, after unfolding; not yet unescaped or decoded. */
  raw: string;
  /** For quoted-printable without a CHARSET whose bytes are not UTF-8: the file's own code page. */
  fallbackCharset?: string;
}

interface LogicalLine {
  line: number;
  text: string;
}

const isQuotedPrintableLine = (text: string) => {
  const colon = text.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
};

/** Joins folded lines; calls `emit` for every non-empty logical line, in order. */
export function unfold(
  text: string,
  emit: (line: LogicalLine) => void,
  onProgress?: (done: number, total: number) => void,
): void {
  const lines = text.split(/\r\n|\r|\n/);
  const total = lines.length;
  let current: string | null = null;
  let start = 0;
  let quotedPrintable = false;
  const flush = () => {
    if (current !== null && current.trim() !== '') emit({ line: start, text: current });
    current = null;
  };
  for (let i = 0; i < total; i++) {
    const physical = lines[i] as string;
    if (current !== null && quotedPrintable && current.endsWith('=')) {
      // 2.1 quoted-printable soft line break: the '=' and the line break vanish.
      current = current.slice(0, -1) + physical;
    } else if (current !== null && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      current += physical.slice(1);
    } else {
      flush();
      if (physical === '') continue;
      current = physical;
      start = i + 1;
      quotedPrintable = isQuotedPrintableLine(physical);
    }
    if (onProgress && (i & 0xffff) === 0) onProgress(i, total);
  }
  flush();
  onProgress?.(total, total);
}

/** 2.1 writes parameters bare (`TEL;WORK;VOICE`); these words are encodings, not types. */
const MAX_PARAMS = 100;

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Index of the first `ch` outside double quotes, from `from`; -1 when none. */
function indexOutsideQuotes(text: string, ch: string, from = 0): number {
  let i = from;
  for (;;) {
    const hit = text.indexOf(ch, i);
    const quote = text.indexOf('"', i);
    if (hit === -1 || quote === -1 || hit < quote) return hit;
    const close = text.indexOf('"', quote + 1);
    if (close === -1) return -1;
    i = close + 1;
  }
}

/** Splits on `sep` outside double quotes, and strips the quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  if (!text.includes('"')) return text.split(sep);
  const out: string[] = [];
  let start = 0;
  for (let i = indexOutsideQuotes(text, sep); i !== -1; i = indexOutsideQuotes(text, sep, start)) {
    out.push(text.slice(start, i).replace(/"/g, ''));
    start = i + 1;
  }
  out.push(text.slice(start).replace(/"/g, ''));
  return out;
}

/** Splits one logical line; null when it has no ':' or no property name. */
export function parseContentLine({ line, text }: LogicalLine): ContentLine | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon <= 0) return null;
  const head = text.slice(0, colon);
  const semicolon = head.indexOf(';');
  const fullName = (semicolon === -1 ? head : head.slice(0, semicolon)).trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot >= 0 ? fullName.slice(0, dot).toLowerCase() : '';
  const name = (dot >= 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (name === '') return null;
  const params = new Map<string, string[]>();
  if (semicolon !== -1) {
    const parts = splitOutsideQuotes(head.slice(semicolon + 1), ';');
    // Real exporters write a handful of parameters; thousands mean a hostile line.
    if (parts.length > MAX_PARAMS) return null;
    for (const part of parts) addParam(params, part);
  }
  return { line, group, name, params, raw: text.slice(colon + 1) };
}

function addParam(params: Map<string, string[]>, part: string): void {
  const add = (key: string, values: string[]) => {
    const list = params.get(key);
    if (list) list.push(...values);
    else params.set(key, values);
  };
  const eq = indexOutsideQuotes(part, '=');
  if (eq === -1) {
    const bare = part.replace(/"/g, '').trim();
    if (bare === '' || /^CHARSET$/i.test(bare)) return;
    add(BARE_ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE', [bare]);
    return;
  }
  const key = part.slice(0, eq).trim().toUpperCase();
  const values = splitOutsideQuotes(part.slice(eq + 1), ',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  add(key, values);
}

/** The TYPE parameter as lower-case words (`TYPE=work,voice`, `TYPE=WORK;TYPE=VOICE`, bare 2.1 words). */
export function typesOf(prop: ContentLine): string[] {
  const out: string[] = [];
  for (const v of prop.params.get('TYPE') ?? [])
    for (const part of v.split(',')) if (part.trim()) out.push(part.trim().toLowerCase());
  return out;
}

export const paramOf = (prop: ContentLine, key: string): string | undefined => prop.params.get(key)?.[0];
