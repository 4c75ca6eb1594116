/**
 * What the plan's analyses (coverage, gaps, structure) share, worked out once:
 * the live people, communities and objectives, today in the user's zone, and
 * the last contact with each person.
 */
import type { Interaction, Introduction, LedgerEntry } from '../activity.ts';
import type { Community } from '../community.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate, IsoDateTime } from '../fields.ts';
import type { CommunityId, ContactId, ObjectiveId } from '../ids.ts';
import { COMMUNITY_KINDS } from '../community.ts';
import type { Action, Objective, Offer } from '../plan.ts';
import { instantMs, localDay, type Instant } from './dates.ts';
import { lastContactByPerson, lastContactDayByPerson, lastTouchDayByPerson, type DayLookup } from './history.ts';
import { isActivePerson, makeIdResolver } from './people-status.ts';
import { runAtOnce, runInSlices } from './slices.ts';

export interface PlanInput {
  contacts: readonly Contact[];
  communities: readonly Community[];
  objectives: readonly Objective[];
  offers: readonly Offer[];
  interactions: readonly Interaction[];
  actions: readonly Action[];
  ledger: readonly LedgerEntry[];
  introductions?: readonly Introduction[];
  now: Instant;
  timeZone: string;
  /** As in TodayInput: pass it when already computed, to skip a pass over the interactions. */
  lastContact?: ReadonlyMap<ContactId, IsoDateTime>;
  /**
   * Lapsed rhythms and one-sided relationships can number thousands: list at
   * most this many of each (the most pressing) and count the rest (GapReport.notListed).
   */
  limitPerKind?: number;
}

export interface PlanContext {
  input: PlanInput;
  today: IsoDate;
  people: Map<ContactId, Contact>;
  resolve: (id: ContactId) => ContactId;
  /** Live communities, by kind (in the model's order) then name. */
  communities: Community[];
  communityById: Map<CommunityId, Community>;
  /** Objectives still being worked on (status active). */
  objectives: Objective[];
  /** The last day in touch with each person; meeting them counts (lastTouchDayByPerson). */
  lastContactDay: DayLookup;
  /** People linked to each objective ("can help with"). */
  helpers: Map<ObjectiveId, Contact[]>;
  /** Active members of each community. */
  members: Map<CommunityId, Contact[]>;
}

const kindOrder = new Map<string, number>(COMMUNITY_KINDS.map((k, i) => [k, i]));
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** People per step of `preparingPlan`: a step stays a few milliseconds on a phone. */
const PEOPLE_PER_STEP = 1000;

export function preparePlan(input: PlanInput): PlanContext {
  return runAtOnce(preparingPlan(input));
}

/** preparePlan in time slices (see runInSlices), `pause` awaited between them. */
export function preparePlanInSlices(
  input: PlanInput,
  pause: () => Promise<void>,
  sliceMs?: number,
): Promise<PlanContext> {
  return runInSlices(preparingPlan(input), pause, sliceMs);
}

/** preparePlan as steps (see runInSlices): it yields between passes and within the passes over people. */
export function* preparingPlan(input: PlanInput): Generator<void, PlanContext> {
  const nowMs = instantMs(input.now);
  const people = new Map<ContactId, Contact>();
  for (let i = 0; i < input.contacts.length; i++) {
    const c = input.contacts[i] as Contact;
    if (isActivePerson(c)) people.set(c.id, c);
    if (i % PEOPLE_PER_STEP === PEOPLE_PER_STEP - 1) yield;
  }
  const resolve = makeIdResolver(input.contacts);
  yield;
  const communities = input.communities
    .filter((c) => c.deletedAt === null)
    .sort((a, b) => (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) || collator.compare(a.name, b.name));
  const communityById = new Map(communities.map((c) => [c.id, c]));
  const objectives = input.objectives.filter((o) => o.deletedAt === null && o.status === 'active');
  const helpers = new Map<ObjectiveId, Contact[]>(objectives.map((o) => [o.id, []]));
  const members = new Map<CommunityId, Contact[]>(communities.map((c) => [c.id, []]));
  let n = 0;
  for (const person of people.values()) {
    for (const id of person.objectiveIds) helpers.get(id)?.push(person);
    for (const id of person.communityIds) members.get(id)?.push(person);
    if (++n % PEOPLE_PER_STEP === 0) yield;
  }
  yield;
  const last = input.lastContact ?? lastContactByPerson(input.interactions, { until: nowMs, resolve });
  yield;
  return {
    input,
    today: localDay(nowMs, input.timeZone),
    people,
    resolve,
    communities,
    communityById,
    objectives,
    lastContactDay: lastTouchDayByPerson(lastContactDayByPerson(last, input.timeZone), people),
    helpers,
    members,
  };
}
