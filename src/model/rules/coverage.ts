/**
 * Step 4's grid: for each objective, who in each community could help, and how
 * fresh those relationships are. It reads like a heatmap: fresh within 30
 * days, warm within 90, stale beyond that or never in touch.
 */
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { CommunityId, ContactId, ObjectiveId } from '../ids.ts';
import { daysBetween } from './dates.ts';
import type { PlanContext } from './plan-context.ts';

export type Freshness = 'fresh' | 'warm' | 'stale';
const FRESH_DAYS = 30;
const WARM_DAYS = 90;

export function freshnessOf(lastContactOn: IsoDate | null | undefined, today: IsoDate): Freshness {
  if (lastContactOn == null) return 'stale';
  const days = daysBetween(lastContactOn, today);
  return days <= FRESH_DAYS ? 'fresh' : days <= WARM_DAYS ? 'warm' : 'stale';
}

export interface CoverageCell {
  objectiveId: ObjectiveId;
  /** null for the helpers who belong to no community. */
  communityId: CommunityId | null;
  contactIds: readonly ContactId[];
  /** The most recent contact with any of them. */
  lastContactOn: IsoDate | null;
  /** null when nobody in this community can help. */
  freshness: Freshness | null;
}

interface CoverageRow {
  objectiveId: ObjectiveId;
  helperIds: readonly ContactId[];
  /** One per column of `CoverageGrid.communityIds`, in that order. */
  cells: CoverageCell[];
  withoutCommunity: CoverageCell;
  lastContactOn: IsoDate | null;
  freshness: Freshness | null;
}

export interface CoverageGrid {
  today: IsoDate;
  communityIds: CommunityId[];
  rows: CoverageRow[];
}

const NOBODY: readonly ContactId[] = Object.freeze([]);

function cellOf(
  objectiveId: ObjectiveId,
  communityId: CommunityId | null,
  people: readonly Contact[],
  ctx: PlanContext,
): CoverageCell {
  if (people.length === 0)
    return { objectiveId, communityId, contactIds: NOBODY, lastContactOn: null, freshness: null };
  let last: IsoDate | null = null;
  for (const p of people) {
    const day = ctx.lastContactDay.get(p.id);
    if (day !== undefined && (last === null || day > last)) last = day;
  }
  return {
    objectiveId,
    communityId,
    contactIds: people.map((p) => p.id),
    lastContactOn: last,
    freshness: people.length === 0 ? null : freshnessOf(last, ctx.today),
  };
}

export function coverageGrid(ctx: PlanContext): CoverageGrid {
  const communityIds = ctx.communities.map((c) => c.id);
  const column = new Map(communityIds.map((id, i) => [id, i]));
  const rows = ctx.objectives.map((objective): CoverageRow => {
    const helpers = ctx.helpers.get(objective.id) ?? [];
    const byColumn: (Contact[] | undefined)[] = new Array(communityIds.length);
    const alone: Contact[] = [];
    for (const h of helpers) {
      let placed = false;
      for (const cid of h.communityIds) {
        const i = column.get(cid);
        if (i === undefined) continue;
        (byColumn[i] ??= []).push(h);
        placed = true;
      }
      if (!placed) alone.push(h);
    }
    const all = cellOf(objective.id, null, helpers, ctx);
    return {
      objectiveId: objective.id,
      helperIds: all.contactIds,
      cells: communityIds.map((id, i) => cellOf(objective.id, id, byColumn[i] ?? [], ctx)),
      withoutCommunity: cellOf(objective.id, null, alone, ctx),
      lastContactOn: all.lastContactOn,
      freshness: all.freshness,
    };
  });
  return { today: ctx.today, communityIds, rows };
}
