/**
 * Merging two records of one person, as one undoable operation: the kept record
 * takes the merged values, everything that pointed at the other record points
 * at the kept one, and the other record moves to the Trash marked as merged.
 * Undo takes all of it back exactly, leaving other edits made since in place.
 */
import * as Y from 'yjs';
import { err, ok, type CollectionName, type ContactId, type Result } from '../model/index.ts';
import { mergeContacts, mergePatch, type MergeLabels } from '../model/rules/merge.ts';
import { mergePlanValues, type PlanCollection, type PlanItemOf } from '../model/rules/plan-duplicates.ts';
import { moveToTrash, readOne, update, type WriteError } from './entities.ts';
import type { Origin } from './origin.ts';
import { collectionMap, entryField, initialTextMayHold } from './shape.ts';
import { runUndoable, type Undoable } from './undo.ts';

type MergeError =
  | { type: 'same-person' }
  | { type: 'not-found'; id: ContactId }
  | { type: 'already-merged'; id: ContactId }
  /** The person to keep is in the Trash: restore them first, or keep the other. */
  | { type: 'in-trash'; id: ContactId }
  | { type: 'invalid'; error: WriteError };

interface MergeOutcome {
  keepId: ContactId;
  dropId: ContactId;
  /** How many interactions, ledger entries, introductions, actions, people and stakeholder positions now point at the kept record. */
  repointed: {
    interactions: number;
    ledger: number;
    introductions: number;
    actions: number;
    contacts: number;
    stakes: number;
  };
}

export function mergeContactsInDoc(
  doc: Y.Doc,
  keepId: ContactId,
  dropId: ContactId,
  opts: { now?: Date; labels?: MergeLabels } = {},
): Result<Undoable<MergeOutcome>, MergeError> {
  if (keepId === dropId) return err({ type: 'same-person' });
  const keep = readOne(doc, 'contacts', keepId);
  const drop = readOne(doc, 'contacts', dropId);
  if (!keep) return err({ type: 'not-found', id: keepId });
  if (!drop) return err({ type: 'not-found', id: dropId });
  if (keep.mergedIntoId !== null) return err({ type: 'already-merged', id: keepId });
  if (drop.mergedIntoId !== null) return err({ type: 'already-merged', id: dropId });
  if (keep.deletedAt !== null) return err({ type: 'in-trash', id: keepId });
  const now = opts.now ?? new Date();
  const patch = mergePatch(keep, mergeContacts(keep, drop, opts.labels));

  let failure: WriteError | null = null;
  const undoable = runUndoable(doc, 'merge', (origin) => {
    let repointed = { interactions: 0, ledger: 0, introductions: 0, actions: 0, contacts: 0, stakes: 0 };
    doc.transact(() => {
      const written = update(doc, 'contacts', keepId, patch, origin, now);
      if (!written.ok) {
        failure = written.error;
        return;
      }
      markMerged(doc, dropId, keepId, origin, now);
      repointed = repointPeople(doc, new Map([[dropId, keepId]]), now);
    }, origin);
    return { keepId, dropId, repointed };
  });
  if (failure !== null) {
    undoable.forget();
    return err({ type: 'invalid', error: failure });
  }
  return ok(undoable);
}

interface MergeGroup {
  keepId: ContactId;
  dropIds: ContactId[];
}

/**
 * Merges several groups of records at once, as one undoable step ("merge all
 * sure matches"): each group's other records into its kept one, in turn, then
 * every reference repointed in one pass over each collection, however many
 * were merged. Records gone, merged or in the Trash since are skipped.
 */
export function mergeContactGroupsInDoc(
  doc: Y.Doc,
  groups: readonly MergeGroup[],
  opts: { now?: Date; labels?: MergeLabels } = {},
): Undoable<{ merged: number }> {
  const now = opts.now ?? new Date();
  return runUndoable(doc, 'merge', (origin) => {
    const into = new Map<ContactId, ContactId>();
    doc.transact(() => {
      for (const { keepId, dropIds } of groups) {
        for (const dropId of dropIds) {
          const keep = readOne(doc, 'contacts', keepId);
          const drop = readOne(doc, 'contacts', dropId);
          if (
            !keep ||
            !drop ||
            keepId === dropId ||
            keep.deletedAt !== null ||
            keep.mergedIntoId !== null ||
            drop.deletedAt !== null ||
            drop.mergedIntoId !== null
          )
            continue;
          if (
            !update(doc, 'contacts', keepId, mergePatch(keep, mergeContacts(keep, drop, opts.labels)), origin, now).ok
          )
            continue;
          markMerged(doc, dropId, keepId, origin, now);
          into.set(dropId, keepId);
        }
      }
      if (into.size) repointPeople(doc, into, now);
    }, origin);
    return { merged: into.size };
  });
}

/**
 * `mergeContactGroupsInDoc` a few groups at a time, with the event loop free
 * between steps, so merging hundreds of pairs never freezes the screen; one
 * `undo` takes every step back, newest first.
 */
export async function mergeContactGroupsInSteps(
  doc: Y.Doc,
  groups: readonly MergeGroup[],
  options: {
    stepSize?: number;
    pause?: () => Promise<void>;
    onProgress?: (done: number, total: number) => void;
    now?: Date;
  } = {},
): Promise<Undoable<{ merged: number }>> {
  const {
    stepSize = 40,
    pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    onProgress,
    now = new Date(),
  } = options;
  const parts: Undoable<{ merged: number }>[] = [];
  for (let i = 0; i < groups.length; i += stepSize) {
    if (i > 0) await pause();
    parts.push(mergeContactGroupsInDoc(doc, groups.slice(i, i + stepSize), { now }));
    onProgress?.(Math.min(i + stepSize, groups.length), groups.length);
  }
  return {
    result: { merged: parts.reduce((n, p) => n + p.result.merged, 0) },
    undo() {
      let undone = false;
      for (const part of parts.slice().reverse()) undone = part.undo() || undone;
      return undone;
    },
    forget: () => parts.forEach((p) => p.forget()),
  };
}

function markMerged(doc: Y.Doc, dropId: ContactId, keepId: ContactId, origin: Origin, now: Date): void {
  update(doc, 'contacts', dropId, { mergedIntoId: keepId }, origin, now);
  moveToTrash(doc, 'contacts', dropId, origin, now);
}

/** Points everything that named a merged record (`into`: merged → kept) at the kept one. */
function repointPeople(doc: Y.Doc, into: ReadonlyMap<string, string>, now: Date): MergeOutcome['repointed'] {
  // The merged records and those they went into keep their own "introduced by" as the merge wrote it.
  const involved = new Set<string>([...into.keys(), ...into.values()]);
  return {
    interactions: repoint(doc, 'interactions', ['contactIds'], into, now),
    ledger: repoint(doc, 'ledger', ['contactId'], into, now),
    introductions: repoint(doc, 'introductions', ['introducerId', 'personAId', 'personBId'], into, now),
    actions: repoint(doc, 'actions', ['contactId'], into, now),
    contacts: repoint(doc, 'contacts', ['introducedById'], into, now, involved),
    // Where both had a place on one objective's grid, both entries stay; the one changed last (this one) shows.
    stakes: repoint(doc, 'stakes', ['contactId'], into, now),
  };
}

/**
 * Rewrites `fields` of every entry that names a merged id (`into`: merged →
 * kept). Raw entries are scanned (checking shape, not trusting it) so 50,000
 * interactions cost one pass however many records were merged, and only the
 * entries that change are written, field by field. The enclosing transaction
 * carries the merge's origin.
 */
function repoint(
  doc: Y.Doc,
  collection: CollectionName,
  fields: readonly string[],
  into: ReadonlyMap<string, string>,
  now: Date,
  skip: ReadonlySet<string> = new Set(),
): number {
  let count = 0;
  // For a few ids, a look at each entry's stored text spares parsing those that cannot name them.
  const few = into.size <= 8 ? [...into.keys()] : null;
  collectionMap(doc, collection).forEach((entry, key) => {
    if (skip.has(key) || !(entry instanceof Y.Map)) return;
    let touched = false;
    for (const field of fields) {
      if (few && !entry.has(field) && !initialTextMayHold(entry, few)) continue;
      const value = entryField(entry, field);
      if (typeof value === 'string' && into.has(value)) {
        entry.set(field, into.get(value));
        touched = true;
      } else if (Array.isArray(value) && value.some((v) => into.has(v))) {
        const next: unknown[] = [];
        for (const v of value) {
          const id = into.get(v) ?? v;
          if (!next.includes(id)) next.push(id);
        }
        entry.set(field, next);
        touched = true;
      }
    }
    if (touched) {
      entry.set('updatedAt', now.toISOString());
      count++;
    }
  });
  return count;
}

/** Where each kind of plan item is pointed at from: collection → fields. */
const PLAN_REFERENCES: Record<PlanCollection, [CollectionName, string[]][]> = {
  objectives: [
    ['contacts', ['objectiveIds']],
    ['actions', ['objectiveId']],
    ['stakes', ['objectiveId']],
  ],
  offers: [],
  communities: [
    ['contacts', ['communityIds']],
    ['offers', ['communityIds']],
    ['actions', ['communityId']],
  ],
  events: [
    ['contacts', ['metEventId']],
    ['interactions', ['eventId']],
  ],
};

interface PlanMergeRequest {
  collection: PlanCollection;
  keepId: string;
  dropId: string;
}

/**
 * Merges objectives, offers, communities or events entered twice, as one undoable step: the kept
 * one takes what only the other had, every link to the other points at the kept one, and the other
 * moves to the Trash marked as merged. Pairs that no longer apply (one of them gone, merged or in
 * the Trash) are skipped; the result says how many were merged.
 */
export function mergePlanItemsInDoc(
  doc: Y.Doc,
  requests: readonly PlanMergeRequest[],
  now = new Date(),
): Undoable<{ merged: number }> {
  return runUndoable(doc, 'merge', (origin) => {
    let merged = 0;
    doc.transact(() => {
      for (const { collection, keepId, dropId } of requests) {
        if (keepId === dropId) continue;
        const keep = readOne(doc, collection, keepId as never) as PlanItemOf[typeof collection] | null;
        const drop = readOne(doc, collection, dropId as never) as PlanItemOf[typeof collection] | null;
        if (
          !keep ||
          !drop ||
          keep.deletedAt !== null ||
          drop.deletedAt !== null ||
          keep.mergedIntoId !== null ||
          drop.mergedIntoId !== null
        )
          continue;
        const patch = mergePlanValues(collection, keep, drop);
        if (Object.keys(patch).length > 0 && !update(doc, collection, keepId as never, patch as never, origin, now).ok)
          continue;
        for (const [target, fields] of PLAN_REFERENCES[collection])
          repoint(doc, target, fields, new Map([[dropId, keepId]]), now);
        update(doc, collection, dropId as never, { mergedIntoId: keepId } as never, origin, now);
        moveToTrash(doc, collection, dropId as never, origin, now);
        merged++;
      }
    }, origin);
    return { merged };
  });
}
