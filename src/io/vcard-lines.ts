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
}

export interface LogicalLine {
  line: number;
  text: string;
}

const isQuotedPrintableLine = (text: string) => {
  const colon = text.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
};

/** Joins folded lines; calls `emit` for every non-empty logical line, in order. */
export function unfold(text: string, emit: (line: LogicalLine) => void, onProgress?: (done: number, total: number) => void): void {
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

/** Splits one logical line; null when it has no ':' or no property name. */
export function parseContentLine({ line, text }: LogicalLine): ContentLine | null {
  // Not a property at all (junk, unindented base64): skip without scanning parameters.
  if (!text.includes(':')) return null;
  const n = text.length;
  let i = 0;
  while (i < n && text[i] !== ';' && text[i] !== ':') i++;
  if (i >= n) return null;
  const fullName = text.slice(0, i).trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot >= 0 ? fullName.slice(0, dot).toLowerCase() : '';
  const name = (dot >= 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (name === '') return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => {
    const list = params.get(key);
    if (list) list.push(...values);
    else params.set(key, values);
  };
  let count = 0;
  while (i < n && text[i] === ';') {
    // Real exporters write a handful of parameters; thousands mean a hostile line.
    if (++count > MAX_PARAMS) return null;
    i++;
    // One parameter: up to the next ';' or ':' outside double quotes.
    let key = '';
    const values: string[] = [];
    let value = '';
    let inQuotes = false;
    let sawEquals = false;
    for (; i < n; i++) {
      const c = text[i] as string;
      if (c === '"') inQuotes = !inQuotes;
      else if (!inQuotes && (c === ';' || c === ':')) break;
      else if (!inQuotes && c === '=' && !sawEquals) (sawEquals = true), (key = value), (value = '');
      else if (!inQuotes && c === ',' && sawEquals) values.push(value), (value = '');
      else value += c;
    }
    values.push(value);
    if (sawEquals) {
      add(key.trim().toUpperCase(), values.map((v) => v.trim()).filter((v) => v !== ''));
    } else {
      const bare = value.trim();
      if (bare === '') continue;
      if (BARE_ENCODINGS.has(bare.toUpperCase())) add('ENCODING', [bare]);
      else if (/^CHARSET$/i.test(bare)) continue;
      else add('TYPE', [bare]);
    }
  }
  if (i >= n || text[i] !== ':') return null;
  return { line, group, name, params, raw: text.slice(i + 1) };
}

/** The TYPE parameter as lower-case words (`TYPE=work,voice`, `TYPE=WORK;TYPE=VOICE`, bare 2.1 words). */
export function typesOf(prop: ContentLine): string[] {
  const out: string[] = [];
  for (const v of prop.params.get('TYPE') ?? []) for (const part of v.split(',')) if (part.trim()) out.push(part.trim().toLowerCase());
  return out;
}

export const paramOf = (prop: ContentLine, key: string): string | undefined => prop.params.get(key)?.[0];
