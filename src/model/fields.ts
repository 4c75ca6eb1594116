/**
 * Field kinds: one description per field gives its type, its empty value and its
 * validation, so that reading from a document, from a file and from a form all
 * check the same rules and word problems the same way.
 */
import { isId, type Id } from './ids.ts';
import { err, ok, type Result } from './result.ts';

export interface FieldSpec<T> {
  /** How the field is named to a person, e.g. "Email". */
  readonly label: string;
  /** The value of a field that was never set; such values are not stored. */
  readonly empty: T;
  readonly required?: boolean;
  /** Checks and normalises a value; the error is a sentence for a person. */
  parse(value: unknown): Result<T, string>;
  /**
   * What a stored value this version does not know reads as, where a newer version may have
   * added values (a choice's new option shows as its fallback, "Other"). Only reading uses it:
   * the stored value stays as it is, and writing still refuses unknown values.
   */
  readonly unknownAs?: T;
}

type FieldValue<F> = F extends FieldSpec<infer T> ? T : never;
export type FieldSpecs = Record<string, FieldSpec<unknown>>;
export type Values<S extends FieldSpecs> = { [K in keyof S]: FieldValue<S[K]> };

export type IsoDate = string; // YYYY-MM-DD, a calendar day with no time zone
export type IsoDateTime = string; // an instant, as Date.prototype.toISOString writes it

const quote = (value: unknown) => `“${String(value).slice(0, 60)}”`;

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]+/g;

export function text(
  label: string,
  opts: { required?: boolean; max?: number; multiline?: boolean } = {},
): FieldSpec<string> {
  const max = opts.max ?? (opts.multiline ? 20_000 : 300);
  return {
    label,
    empty: '',
    required: opts.required,
    parse(value) {
      if (typeof value !== 'string') return err(`${label} must be text.`);
      // Single-line fields never keep line breaks or other control characters.
      const cleaned = opts.multiline
        ? value.includes('\r')
          ? value.replace(/\r\n?/g, '\n')
          : value
        : CONTROL.test(value)
          ? value.replace(CONTROL_ALL, ' ').trim()
          : value.trim();
      if (opts.required && cleaned.trim() === '') return err(`${label} is required.`);
      if (cleaned.length > max) return err(`${label} is too long (${cleaned.length} characters; at most ${max}).`);
      return ok(cleaned);
    },
  };
}

export function choice<const V extends string>(label: string, values: readonly V[], fallback: V): FieldSpec<V> {
  return {
    label,
    empty: fallback,
    unknownAs: fallback,
    parse(value) {
      return values.includes(value as V) ? ok(value as V) : err(`${label} must be one of: ${values.join(', ')}.`);
    },
  };
}

export function flag(label: string): FieldSpec<boolean> {
  return {
    label,
    empty: false,
    parse: (value) => (typeof value === 'boolean' ? ok(value) : err(`${label} must be yes or no.`)),
  };
}

export function integer(label: string, min: number, max: number): FieldSpec<number | null> {
  return {
    label,
    empty: null,
    parse(value) {
      if (typeof value !== 'number' || !Number.isInteger(value)) return err(`${label} must be a whole number.`);
      if (value < min || value > max) return err(`${label} must be between ${min} and ${max}.`);
      return ok(value);
    },
  };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export function parseEmail(value: unknown): Result<string, string> {
  if (typeof value !== 'string') return err('An email address must be text.');
  const email = value.trim();
  return EMAIL.test(email) && email.length <= 254 ? ok(email) : err(`${quote(value)} is not an email address.`);
}

const PHONE = /^\+?[0-9 ().\-/]{3,40}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;
/** Spaces a stored phone number never has: at either end, in runs, or other than a plain space. */
const UNTIDY_SPACE = /^\s|\s$|\s\s|[^\S ]/;
export function parsePhone(value: unknown): Result<string, string> {
  if (typeof value !== 'string') return err('A phone number must be text.');
  // A stored number is already tidy: reading 10,000 people skips the rewrite.
  const phone = UNTIDY_SPACE.test(value) ? value.trim().replace(/\s+/g, ' ') : value;
  let digits = 0;
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return PHONE.test(phone) && digits >= 3 ? ok(phone) : err(`${quote(value)} is not a phone number.`);
}

/**
 * A web address already written as the URL parser writes it (what this app stores): http(s),
 * a lower-case host of plain labels (no "--", so no "xn--"; no port, no user), a path of characters the
 * parser leaves as they are, no dot segment, no query, no fragment. Such an address is its own
 * `href`, so reading 7,000 LinkedIn links needs no URL object each; anything else goes through one.
 */
const CANONICAL_WEB_URL =
  /^https?:\/\/(?:[a-z0-9](?:-?[a-z0-9])*\.)+[a-z]{2,63}(?:\/(?!\.)[A-Za-z0-9_~!$&'()*+,;=:@.-]*)+$/;

/** Web links: http(s) only, so that nothing stored can become a script link. */
export function parseWebUrl(value: unknown): Result<string, string> {
  if (typeof value !== 'string') return err('A link must be text.');
  if (CANONICAL_WEB_URL.test(value)) return ok(value);
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
      return err(`${quote(value)} is not a web address.`);
    }
    return ok(url.href);
  } catch {
    return err(`${quote(value)} is not a web address.`);
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number written by the ASCII digits value[from..to), or -1 if any of them is not a digit. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function parseIsoDate(value: unknown): Result<IsoDate, string> {
  // Character arithmetic, not a RegExp with captures and not Date: reading 50,000 interactions checks 50,000 dates.
  const isShaped = typeof value === 'string' && value.length === 10 && value[4] === '-' && value[7] === '-';
  const y = isShaped ? digitsAt(value, 0, 4) : -1;
  const mo = isShaped ? digitsAt(value, 5, 7) : -1;
  const d = isShaped ? digitsAt(value, 8, 10) : -1;
  if (y < 0 || mo < 0 || d < 0) return err(`${quote(value)} is not a date (expected YYYY-MM-DD).`);
  const inMonth =
    mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] as number) && !(mo === 2 && d === 29 && !isLeap(y));
  return inMonth ? ok(value as string) : err(`${quote(value)} is not a date on the calendar.`);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CANONICAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
export function parseIsoDateTime(value: unknown): Result<IsoDateTime, string> {
  // What this app writes is already canonical: checking it needs no Date (reading 10,000 people stays fast).
  if (typeof value === 'string' && CANONICAL_DATE_TIME.test(value)) return ok(value);
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    return err(`${quote(value)} is not a date and time.`);
  }
  return ok(new Date(value).toISOString());
}

function nullable<T>(label: string, parse: (v: unknown) => Result<T, string>, required = false): FieldSpec<T | null> {
  return {
    label,
    empty: null,
    required,
    parse(value) {
      const r = parse(value);
      return r.ok ? r : err(`${label}: ${r.error}`);
    },
  };
}

export const date = (label: string) => nullable(label, parseIsoDate);
/** A required field is never absent once parsed, so its type has no null. */
export function dateTime(label: string, required: true): FieldSpec<IsoDateTime>;
export function dateTime(label: string, required?: false): FieldSpec<IsoDateTime | null>;
export function dateTime(label: string, required = false): FieldSpec<IsoDateTime | null> {
  return nullable(label, parseIsoDateTime, required);
}

/** A birthday may lack its year, as phones export it: --MM-DD. */
export const birthday = (label: string) =>
  nullable(label, (value) => {
    if (typeof value === 'string' && /^--\d{2}-\d{2}$/.test(value)) {
      const leapYear = parseIsoDate(`2000${value.slice(1)}`);
      return leapYear.ok ? ok(value) : err(`${quote(value)} is not a day of the year.`);
    }
    return parseIsoDate(value);
  });

export const webUrl = (label: string): FieldSpec<string> => ({
  label,
  empty: '',
  parse(value) {
    if (value === '') return ok('');
    const r = parseWebUrl(value);
    return r.ok ? r : err(`${label}: ${r.error}`);
  },
});

export function ref<I extends Id<string>>(label: string, required: true): FieldSpec<I>;
export function ref<I extends Id<string>>(label: string, required?: false): FieldSpec<I | null>;
export function ref<I extends Id<string>>(label: string, required = false): FieldSpec<I | null> {
  return nullable(
    label,
    (value) => (isId(value) ? ok(value as I) : err(`${quote(value)} is not a valid reference.`)),
    required,
  );
}

/**
 * A list of distinct values, each checked by `item`; at most `max` of them.
 * A list that is already clean (as every stored one is) is returned as it is.
 */
export function list<T extends string>(
  label: string,
  item: (v: unknown) => Result<T, string>,
  max = 100,
): FieldSpec<T[]> {
  return {
    label,
    empty: [],
    parse(value) {
      if (!Array.isArray(value)) return err(`${label} must be a list.`);
      if (value.length > max) return err(`${label} has too many entries (${value.length}; at most ${max}).`);
      let out: T[] | null = null; // made only once an entry is changed or dropped
      for (let i = 0; i < value.length; i++) {
        const r = item(value[i]);
        if (!r.ok) return err(`${label}: ${r.error}`);
        const seen = out ? out.includes(r.value) : value.indexOf(r.value) < i;
        if (!out && (seen || r.value !== value[i])) out = value.slice(0, i) as T[];
        if (out && !seen) out.push(r.value);
      }
      return ok(out ?? (value as T[]));
    },
  };
}

export const refs = <I extends Id<string>>(label: string, max = 500) =>
  list<I>(label, (v) => (isId(v) ? ok(v as I) : err(`${quote(v)} is not a valid reference.`)), max);

export const tagList = (label: string) =>
  list<string>(label, (v) => {
    if (typeof v !== 'string' || v.trim() === '') return err('a tag must be non-empty text.');
    const tag = UNTIDY_SPACE.test(v) ? v.trim().replace(/\s+/g, ' ') : v;
    return tag.length <= 60 ? ok(tag) : err(`the tag ${quote(v)} is too long.`);
  });
