/**
 * Writing a confirmed import: new people created and matched people merged in
 * one transaction under one 'import' origin, so the whole import can be undone
 * as one step. The plan comes from `planImport` (src/io/match.ts); the merge is
 * re-checked against each person as it is now, so an edit made between preview
 * and confirm is kept, never overwritten.
 */
import type * as Y from 'yjs';
import { contactSpec, type Contact, type ContactId } from '../model/index.ts';
import type { ContactDraft, ContactValues } from '../io/types.ts';
import type { FieldChange, ImportPlan } from '../io/match.ts';
import { createMany, readOne, update } from './entities.ts';
import { runUndoable, type Undoable } from './undo.ts';

export interface ImportResult {
  created: ContactId[];
  updated: ContactId[];
  /** Entries the document refused (should not happen: drafts are checked when parsed). */
  rejected: { line: number; reason: string }[];
}

const NOTES_MAX = 20_000;
const LIST_MAX: Partial<Record<keyof ContactValues, number>> = { emails: 20, phones: 20, tags: 100 };
const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const digits = (s: string) => s.replace(/\D/g, '');
const same = (field: string, a: string, b: string) => (field === 'phones' ? digits(a) === digits(b) : a.toLowerCase() === b.toLowerCase());

/** The patch that applies `changes` to `current`: fill only what is still empty, unite lists, note the rest. */
export function patchFor(current: Contact, changes: readonly FieldChange[]): Partial<ContactValues> {
  const patch: Record<string, unknown> = {};
  const lines: string[] = [];
  const note = (label: string, field: string, value: string) => lines.push(field === 'notes' ? value.trim() : `Imported: ${label} — ${value}`);
  for (const c of changes) {
    const now = patch[c.field] ?? current[c.field];
    if (c.kind === 'fill') {
      if (isEmpty(now)) patch[c.field] = c.value;
      else if (String(now).toLowerCase() !== String(c.value).toLowerCase()) note(c.label, c.field, String(c.value));
    } else if (c.kind === 'add') {
      const list = [...(now as string[])];
      for (const v of c.value) {
        if (list.some((x) => same(c.field, x, v))) continue;
        if (list.length < (LIST_MAX[c.field] ?? 100)) list.push(v);
        else note(c.label, c.field, v);
      }
      if (list.length !== (now as string[]).length) patch[c.field] = list;
    } else if (!(c.field === 'notes' && String(now).includes(c.value.trim()))) {
      note(c.label, c.field, c.value);
    }
  }
  if (lines.length) {
    const notes = [String(patch.notes ?? current.notes).trimEnd(), lines.join('\n')].filter((s) => s !== '').join('\n\n');
    patch.notes = notes.length <= NOTES_MAX ? notes : `${notes.slice(0, NOTES_MAX - 1)}…`;
  }
  return patch as Partial<ContactValues>;
}

const reasonOf = (errors: { message: string }[]) => errors.map((e) => e.message).join(' ');

export function applyImport(doc: Y.Doc, plan: ImportPlan, now: Date = new Date()): Undoable<ImportResult> {
  return runUndoable(doc, 'import', (origin) => {
    const result: ImportResult = { created: [], updated: [], rejected: [] };
    // One transaction: observers see the import once, and undo takes it back at once.
    doc.transact(() => {
      const toCreate: ContactDraft[] = [...plan.newPeople];
      for (const match of plan.matches) {
        if (match.changes.length === 0) continue;
        const current = readOne(doc, 'contacts', match.existingId);
        if (!current || current.deletedAt !== null) {
          // The person was removed since the preview: bring the imported one in as new.
          toCreate.push(match.draft);
          continue;
        }
        const patch = patchFor(current, match.changes);
        if (Object.keys(patch).length === 0) continue;
        const r = update(doc, 'contacts', match.existingId, patch, origin, now);
        if (r.ok) result.updated.push(match.existingId);
        else result.rejected.push({ line: match.draft.line, reason: r.error.type === 'invalid' ? reasonOf(r.error.errors) : 'The person was not found.' });
      }
      const made = createMany(doc, 'contacts', toCreate.map((d) => d.values), origin, now);
      for (const c of made.created) result.created.push(c.id);
      for (const r of made.rejected) result.rejected.push({ line: toCreate[r.index]?.line ?? 0, reason: reasonOf(r.errors) });
    }, origin);
    return result;
  });
}

/** Exposed for the preview's wording of a field. */
export const fieldLabel = (field: keyof ContactValues) => contactSpec[field].label;
