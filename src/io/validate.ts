/**
 * Turns what an importer gathered into checked contact values. A field that fails
 * its check is dropped with a warning rather than losing the whole person; only a
 * missing or unusable name makes a card invalid.
 */
import { contactSpec, parseValues, type Result } from '../model/index.ts';
import { cleanCommunityNames } from './community-names.ts';
import type { ContactDraft, ContactValues, LineProblem, LineWarning } from './types.ts';

export type RawContact = { [K in keyof ContactValues]?: unknown } & { communities?: string[] };

const LIST_MAX: Partial<Record<keyof ContactValues, number>> = { emails: 20, phones: 20, tags: 100 };

/**
 * Text limits of contactSpec (contact.ts), so that an over-long note is cut
 * rather than lost. Should a limit here drift from the model's, the field is
 * still checked by the model below and, at worst, left out with a warning.
 */
const TEXT_MAX: Partial<Record<keyof ContactValues, number>> = {
  notes: 20_000,
  whatTheyDo: 2000,
  interests: 2000,
  needs: 2000,
  role: 300,
  organisation: 300,
  department: 300,
  location: 300,
  metPlace: 300,
};

/** The values `parse` accepts, in order; empty cells are skipped and each refused value is left out with a warning. */
export function keepValid(
  values: Iterable<string>,
  parse: (value: string) => Result<string, string>,
  line: number,
  warnings: LineWarning[],
): string[] {
  const kept: string[] = [];
  for (const value of values) {
    if (value.trim() === '') continue;
    const r = parse(value);
    if (r.ok) kept.push(r.value);
    else warnings.push({ line, message: `${r.error} It was left out.` });
  }
  return kept;
}

export function validateContact(
  raw: RawContact,
  line: number,
  notes: string[],
  warnings: LineWarning[],
): { ok: true; draft: ContactDraft } | { ok: false; problem: LineProblem } {
  const { communities, ...rest } = raw;
  const fields: Record<string, unknown> = rest;
  for (const [key, max] of Object.entries(LIST_MAX)) {
    const value = fields[key];
    if (Array.isArray(value) && value.length > max) {
      const label = contactSpec[key as keyof ContactValues].label;
      warnings.push({ line, message: `${label}: only the first ${max} of ${value.length} were kept.` });
      fields[key] = value.slice(0, max);
    }
  }
  for (const [key, max] of Object.entries(TEXT_MAX)) {
    const value = fields[key];
    if (typeof value === 'string' && value.length > max) {
      const label = contactSpec[key as keyof ContactValues].label;
      warnings.push({ line, message: `${label} was cut to its first ${max} characters (it had ${value.length}).` });
      fields[key] = value.slice(0, max);
    }
  }
  // At most one pass per field: each failing field is removed, then checked again.
  for (let attempt = 0; attempt <= Object.keys(contactSpec).length; attempt++) {
    const r = parseValues(contactSpec, fields);
    if (r.ok) {
      const names = cleanCommunityNames(communities ?? []);
      return {
        ok: true,
        draft: names.length ? { line, values: r.value, notes, communities: names } : { line, values: r.value, notes },
      };
    }
    for (const error of r.error) {
      if (error.field === 'name') return { ok: false, problem: { line, reason: nameProblem(raw.name, error.message) } };
      warnings.push({ line, message: `${error.message} It was left out.` });
      delete fields[error.field];
    }
  }
  return { ok: false, problem: { line, reason: 'This entry could not be read.' } };
}

function nameProblem(name: unknown, message: string): string {
  if (name === undefined || name === null || (typeof name === 'string' && name.trim() === '')) {
    return 'This entry has no name.';
  }
  return message;
}
