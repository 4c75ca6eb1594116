/**
 * The preview of an import: who is new, who is already here (same email, phone
 * or LinkedIn profile) and what merging would change, field by field. Pure: it
 * reads the existing people it is given and writes nothing.
 *
 * Merging never loses anything: empty fields are filled, lists are united, and
 * where both sides hold a different value the existing one is kept and the
 * incoming one is noted in Notes ("Imported: Role — CTO").
 */
import { contactSpec, type Contact, type ContactId } from '../model/index.ts';
import { emailKey, linkedinKey, nameKey, phoneKey } from '../model/rules/contact-keys.ts';
import type { ContactDraft, ContactField, ContactValues, LineProblem } from './types.ts';

export type FieldChange =
  /** The existing field was empty and takes the incoming value. */
  | { field: ContactField; label: string; kind: 'fill'; value: string | number }
  /** Incoming list entries (emails, phones, tags) the existing person lacks. */
  | { field: ContactField; label: string; kind: 'add'; value: string[] }
  /** Both hold different values: the existing one is kept, the incoming one is noted. */
  | { field: ContactField; label: string; kind: 'note'; value: string; kept: string };

export interface ImportMatch {
  existingId: ContactId;
  existingName: string;
  draft: ContactDraft;
  /** Empty when the person is already up to date. */
  changes: FieldChange[];
  /** Which key matched, for the preview: "email a@b.c". */
  matchedBy: string;
}

export interface ImportPlan {
  newPeople: ContactDraft[];
  matches: ImportMatch[];
  invalid: LineProblem[];
  /** Rows of the file that were the same person as an earlier row and were folded into it. */
  mergedInFile: { line: number; intoLine: number }[];
}

/** Fields an import never sets: links to other entities of this space. */
const SKIPPED: ReadonlySet<ContactField> = new Set(['communityIds', 'objectiveIds', 'metEventId', 'introducedById', 'mergedIntoId']);
const LIST_MAX: Partial<Record<ContactField, number>> = { emails: 20, phones: 20, tags: 100 };
const NOTES_MAX = 20_000;
const FIELDS = (Object.keys(contactSpec) as ContactField[]).filter((f) => !SKIPPED.has(f));

const listKey = (field: ContactField, value: string) => (field === 'phones' ? (phoneKey(value) ?? value.replace(/\D/g, '')) : value.toLowerCase());

/**
 * The keys by which two records are the same person, in the model's normal forms
 * (the ones duplicate detection uses): email, LinkedIn profile, phone (its last
 * nine digits). A record with none of those can only be matched by its name, and
 * only against another record with none of them (re-importing a name-only card).
 */
export function matchKeys(values: Pick<ContactValues, 'name' | 'emails' | 'phones' | 'linkedin'>): string[] {
  const keys: string[] = [];
  for (const e of values.emails) keys.push(`email ${emailKey(e)}`);
  const li = values.linkedin ? linkedinKey(values.linkedin) : null;
  if (li) keys.push(`LinkedIn ${li}`);
  for (const p of values.phones) {
    const key = phoneKey(p);
    if (key) keys.push(`phone ${key}`);
  }
  if (keys.length === 0) {
    const name = nameKey(values.name);
    if (name) keys.push(`name ${name}`);
  }
  return keys;
}

const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const display = (v: unknown) => (v === null ? '' : String(v));

/** What merging `incoming` into `base` would change; `base` is not modified. */
export function diffInto(base: ContactValues, incoming: ContactValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const label = contactSpec[field].label;
    const next = incoming[field];
    const current = base[field];
    if (isEmpty(next)) continue;
    if (Array.isArray(next)) {
      const have = new Set((current as string[]).map((v) => listKey(field, v)));
      const added: string[] = [];
      for (const v of next as string[]) {
        const k = listKey(field, v);
        if (!have.has(k)) have.add(k), added.push(v);
      }
      const room = (LIST_MAX[field] ?? 100) - (current as string[]).length;
      if (added.length && room > 0) changes.push({ field, label, kind: 'add', value: added.slice(0, room) });
      for (const v of added.slice(Math.max(room, 0))) changes.push({ field, label, kind: 'note', value: v, kept: '' });
    } else if (isEmpty(current)) {
      changes.push({ field, label, kind: 'fill', value: next as string | number });
    } else if (field === 'notes') {
      if (!(current as string).includes((next as string).trim())) changes.push({ field, label, kind: 'note', value: next as string, kept: current as string });
    } else if (display(current).trim().toLowerCase() !== display(next).trim().toLowerCase()) {
      changes.push({ field, label, kind: 'note', value: display(next), kept: display(current) });
    }
  }
  return changes;
}

/** The line appended to Notes for a kept-and-noted change. */
export const noteLine = (change: { field: ContactField; label: string; value: string }) =>
  change.field === 'notes' ? change.value.trim() : `Imported: ${change.label} — ${change.value}`;

/** Applies changes to plain values (the in-file merge; the store applies them to the document the same way). */
export function applyChanges(base: ContactValues, changes: FieldChange[]): ContactValues {
  const out: Record<string, unknown> = { ...base };
  const lines: string[] = [];
  for (const c of changes) {
    if (c.kind === 'fill') out[c.field] = c.value;
    else if (c.kind === 'add') out[c.field] = [...(out[c.field] as string[]), ...c.value];
    else lines.push(noteLine(c));
  }
  if (lines.length) out.notes = appendNotes(out.notes as string, lines);
  return out as ContactValues;
}

/** Notes with lines appended, kept within the field's limit. */
export function appendNotes(notes: string, lines: string[]): string {
  const joined = [notes.trimEnd(), lines.join('\n')].filter((s) => s !== '').join('\n\n');
  return joined.length <= NOTES_MAX ? joined : `${joined.slice(0, NOTES_MAX - 1)}…`;
}

/**
 * Plans an import against the people already in the space (live, not merged
 * away). Drafts that are the same person within the file are folded together
 * first, so a file with duplicates never creates two people.
 */
export function planImport(drafts: readonly ContactDraft[], existing: readonly Contact[], invalid: readonly LineProblem[] = []): ImportPlan {
  // 1. Fold duplicates within the file.
  const groups: ContactDraft[] = [];
  const groupByKey = new Map<string, number>();
  const mergedInFile: ImportPlan['mergedInFile'] = [];
  for (const draft of drafts) {
    const keys = matchKeys(draft.values);
    const hit = keys.map((k) => groupByKey.get(k)).find((g) => g !== undefined);
    if (hit === undefined) {
      const index = groups.push({ ...draft, notes: [...draft.notes] }) - 1;
      for (const k of keys) groupByKey.set(k, index);
      continue;
    }
    const group = groups[hit] as ContactDraft;
    group.values = applyChanges(group.values, diffInto(group.values, draft.values));
    group.notes.push(...draft.notes.filter((n) => !group.notes.includes(n)));
    mergedInFile.push({ line: draft.line, intoLine: group.line });
    for (const k of matchKeys(group.values)) if (!groupByKey.has(k)) groupByKey.set(k, hit);
  }

  // 2. Match against the people already here.
  const byKey = new Map<string, Contact>();
  for (const person of existing) {
    if (person.deletedAt !== null || person.mergedIntoId !== null) continue;
    for (const k of matchKeys(person)) if (!byKey.has(k)) byKey.set(k, person);
  }
  const newPeople: ContactDraft[] = [];
  const matches: ImportMatch[] = [];
  const claimed = new Map<ContactId, ImportMatch>();
  for (const draft of groups) {
    let found: { person: Contact; key: string } | undefined;
    for (const key of matchKeys(draft.values)) {
      const person = byKey.get(key);
      if (person) {
        found = { person, key };
        break;
      }
    }
    if (!found) {
      newPeople.push(draft);
      continue;
    }
    const { person, key } = found;
    const earlier = claimed.get(person.id);
    if (earlier) {
      // Two file entries lead to the same person: fold the second into the first.
      earlier.draft.values = applyChanges(earlier.draft.values, diffInto(earlier.draft.values, draft.values));
      earlier.changes = diffInto(person, earlier.draft.values);
      mergedInFile.push({ line: draft.line, intoLine: earlier.draft.line });
      continue;
    }
    const match: ImportMatch = { existingId: person.id, existingName: person.name, draft, changes: diffInto(person, draft.values), matchedBy: key };
    claimed.set(person.id, match);
    matches.push(match);
  }
  return { newPeople, matches, invalid: [...invalid], mergedInFile };
}

/** Counts for the preview's headline. */
export function planSummary(plan: ImportPlan) {
  return {
    newPeople: plan.newPeople.length,
    matched: plan.matches.length,
    matchedWithChanges: plan.matches.filter((m) => m.changes.length > 0).length,
    invalid: plan.invalid.length,
    mergedInFile: plan.mergedInFile.length,
  };
}
