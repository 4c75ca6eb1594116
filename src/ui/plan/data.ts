/**
 * What the plan's pages read: every collection the rules need, as signals,
 * and the rules' answers (gaps, coverage, balances) as memos. The pages only
 * display these; the thinking is in src/model/rules.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { CollectionName, Contact, ContactId, Draft, IsoDate } from '../../model/index.ts';
import type { collectionSpecs } from '../../model/index.ts';
import { computeGapsInSlices, localDay, type GapReport, type PlanInput } from '../../model/rules/index.ts';
import { update, type WriteError } from '../../store/index.ts';
import { createSliced } from '../sliced.ts';
import { createCollection, useSpace } from '../space.tsx';
import { describeWriteError } from '../components/write-error.ts';
import type { Commit } from '../components/fields.tsx';

export const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A "now" that moves on each minute, so "due today" turns over at midnight. */
export function createMinute(): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

export const dayOf = (now: Date): IsoDate => localDay(now, ZONE);

export interface PlanData {
  input: Accessor<PlanInput>;
  /** Undefined while the gaps are being found (in slices, after the page has painted). */
  report: Accessor<GapReport | undefined>;
  today: Accessor<IsoDate>;
  /**
   * Live people (not trashed, not merged away), in no set order: sorting thousands of names
   * costs a page's first render, so each list sorts the few it shows (see firstByName).
   */
  people: Accessor<Contact[]>;
  personById: Accessor<ReadonlyMap<string, Contact>>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export function createPlanData(): PlanData {
  const contacts = createCollection('contacts');
  const communities = createCollection('communities');
  const objectives = createCollection('objectives');
  const offers = createCollection('offers');
  const interactions = createCollection('interactions');
  const actions = createCollection('actions');
  const ledger = createCollection('ledger');
  const introductions = createCollection('introductions');
  const now = createMinute();
  const input = createMemo<PlanInput>(() => ({
    contacts: contacts().items,
    communities: communities().items,
    objectives: objectives().items,
    offers: offers().items,
    interactions: interactions().items,
    actions: actions().items,
    ledger: ledger().items,
    introductions: introductions().items,
    now: now(),
    timeZone: ZONE,
  }));
  const report = createSliced(input, computeGapsInSlices, { afterPaint: true });
  const people = createMemo(() => contacts().items.filter((c) => c.deletedAt === null && c.mergedIntoId === null));
  // Once per minute, not once per date shown: each reading works out the day in the user's zone.
  const today = createMemo(() => dayOf(now()));
  return { input, report, today, people, personById: () => contacts().byId };
}

type Editable<C extends CollectionName> = Draft<(typeof collectionSpecs)[C]>;

/** An edit-in-place commit for one field of one entity. */
export function useCommit() {
  const { doc } = useSpace();
  return <C extends CollectionName, K extends keyof Editable<C> & string>(
    collection: C,
    id: () => string,
    key: K,
  ): Commit<Exclude<Editable<C>[K], undefined>> =>
    (value) => {
      const r = update(doc, collection, id() as never, { [key]: value } as Editable<C>);
      return r.ok ? null : describeWriteError(r.error, key);
    };
}

export function writeProblem(error: WriteError): string {
  return describeWriteError(error);
}

/** Adds or removes one id in a person's list of links (communities, objectives). */
export function toggled<T extends string>(list: readonly T[], id: T, on: boolean): T[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

export type { ContactId };
