/** Gaps about single relationships: a keep-in-touch rhythm lapsed, or more taken than given. */
import { balanceNudge, computeBalances, makeOfferPicker, takenMoreThanGiven } from './balance.ts';
import { lapsedCadences } from './cadence.ts';
import { relativeDay } from './dates.ts';
import { draftAction } from './gaps-objectives.ts';
import type { FoundGap, GapKind } from './gap-types.ts';
import { metInPersonOn } from './people-status.ts';
import type { PlanContext } from './plan-context.ts';
import { cadenceWords } from './words.ts';

/**
 * These two kinds can run to thousands in a large network; past `limit` of
 * each (the most overdue, the widest gaps) they are only counted, in `notListed`.
 */
export function peopleGaps(
  ctx: PlanContext,
  limit = Infinity,
  notListed: Partial<Record<GapKind, number>> = {},
): FoundGap[] {
  const gaps: FoundGap[] = [];
  const lapsed = lapsedCadences(ctx.people, ctx.lastContactDay, ctx.today, ctx.input.timeZone);
  if (lapsed.length > limit) notListed['stale-link'] = lapsed.length - limit;
  for (const l of lapsed.slice(0, limit)) {
    const c = l.contact;
    const key = `stale-link:${c.id}:${l.countedFrom}`;
    // The plan counts meeting someone as a contact (lastTouchDayByPerson).
    const when =
      l.lastContactOn === null
        ? `You have not been in touch with ${c.name} yet`
        : l.lastContactOn === metInPersonOn(c)
          ? `You met ${c.name} ${relativeDay(l.lastContactOn, ctx.today)} and have not been in touch since`
          : `Your last contact with ${c.name} was ${relativeDay(l.lastContactOn, ctx.today)}`;
    gaps.push({
      key,
      kind: 'stale-link',
      sentence: `${when} — you meant to keep in touch ${cadenceWords(l.cadenceDays)}.`,
      contactId: c.id,
      suggestedAction: draftAction(ctx, key, `Catch up with ${c.name}`, { contactId: c.id }),
    });
  }
  const offers = ctx.input.offers;
  const pick = makeOfferPicker(offers);
  const taken = takenMoreThanGiven(computeBalances(ctx.input.ledger, ctx.input.contacts, ctx));
  if (taken.length > limit) notListed['taken-more'] = taken.length - limit;
  for (const b of taken.slice(0, limit)) {
    const c = ctx.people.get(b.contactId);
    if (!c) continue;
    const key = `taken-more:${c.id}:${b.received}`;
    const offer = pick(c);
    gaps.push({
      key,
      kind: 'taken-more',
      sentence: balanceNudge(c, b, offers, pick) ?? '',
      contactId: c.id,
      ...(offer ? { offerId: offer.id } : {}),
      suggestedAction: draftAction(
        ctx,
        key,
        offer ? `Offer ${c.name} your “${offer.title}”` : `Offer ${c.name} a hand`,
        { contactId: c.id },
      ),
    });
  }
  return gaps;
}
