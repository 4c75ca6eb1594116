/** Gaps about communities and offers: offers nobody receives, communities with no offer or nobody in them. */
import type { Community } from '../community.ts';
import type { CommunityId } from '../ids.ts';
import type { Offer } from '../plan.ts';
import { draftAction } from './gaps-objectives.ts';
import type { FoundGap } from './gap-types.ts';
import type { PlanContext } from './plan-context.ts';
import { titled } from './words.ts';

const liveOffers = (ctx: PlanContext) => ctx.input.offers.filter((o) => o.deletedAt === null && o.status === 'active');

export function communityGaps(ctx: PlanContext): FoundGap[] {
  const offers = liveOffers(ctx);
  const offered = new Set<CommunityId>();
  for (const o of offers) for (const id of o.communityIds) if (ctx.communityById.has(id)) offered.add(id);
  const withoutOffer = ctx.communities.filter(
    (c) => c.membership !== 'former' && c.offer.trim() === '' && !offered.has(c.id),
  );

  const gaps: FoundGap[] = [];
  for (const offer of offers) {
    if (offer.communityIds.some((id) => ctx.communityById.has(id))) continue;
    gaps.push(unreceivedOffer(ctx, offer, withoutOffer));
  }
  for (const c of withoutOffer) gaps.push(noOffer(ctx, c));
  for (const c of ctx.communities) {
    if (c.membership === 'former') continue;
    if ((ctx.members.get(c.id)?.length ?? 0) === 0) gaps.push(empty(ctx, c));
  }
  return gaps;
}

/** Who would value an offer nobody receives: a community still without one, the largest first. */
function unreceivedOffer(ctx: PlanContext, offer: Offer, withoutOffer: readonly Community[]): FoundGap {
  const key = `offer-unreceived:${offer.id}`;
  let best: Community | null = null;
  for (const c of withoutOffer) {
    if (!best || (ctx.members.get(c.id)?.length ?? 0) > (ctx.members.get(best.id)?.length ?? 0)) best = c;
  }
  const idea = best ? ` ${titled(best.name)} has no offer from you yet and might value it.` : '';
  return {
    key,
    kind: 'offer-unreceived',
    sentence: `Nobody is set to receive your offer ${titled(offer.title)} — choose the communities that would value it.${idea}`,
    offerId: offer.id,
    ...(best ? { communityId: best.id } : {}),
    suggestedAction: draftAction(
      ctx,
      key,
      best ? `Offer “${offer.title}” to ${best.name}` : `Choose who would value “${offer.title}”`,
      {
        communityId: best?.id ?? null,
      },
    ),
  };
}

function noOffer(ctx: PlanContext, c: Community): FoundGap {
  const key = `community-no-offer:${c.id}`;
  return {
    key,
    kind: 'community-no-offer',
    sentence: `You have not yet written down what would be useful to ${titled(c.name)} — think of one thing you could offer them.`,
    communityId: c.id,
    suggestedAction: draftAction(ctx, key, `Decide what to offer ${c.name}`, { communityId: c.id }),
  };
}

function empty(ctx: PlanContext, c: Community): FoundGap {
  const key = `community-empty:${c.id}`;
  const wantToJoin = c.membership === 'want-to-join';
  return {
    key,
    kind: 'community-empty',
    sentence: wantToJoin
      ? `You want to join ${titled(c.name)} but know nobody there yet — one person to talk to would open the door.`
      : `${titled(c.name)} has nobody in it yet — add the people you know there.`,
    communityId: c.id,
    suggestedAction: draftAction(
      ctx,
      key,
      wantToJoin ? `Meet someone from ${c.name}` : `Add the people you know in ${c.name}`,
      {
        communityId: c.id,
      },
    ),
  };
}
