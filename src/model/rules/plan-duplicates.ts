/**
 * The same objective, offer, community or event entered twice: on two devices before they were
 * paired, or once by hand and once by an import. One rule says when two are the same — their
 * folded title or name is equal (and, for events, their start days do not differ) — and pairing,
 * import, restore and the duplicates page all use it.
 */
import type { Community } from '../community.ts';
import type { RapportEvent } from '../activity.ts';
import { isEmptyValue } from '../fields.ts';
import type { Objective, Offer } from '../plan.ts';
import { collectionSpecs } from '../collections.ts';
import { pairKey } from './duplicates.ts';
import { joinText } from './merge.ts';
import { foldText } from './text.ts';

export const PLAN_COLLECTIONS = ['objectives', 'offers', 'communities', 'events'] as const;
export type PlanCollection = (typeof PLAN_COLLECTIONS)[number];

export interface PlanItemOf {
  objectives: Objective;
  offers: Offer;
  communities: Community;
  events: RapportEvent;
}
export type PlanItem = PlanItemOf[PlanCollection];

/** What a person reads for one item of each kind. */
export const PLAN_NOUNS: Record<PlanCollection, { one: string; many: string }> = {
  objectives: { one: 'objective', many: 'objectives' },
  offers: { one: 'offer', many: 'offers' },
  communities: { one: 'community', many: 'communities' },
  events: { one: 'event', many: 'events' },
};

export const planTitle = (item: PlanItem): string => ('title' in item ? item.title : item.name);

/** Case, accents, punctuation and spacing do not make two titles different. */
export function planTitleKey(title: string): string {
  return foldText(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Live and not merged: what can be matched and merged. */
const isLivePlanItem = (item: PlanItem) => item.deletedAt === null && item.mergedIntoId === null;

function sameItem(collection: PlanCollection, a: PlanItem, b: PlanItem): boolean {
  if (planTitleKey(planTitle(a)) !== planTitleKey(planTitle(b))) return false;
  // "KubeCon" of 2025 and of 2026 are two events.
  if (collection === 'events') {
    const x = (a as RapportEvent).startsOn;
    const y = (b as RapportEvent).startsOn;
    return x === null || y === null || x === y;
  }
  return true;
}

interface PlanMatch<T extends PlanItem = PlanItem> {
  /** The item that stays: the one already in the network. */
  existing: T;
  /** The item that looks like it. */
  incoming: T;
}

/**
 * For each incoming item, the existing item it looks like (the oldest, when several do).
 * Incoming items that match nothing are left out. Linear: items are grouped by folded title.
 */
export function matchPlanItems<C extends PlanCollection>(
  collection: C,
  incoming: readonly PlanItemOf[C][],
  existing: readonly PlanItemOf[C][],
): PlanMatch<PlanItemOf[C]>[] {
  const byKey = groupByTitle(existing);
  const matches: PlanMatch<PlanItemOf[C]>[] = [];
  for (const item of incoming) {
    if (!isLivePlanItem(item)) continue;
    const found = byKey
      .get(planTitleKey(planTitle(item)))
      ?.find((e) => e.id !== item.id && sameItem(collection, e, item));
    if (found) matches.push({ existing: found, incoming: item });
  }
  return matches;
}

/** Live items by folded title, oldest first in each group: one pass, so no pair of unlike titles is ever compared. */
function groupByTitle<T extends PlanItem>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items.filter(isLivePlanItem).sort(oldestFirst)) {
    const key = planTitleKey(planTitle(item));
    if (key === '') continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const oldestFirst = (a: PlanItem, b: PlanItem) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

export interface PlanDuplicate<T extends PlanItem = PlanItem> {
  collection: PlanCollection;
  key: string;
  /** The older one, offered as the one to keep. */
  keep: T;
  drop: T;
}

/** Pairs of one kind that look like one item, older first; pairs the user said differ are left out. */
export function findPlanDuplicates<C extends PlanCollection>(
  collection: C,
  items: readonly PlanItemOf[C][],
  dismissed: ReadonlySet<string> = new Set(),
): PlanDuplicate<PlanItemOf[C]>[] {
  const groups = groupByTitle(items);
  const pairs: PlanDuplicate<PlanItemOf[C]>[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const keep: PlanItemOf[C] = group[i]!;
        const drop: PlanItemOf[C] = group[j]!;
        const key = pairKey(keep.id as never, drop.id as never);
        if (!dismissed.has(key) && sameItem(collection, keep, drop)) pairs.push({ collection, key, keep, drop });
      }
    }
  }
  return pairs;
}

/**
 * The kept item's values after a merge: its own, with what only the other one has filled in
 * (texts both have are joined, lists united). Only fields of the item's spec; no meta fields.
 */
export function mergePlanValues<C extends PlanCollection>(
  collection: C,
  keep: PlanItemOf[C],
  drop: PlanItemOf[C],
): Record<string, unknown> {
  const spec = collectionSpecs[collection] as Record<string, { parse(v: unknown): { ok: boolean } }>;
  const patch: Record<string, unknown> = {};
  const k = keep as unknown as Record<string, unknown>;
  const d = drop as unknown as Record<string, unknown>;
  for (const field of Object.keys(spec)) {
    if (field === 'mergedIntoId') continue;
    const mine = k[field];
    const theirs = d[field];
    if (isEmptyValue(theirs)) continue;
    let next: unknown = mine;
    if (isEmptyValue(mine)) next = theirs;
    else if (Array.isArray(mine) && Array.isArray(theirs)) next = [...new Set([...mine, ...theirs])];
    else if (
      typeof mine === 'string' &&
      typeof theirs === 'string' &&
      (field === 'description' || field === 'notes' || field === 'offer')
    )
      next = joinText(mine, theirs);
    if (next !== mine && spec[field]!.parse(next).ok) patch[field] = next;
  }
  return patch;
}
