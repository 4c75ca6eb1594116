/**
 * The UI's one door to the store's writes. Each write goes to this space's document
 * and answers the one way the app reports a failed write: `problem` is null when it
 * was stored, or the sentence saying why not (a field's `Commit`, a form's error
 * line). Components choose where the sentence shows — beside the field, under the
 * form, in a toast — never how it is worded: that is decided here, once.
 */
import type {
  CollectionName,
  collectionSpecs,
  Draft,
  EntityOf,
  FieldError,
  IdOf,
  Interaction,
  interactionSpec,
  InteractionId,
  Introduction,
  IntroductionId,
  IntroductionOutcome,
  IsoDate,
  Me,
  Result,
} from '../model/index.ts';
import { describeIntroductionProblem } from '../model/rules/index.ts';
import {
  add,
  followUpIntroduction,
  logInteraction,
  markIntroductionMade,
  moveToTrash,
  restoreFromTrash,
  runUndoable,
  setIntroductionOutcome,
  startIntroduction,
  update,
  updateMe,
  type IntroductionWriteError,
  type NewIntroduction,
  type Origin,
  type Undoable,
  type WriteError,
} from '../store/index.ts';
import type { Commit } from './components/fields.tsx';
import { useSpace } from './space.tsx';

/** A write's answer: its value when stored, or the sentence for the person when not. */
export type Written<T> = { ok: true; value: T; problem: null } | { ok: false; problem: string };

type DraftOf<C extends CollectionName> = Draft<(typeof collectionSpecs)[C]>;

/** The sentences of invalid fields; those of `field` alone when it has some, so a field shows its own. */
function fieldProblems(errors: readonly FieldError[], field?: string): string {
  const own = field ? errors.filter((e) => e.field === field) : [];
  return (own.length ? own : errors).map((e) => e.message).join(' ');
}

function describe(error: WriteError | IntroductionWriteError, field?: string): string {
  if (error.type === 'problem') return describeIntroductionProblem(error.problem);
  if (error.type === 'not-found') return 'This was deleted on another device.';
  return fieldProblems(error.errors, field);
}

function written<T, E>(r: Result<T, E>, say: (error: E) => string): Written<T> {
  return r.ok ? { ok: true, value: r.value, problem: null } : { ok: false, problem: say(r.error) };
}

const said = <T>(r: Result<T, WriteError | IntroductionWriteError>, field?: string) =>
  written(r, (e) => describe(e, field));

/** The store's writes for the space in context; call it during a component's set-up. */
export function useWrites() {
  const { doc } = useSpace();
  return {
    add: <C extends CollectionName>(collection: C, draft: DraftOf<C>, origin?: Origin): Written<EntityOf[C]> =>
      said(add(doc, collection, draft, origin)),

    update: <C extends CollectionName>(
      collection: C,
      id: IdOf<C>,
      patch: DraftOf<C>,
      origin?: Origin,
    ): Written<EntityOf[C]> => said(update(doc, collection, id, patch, origin)),

    /** An edit-in-place commit for one field of one entity: its problem is that field's own when it has one. */
    field:
      <C extends CollectionName, K extends keyof DraftOf<C> & string>(
        collection: C,
        id: () => IdOf<C>,
        key: K,
      ): Commit<Exclude<DraftOf<C>[K], undefined>> =>
      (value) =>
        said(update(doc, collection, id(), { [key]: value } as DraftOf<C>), key).problem,

    /** The same for a field of the user's own card. */
    meField:
      <K extends keyof Me>(key: K): Commit<Me[K]> =>
      (value) =>
        written(updateMe(doc, { [key]: value } as Partial<Me>), (errors) => fieldProblems(errors, key)).problem,

    trash: <C extends CollectionName>(collection: C, id: IdOf<C>): boolean => moveToTrash(doc, collection, id),
    restore: <C extends CollectionName>(collection: C, id: IdOf<C>): boolean => restoreFromTrash(doc, collection, id),

    logInteraction: (
      draft: Draft<typeof interactionSpec>,
      followUps: { close: readonly InteractionId[]; keepOpen: readonly InteractionId[] },
    ): Written<Interaction> => said(logInteraction(doc, draft, followUps)),

    /** Several writes taken back by one Undo. */
    undoable: <T>(operation: (origin: Origin) => T): Undoable<T> => runUndoable(doc, 'local', operation),

    startIntroduction: (draft: NewIntroduction, today: IsoDate): Written<Undoable<Introduction>> =>
      said(startIntroduction(doc, draft, today)),
    markIntroductionMade: (id: IntroductionId, today: IsoDate): Written<Undoable<Introduction>> =>
      said(markIntroductionMade(doc, id, today)),
    setIntroductionOutcome: (
      id: IntroductionId,
      outcome: IntroductionOutcome,
      today: IsoDate,
    ): Written<Undoable<Introduction>> => said(setIntroductionOutcome(doc, id, outcome, today)),
    followUpIntroduction: (id: IntroductionId): Written<Undoable<IsoDate>> => said(followUpIntroduction(doc, id)),
  };
}
