/**
 * Writing a confirmed import: new people created and matched people merged in
 * one transaction under one 'import' origin, so the whole import can be undone
 * as one step. The plan comes from `planImport` (src/io/match.ts); the merge is
 * re-checked against each person as it is now, so an edit made between preview
 * and confirm is kept, never overwritten. Communities the file names are found
 * here by name, or created, in the same step.
 */
import type * as Y from 'yjs';
import type { ActionId, CommunityId, ContactId } from '../model/index.ts';
import type { ContactDraft } from '../io/types.ts';
import { communityKey, communityNamer } from '../io/community-names.ts';
import { patchFor, type ChosenImport, type FieldChange, type ImportPlan } from '../io/match.ts';
import { add, addMany, readAll, readOne, update } from './entities.ts';
import type { Origin } from './origin.ts';
import { runUndoable, type Undoable } from './undo.ts';

export interface ImportResult {
  created: ContactId[];
  updated: ContactId[];
  /** Actions planned to congratulate someone on a new role or organisation. */
  planned: ActionId[];
  /** Communities the file named that were not here. */
  communities: CommunityId[];
  /** Entries the document refused (should not happen: drafts are checked when parsed). */
  rejected: { line: number; reason: string }[];
}

const reasonOf = (errors: { message: string }[]) => errors.map((e) => e.message).join(' ');

export function applyImport(
  doc: Y.Doc,
  chosen: ImportPlan | ChosenImport,
  now: Date = new Date(),
): Undoable<ImportResult> {
  const { plan, congratulations } = 'plan' in chosen ? chosen : { plan: chosen, congratulations: [] };
  return runUndoable(doc, 'import', (origin) => {
    const result: ImportResult = { created: [], updated: [], planned: [], communities: [], rejected: [] };
    // One transaction: observers see the import once, and undo takes it back at once.
    doc.transact(() => {
      const communityIds = communityFinder(doc, origin, now, result.communities);
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
        const joined = communityIds(
          match.changes
            .filter((c): c is FieldChange & { kind: 'add' } => c.field === 'communityIds' && c.kind === 'add')
            .flatMap((c) => c.value),
        );
        const communities = [...new Set([...current.communityIds, ...joined])];
        if (communities.length !== current.communityIds.length) patch.communityIds = communities;
        if (Object.keys(patch).length === 0) continue;
        const r = update(doc, 'contacts', match.existingId, patch, origin, now);
        if (r.ok) result.updated.push(match.existingId);
        else
          result.rejected.push({
            line: match.draft.line,
            reason: r.error.type === 'invalid' ? reasonOf(r.error.errors) : 'The person was not found.',
          });
      }
      const made = addMany(
        doc,
        'contacts',
        toCreate.map((d) =>
          d.communities?.length ? { ...d.values, communityIds: communityIds(d.communities) } : d.values,
        ),
        origin,
        now,
      );
      for (const c of made.created) result.created.push(c.id);
      for (const r of made.rejected)
        result.rejected.push({ line: toCreate[r.index]?.line ?? 0, reason: reasonOf(r.errors) });
      const actions = congratulations.map((c) => ({ title: c.title, contactId: c.contactId, dueOn: c.dueOn }));
      for (const a of addMany(doc, 'actions', actions, origin, now).created) result.planned.push(a.id);
    }, origin);
    return result;
  });
}

/**
 * Community ids for names, within one import step: a live community here that
 * answers to the name (case, accents and punctuation aside), else one created
 * now (kind "other") and reported in `created`.
 */
function communityFinder(
  doc: Y.Doc,
  origin: Origin,
  now: Date,
  created: CommunityId[],
): (names: readonly string[]) => CommunityId[] {
  let byKey: Map<string, CommunityId> | null = null;
  const known = () => {
    if (byKey) return byKey;
    const all = readAll(doc, 'communities').items;
    const name = communityNamer(all);
    byKey = new Map();
    // Oldest first, so a name two communities share goes to the older one, as plan items are matched.
    for (const c of [...all].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
      const key = communityKey(c.name);
      if (name(c.id) !== undefined && !byKey.has(key)) byKey.set(key, c.id);
    }
    return byKey;
  };
  return (names) =>
    names.flatMap((n) => {
      const key = communityKey(n);
      const found = known().get(key);
      if (found) return [found];
      const made = add(doc, 'communities', { name: n.trim() }, origin, now);
      if (!made.ok) return [];
      known().set(key, made.value.id);
      created.push(made.value.id);
      return [made.value.id];
    });
}
