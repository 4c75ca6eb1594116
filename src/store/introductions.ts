/**
 * Introductions in the document: starting one, moving it to made (which writes
 * its give-and-take entries in the same transaction), its outcome, and the
 * follow-up with both sides. Each step is one undoable operation.
 */
import type * as Y from 'yjs';
import {
  checkIntroductionSides,
  introductionFollowUp,
  introductionLedger,
  madePatch,
  outcomePatch,
  type IntroductionProblem,
  type LedgerSlot,
} from '../model/rules/index.ts';
import {
  makeEntity,
  err,
  ledgerSpec,
  ok,
  type ContactId,
  type Introduction,
  type IntroductionId,
  type IntroductionOutcome,
  type IntroductionStage,
  type IsoDate,
  type LedgerEntryId,
  type Result,
} from '../model/index.ts';
import { add, readOne, toEntryMap, update, type WriteError } from './entities.ts';
import type { Origin } from './origin.ts';
import { collectionMap } from './shape.ts';
import { runUndoable, type Undoable } from './undo.ts';

export type IntroductionWriteError = WriteError | { type: 'problem'; problem: IntroductionProblem };

/**
 * The id of an introduction's ledger entry: fixed by the introduction and the
 * entry's slot, so two devices that both mark it made write the same entries,
 * which merge into one each instead of counting twice.
 */
function introductionLedgerId(id: IntroductionId, slot: LedgerSlot): LedgerEntryId {
  return `${id.slice(0, 60)}-${slot === 'introducer' ? 'in' : slot}` as LedgerEntryId;
}

const nameReader = (doc: Y.Doc) => (id: ContactId) => readOne(doc, 'contacts', id)?.name ?? 'someone';

export interface NewIntroduction {
  personAId: ContactId;
  personBId: ContactId;
  introducerId?: ContactId | null;
  stage?: IntroductionStage;
  notes?: string;
}

/** Starts an introduction (asked, by default, today); made at once, it writes give and take too. */
export function startIntroduction(
  doc: Y.Doc,
  draft: NewIntroduction,
  today: IsoDate,
  now = new Date(),
): Result<Undoable<Introduction>, IntroductionWriteError> {
  const introducerId = draft.introducerId ?? null;
  const sides = checkIntroductionSides(draft.personAId, draft.personBId, introducerId);
  if (!sides.ok) return err({ type: 'problem', problem: sides.error });
  const stage = draft.stage ?? 'asked';
  const values = {
    personAId: draft.personAId,
    personBId: draft.personBId,
    introducerId,
    stage,
    askedOn: stage === 'asked' ? today : null,
    on: stage === 'made' ? today : null,
    notes: draft.notes ?? '',
  };
  return writeWithLedger(doc, now, (origin) => add(doc, 'introductions', values, origin, now), {
    type: 'invalid',
    errors: [],
  });
}

/** Moves an asked introduction to made, with its give-and-take entries, as one undoable step. */
export function markIntroductionMade(
  doc: Y.Doc,
  id: IntroductionId,
  today: IsoDate,
  now = new Date(),
): Result<Undoable<Introduction>, IntroductionWriteError> {
  const intro = readOne(doc, 'introductions', id);
  if (intro === null) return err({ type: 'not-found', id });
  const patch = madePatch(intro, today);
  if (!patch.ok) return err({ type: 'problem', problem: patch.error });
  return writeWithLedger(doc, now, (origin) => update(doc, 'introductions', id, patch.value, origin, now), {
    type: 'not-found',
    id,
  });
}

/**
 * Writes an introduction (`write`) and the give-and-take entries it puts in the
 * ledger, in one transaction and one undoable step; nothing is kept if the write fails.
 */
function writeWithLedger(
  doc: Y.Doc,
  now: Date,
  write: (origin: Origin) => Result<Introduction, WriteError>,
  otherwise: IntroductionWriteError,
): Result<Undoable<Introduction>, IntroductionWriteError> {
  let failed: WriteError | null = null;
  const op = runUndoable(doc, 'local', (origin) => {
    let made: Introduction | null = null;
    doc.transact(() => {
      const r = write(origin);
      if (!r.ok) return void (failed = r.error);
      made = r.value;
      writeLedger(doc, r.value, now);
    }, origin);
    return made as Introduction | null;
  });
  if (failed !== null || op.result === null) {
    op.forget();
    return err(failed ?? otherwise);
  }
  return ok(op as Undoable<Introduction>);
}

/** Writes the entries a made introduction puts in give and take; an entry already there (another device's) is kept as it is. */
function writeLedger(doc: Y.Doc, intro: Introduction, now: Date): void {
  const map = collectionMap(doc, 'ledger');
  for (const { slot, ...draft } of introductionLedger(intro, nameReader(doc))) {
    const id = introductionLedgerId(intro.id, slot);
    if (map.has(id)) continue;
    const entry = makeEntity<typeof ledgerSpec, LedgerEntryId>(ledgerSpec, draft, now, id);
    if (entry.ok) map.set(id, toEntryMap(entry.value as unknown as Record<string, unknown>));
  }
}

/** Records how it went ('' takes it back), undoably. */
export function setIntroductionOutcome(
  doc: Y.Doc,
  id: IntroductionId,
  outcome: IntroductionOutcome,
  today: IsoDate,
  now = new Date(),
): Result<Undoable<Introduction>, IntroductionWriteError> {
  const intro = readOne(doc, 'introductions', id);
  if (intro === null) return err({ type: 'not-found', id });
  const patch = outcomePatch(intro, outcome, today);
  if (!patch.ok) return err({ type: 'problem', problem: patch.error });
  const op = runUndoable(doc, 'local', (origin) => update(doc, 'introductions', id, patch.value, origin, now));
  if (!op.result.ok) {
    op.forget();
    return err(op.result.error);
  }
  const value = op.result.value;
  return ok({ result: value, undo: op.undo, forget: op.forget });
}

/**
 * The follow-up offered once made: an interaction with both sides on the day
 * it was made, its follow-up due a week later, so Today brings both up.
 */
export function followUpIntroduction(
  doc: Y.Doc,
  id: IntroductionId,
  now = new Date(),
): Result<Undoable<IsoDate>, IntroductionWriteError> {
  const intro = readOne(doc, 'introductions', id);
  if (intro === null) return err({ type: 'not-found', id });
  const plan = introductionFollowUp(intro, nameReader(doc));
  if (plan === null) return err({ type: 'problem', problem: { type: 'NotMadeYet' } });
  const at = now.toISOString().slice(0, 10) === plan.on ? now.toISOString() : `${plan.on}T12:00:00.000Z`;
  const op = runUndoable(doc, 'local', (origin) =>
    add(
      doc,
      'interactions',
      { at, contactIds: plan.contactIds, channel: 'email', notes: plan.notes, followUpOn: plan.followUpOn },
      origin,
      now,
    ),
  );
  if (!op.result.ok) {
    op.forget();
    return err(op.result.error);
  }
  return ok({ result: plan.followUpOn, undo: op.undo, forget: op.forget });
}
