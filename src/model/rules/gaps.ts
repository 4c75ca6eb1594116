/**
 * Step 4: every gap in the network, computed from the data, never kept by hand.
 * A gap goes away by itself when the data no longer produces it (a person is
 * linked to the objective), and is marked closed when an action planned from it
 * (carrying its key) is done. An action the user tied to an objective by hand
 * (no gap key) counts for every gap of that objective in the same way, so "Go to
 * the Climate Week meetup", done, closes the gap it was meant for; a closed gap
 * keeps its sentence, which says what remains.
 */
import type { ActionId, ObjectiveId } from '../ids.ts';
import { coverageGrid, type CoverageGrid } from './coverage.ts';
import { GAP_KINDS, type FoundGap, type Gap, type GapKind } from './gap-types.ts';
import { communityGaps } from './gaps-communities.ts';
import { objectiveGaps } from './gaps-objectives.ts';
import { peopleGaps } from './gaps-people.ts';
import { preparingPlan, type PlanContext, type PlanInput } from './plan-context.ts';
import { runAtOnce, runInSlices } from './slices.ts';

export interface GapReport {
  /** Open and planned gaps, the most important kinds first. */
  gaps: Gap[];
  /** Gaps whose planned action is done: the page hides them, or shows them as closed. */
  closed: Gap[];
  coverage: CoverageGrid;
  /** With `limitPerKind`: how many more gaps of a kind there are than were listed. */
  notListed: Partial<Record<GapKind, number>>;
}

export function gapsOf(ctx: PlanContext, notListed: Partial<Record<GapKind, number>> = {}): Gap[] {
  return runAtOnce(findingGaps(ctx, notListed));
}

/** Gaps found per step of `findingGaps` when they are completed with their actions. */
const GAPS_PER_STEP = 500;

function* findingGaps(ctx: PlanContext, notListed: Partial<Record<GapKind, number>>): Generator<void, Gap[]> {
  const limit = ctx.input.limitPerKind ?? Infinity;
  const found: FoundGap[] = objectiveGaps(ctx);
  yield;
  found.push(...peopleGaps(ctx, limit, notListed));
  yield;
  found.push(...communityGaps(ctx));
  yield;
  const byKey = new Map<string, { open: ActionId[]; done: ActionId[] }>();
  const add = (key: string, a: (typeof ctx.input.actions)[number]) => {
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { open: [], done: [] }));
    (a.status === 'done' ? entry.done : entry.open).push(a.id);
  };
  for (const a of ctx.input.actions) {
    if (a.deletedAt !== null || a.status === 'dropped') continue;
    if (a.gapKey !== '') add(a.gapKey, a);
    else if (a.objectiveId !== null) add(objectiveKey(a.objectiveId), a);
  }
  // Grouped by kind, the most important first; within a kind, the order each rule gives
  // (most overdue, widest gap, objectives and communities as listed).
  const buckets = new Map<string, Gap[]>(GAP_KINDS.map((k) => [k, []]));
  let n = 0;
  for (const item of found) {
    if (++n % GAPS_PER_STEP === 0) yield;
    // The rules made these objects for this call alone: completing them in place saves a copy of each.
    const gap = item as Gap;
    const own = byKey.get(gap.key);
    const tied =
      gap.objectiveId !== undefined && OBJECTIVE_KINDS.has(gap.kind)
        ? byKey.get(objectiveKey(gap.objectiveId))
        : undefined;
    const planned =
      tied === undefined
        ? own
        : own === undefined
          ? tied
          : { open: [...own.open, ...tied.open], done: [...own.done, ...tied.done] };
    gap.status =
      planned === undefined ? 'open' : planned.done.length ? 'closed' : planned.open.length ? 'planned' : 'open';
    gap.actionIds = planned ? [...planned.open, ...planned.done] : [];
    buckets.get(gap.kind)?.push(gap);
  }
  return ([] as Gap[]).concat(...buckets.values());
}

/** Gaps about an objective, which actions tied to it by hand count towards. */
const OBJECTIVE_KINDS = new Set<GapKind>(['objective-uncovered', 'objective-cold', 'community-kind-missing']);
/** Where hand-tied actions are filed; no rule makes a key of this shape. */
const objectiveKey = (id: ObjectiveId) => `tied-to-objective:${id}`;

export function computeGaps(input: PlanInput): GapReport {
  return runAtOnce(computingGaps(input));
}

/**
 * The same report in time slices, `pause` awaited between them, so a page can show its
 * frame at once and the gaps a moment later without one long task (a network of 7,000
 * people is a few hundred milliseconds of work on a phone).
 */
export function computeGapsInSlices(
  input: PlanInput,
  pause: () => Promise<void>,
  sliceMs?: number,
): Promise<GapReport> {
  return runInSlices(computingGaps(input), pause, sliceMs);
}

/** computeGaps as steps: it yields between the passes, and within those over people or gaps. */
export function* computingGaps(input: PlanInput): Generator<void, GapReport> {
  const ctx = yield* preparingPlan(input);
  const notListed: Partial<Record<GapKind, number>> = {};
  const all = yield* findingGaps(ctx, notListed);
  yield;
  return {
    gaps: all.filter((g) => g.status !== 'closed'),
    closed: all.filter((g) => g.status === 'closed'),
    coverage: coverageGrid(ctx),
    notListed,
  };
}
