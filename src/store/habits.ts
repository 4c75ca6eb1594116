/**
 * The daily habits' writes that change several entries at once, each as one transaction so
 * that one Undo takes it back and no other device sees half of it.
 */
import type * as Y from 'yjs';
import type { ContactId, Draft, Interaction, InteractionId, interactionSpec, Result } from '../model/index.ts';
import type { FollowUpPlan, SnoozeChanges } from '../model/rules/index.ts';
import { add, update, type WriteError } from './entities.ts';
import { LOCAL, type Origin } from './origin.ts';

/** Writes what snoozing a Today item changes (see snoozeChanges). */
export function applySnooze(doc: Y.Doc, changes: SnoozeChanges, origin: Origin = LOCAL): void {
  doc.transact(() => {
    for (const c of changes.contacts) update(doc, 'contacts', c.id, { snoozedUntil: c.snoozedUntil }, origin);
    for (const f of changes.followUps) update(doc, 'interactions', f.id, { followUpOn: f.followUpOn }, origin);
    for (const a of changes.actions) update(doc, 'actions', a.id, { dueOn: a.dueOn }, origin);
    for (const p of changes.promises) update(doc, 'ledger', p.id, { on: p.on }, origin);
  }, origin);
}

/**
 * Logs an interaction and settles the follow-ups it answers (followUpsClosedBy): those in
 * `close` are marked done, those the user chose to keep open are marked so, with the new
 * interaction's time, and only a later interaction closes them.
 */
export function logInteraction(
  doc: Y.Doc,
  draft: Draft<typeof interactionSpec>,
  followUps: { close: readonly InteractionId[]; keepOpen: readonly InteractionId[] },
  origin: Origin = LOCAL,
  now = new Date(),
): Result<Interaction, WriteError> {
  let result!: Result<Interaction, WriteError>;
  doc.transact(() => {
    result = add(doc, 'interactions', draft, origin, now);
    if (!result.ok) return;
    const at = result.value.at;
    for (const id of followUps.close) update(doc, 'interactions', id, { followUpDone: true }, origin, now);
    for (const id of followUps.keepOpen) update(doc, 'interactions', id, { followUpKeptOpenAt: at }, origin, now);
  }, origin);
  return result;
}

/** Writes a follow-up planned from a person's page (see planFollowUp). */
export function applyFollowUpPlan(
  doc: Y.Doc,
  contactId: ContactId,
  plan: FollowUpPlan,
  origin: Origin = LOCAL,
): boolean {
  if (plan.kind === 'on-interaction')
    return update(
      doc,
      'interactions',
      plan.interactionId,
      { followUpOn: plan.dueOn, followUpDone: false, followUpKeptOpenAt: null },
      origin,
    ).ok;
  return add(doc, 'actions', { title: plan.title, dueOn: plan.dueOn, contactId }, origin).ok;
}
