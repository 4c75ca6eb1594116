/**
 * What the plan's pages read: every collection the rules need, as signals,
 * and the rules' answers (gaps, coverage, balances) as memos. The pages only
 * display these; the thinking is in src/model/rules.
 */
import { createMemo, type Accessor } from 'solid-js';
import type { Contact, IsoDate } from '../../model/index.ts';
import { computeGapsInSlices, type GapReport, type PlanInput } from '../../model/rules/index.ts';
import { createNow, TIME_ZONE, todayIso } from '../clock.ts';
import { createSliced } from '../sliced.ts';
import { createCollection } from '../space.tsx';

interface PlanData {
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

export function createPlanData(): PlanData {
  const contacts = createCollection('contacts');
  const communities = createCollection('communities');
  const objectives = createCollection('objectives');
  const offers = createCollection('offers');
  const interactions = createCollection('interactions');
  const actions = createCollection('actions');
  const ledger = createCollection('ledger');
  const introductions = createCollection('introductions');
  const now = createNow();
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
    timeZone: TIME_ZONE,
  }));
  const report = createSliced(input, computeGapsInSlices, { afterPaint: true });
  const people = createMemo(() => contacts().items.filter((c) => c.deletedAt === null && c.mergedIntoId === null));
  // Once per minute, not once per date shown: each reading works out the day in the user's zone.
  const today = createMemo(() => todayIso(now()));
  return { input, report, today, people, personById: () => contacts().byId };
}
