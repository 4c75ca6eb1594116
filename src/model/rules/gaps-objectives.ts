/** Gaps about objectives: nobody can help, everyone who can is out of touch, the wrong kinds of community. */
import type { CommunityKind } from '../community.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { CommunityId } from '../ids.ts';
import type { Objective } from '../plan.ts';
import { findHelperTitle, touchTitle, widenTitle } from './action-titles.ts';
import { EMPLOYER_KINDS, kindsPhrase, neededKinds } from './community-kinds.ts';
import { freshnessOf } from './coverage.ts';
import { addDays, relativeDay } from './dates.ts';
import type { FoundGap, SuggestedAction } from './gap-types.ts';
import type { PlanContext } from './plan-context.ts';
import { listNames, plural, titled } from './words.ts';

export const PLAN_AHEAD_DAYS = 14;

export function draftAction(
  ctx: PlanContext,
  gapKey: string,
  title: string,
  ids: Partial<Pick<SuggestedAction, 'objectiveId' | 'communityId' | 'contactId'>>,
  notes = '',
): SuggestedAction {
  return {
    title,
    notes,
    dueOn: addDays(ctx.today, PLAN_AHEAD_DAYS),
    objectiveId: ids.objectiveId ?? null,
    communityId: ids.communityId ?? null,
    contactId: ids.contactId ?? null,
    gapKey,
  };
}

/** A community the user already knows of, of the given kind: somewhere concrete to start. */
function communityOfKind(ctx: PlanContext, kind: CommunityKind | undefined): CommunityId | null {
  if (kind === undefined) return null;
  return ctx.communities.find((c) => c.kind === kind && c.membership !== 'former')?.id ?? null;
}

export function objectiveGaps(ctx: PlanContext): FoundGap[] {
  const gaps: FoundGap[] = [];
  for (const objective of ctx.objectives) {
    const helpers = ctx.helpers.get(objective.id) ?? [];
    if (helpers.length === 0) gaps.push(uncovered(ctx, objective));
    else {
      const cold = coldObjective(ctx, objective, helpers);
      if (cold) gaps.push(cold);
      const kinds = missingKinds(ctx, objective, helpers);
      if (kinds) gaps.push(kinds);
    }
  }
  return gaps;
}

function uncovered(ctx: PlanContext, objective: Objective): FoundGap {
  const key = `objective-uncovered:${objective.id}`;
  const { kinds } = neededKinds(objective);
  const kind = kinds[0];
  const hint = kinds.length
    ? `${capitalise(kindsPhrase(kinds.slice(0, 2)))} is a good place to meet someone who can.`
    : 'Link a person who could, or plan how to meet one.';
  return {
    key,
    kind: 'objective-uncovered',
    sentence: `Nobody you know is linked to ${titled(objective.title)} yet, so no one is helping with it. ${hint}`,
    objectiveId: objective.id,
    suggestedKind: kind,
    suggestedAction: draftAction(ctx, key, findHelperTitle(objective.title), {
      objectiveId: objective.id,
      communityId: communityOfKind(ctx, kind),
    }),
  };
}

/** Every helper's relationship has gone stale (over 90 days, or never in touch). */
function coldObjective(ctx: PlanContext, objective: Objective, helpers: readonly Contact[]): FoundGap | null {
  let last: IsoDate | null = null;
  let warmest: Contact | null = null;
  for (const h of helpers) {
    const day = ctx.lastContactDay.get(h.id);
    if (day !== undefined && (last === null || day > last)) {
      last = day;
      warmest = h;
    }
  }
  if (freshnessOf(last, ctx.today) !== 'stale') return null;
  const key = `objective-cold:${objective.id}:${last ?? 'never'}`;
  // People are named when there are one to three of them.
  const named = helpers.length <= 3;
  const couldHelp = helpers.length === 1 ? ', who could help with it' : ' — they could help with it';
  const sentence =
    last === null
      ? named
        ? `You have not been in touch with ${listNames(helpers.map((h) => h.name))} about ${titled(objective.title)} yet${couldHelp}.`
        : `You have not been in touch yet with any of the ${plural(helpers.length, 'person', 'people')} who could help with ${titled(objective.title)}.`
      : `Everyone who could help with ${titled(objective.title)} is out of touch — your last contact was ${relativeDay(last, ctx.today)}.`;
  const target = warmest ?? (helpers[0] as Contact);
  return {
    key,
    kind: 'objective-cold',
    sentence,
    objectiveId: objective.id,
    contactId: target.id,
    // "Back" in touch only when there was contact before.
    suggestedAction: draftAction(ctx, key, touchTitle(objective.title, target.name, last !== null), {
      objectiveId: objective.id,
      contactId: target.id,
    }),
  };
}

function missingKinds(ctx: PlanContext, objective: Objective, helpers: readonly Contact[]): FoundGap | null {
  const { kinds, explicit } = neededKinds(objective);
  if (kinds.length === 0) return null;
  const reached = new Set<CommunityKind>();
  for (const h of helpers)
    for (const id of h.communityIds) {
      const c = ctx.communityById.get(id);
      if (c) reached.add(c.kind);
    }
  const missing = kinds.filter((k) => !reached.has(k));
  if (missing.length === 0 || (!explicit && missing.length < kinds.length)) return null;
  const suggestedKind = missing[0] as CommunityKind;
  const key = `community-kind-missing:${objective.id}:${missing.join('+')}`;
  const widen = kindsPhrase(missing.slice(0, 2));
  // "Inside one employer" is only news when what is missing lies outside it.
  const insideEmployer =
    reached.size > 0 &&
    [...reached].every((k) => EMPLOYER_KINDS.includes(k)) &&
    missing.some((k) => !EMPLOYER_KINDS.includes(k));
  const sentence = insideEmployer
    ? `Your whole network for ${titled(objective.title)} sits inside one employer — try ${widen}.`
    : `Nobody who can help with ${titled(objective.title)} is in ${widen} yet — try widening into ${missing.length > 1 ? 'one' : 'it'}.`;
  const communityId = communityOfKind(ctx, suggestedKind);
  const place = communityId ? ctx.communityById.get(communityId)?.name : undefined;
  const title = widenTitle(objective.title, place, suggestedKind);
  return {
    key,
    kind: 'community-kind-missing',
    sentence,
    objectiveId: objective.id,
    suggestedKind,
    suggestedAction: draftAction(ctx, key, title, { objectiveId: objective.id, communityId }),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
