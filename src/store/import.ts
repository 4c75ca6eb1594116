/**
 * Writing a confirmed import: new people created and matched people merged in
 * one transaction under one 'import' origin, so the whole import can be undone
 * as one step. The plan comes from `planImport` (src/io/match.ts); the merge is
 * re-checked against each person as it is now, so an edit made between preview
 * and confirm is kept, never overwritten.
 */
import type * as Y from 'yjs';
import type { ActionId, ContactId } from '../model/index.ts';
import type { ContactDraft } from '../io/types.ts';
import { patchFor, type ChosenImport, type ImportPlan } from '../io/match.ts';
import { createMany, readOne, update } from './entities.ts';
import { runUndoable, type Undoable } from './undo.ts';

export interface ImportResult {
  created: ContactId[];
  updated: ContactId[];
  /** Actions planned to congratulate someone on a new role or organisation. */
  planned: ActionId[];
  /** Entries the document refused (should not happen: drafts are checked when parsed). */
  rejected: { line: number; reason: string }[];
}

const reasonOf = (errors: { message: string }[]) => errors.map((e) => e.message).join(' ');

export function applyImport(doc: Y.Doc, chosen: ImportPlan | ChosenImport, now: Date = new Date()): Undoable<ImportResult> {
  const { plan, congratulations } = 'plan' in chosen ? chosen : { plan: chosen, congratulations: [] };
  return runUndoable(doc, 'import', (origin) => {
    const result: ImportResult = { created: [], updated: [], planned: [], rejected: [] };
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
        const patch = patchFor(current, match.changes, now);
        if (Object.keys(patch).length === 0) continue;
        const r = update(doc, 'contacts', match.existingId, patch, origin, now);
        if (r.ok) result.updated.push(match.existingId);
        else result.rejected.push({ line: match.draft.line, reason: r.error.type === 'invalid' ? reasonOf(r.error.errors) : 'The person was not found.' });
      }
      const made = createMany(doc, 'contacts', toCreate.map((d) => d.values), origin, now);
      for (const c of made.created) result.created.push(c.id);
      for (const r of made.rejected) result.rejected.push({ line: toCreate[r.index]?.line ?? 0, reason: reasonOf(r.errors) });
      const actions = congratulations.map((c) => ({ title: c.title, contactId: c.contactId, dueOn: c.dueOn }));
      for (const a of createMany(doc, 'actions', actions, origin, now).created) result.planned.push(a.id);
    }, origin);
    return result;
  });
}
