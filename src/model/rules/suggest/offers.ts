/**
 * Who would most value an offer: the people whose needs, interests and work it
 * answers, and the communities whose purpose and members it suits.
 */
import { COMMUNITY_KIND_LABELS, type Community } from '../../community.ts';
import type { CommunityId, ContactId, OfferId } from '../../ids.ts';
import type { Offer } from '../../plan.ts';
import { analyse, coverage, idf, makeIndexBuilder, scoreQuery, type FieldIndex, type QueryTerm } from './bm25.ts';
import { fieldEvidence, quoteEvidence } from './explain.ts';
import { MIN_COVERAGE, MIN_RELEVANCE, DESCRIPTION_WEIGHT, type Suggestion, type SuggestOptions } from './helpers.ts';
import { suggestionKey } from './keys.ts';
import { profileOf, type HelperIndex } from './people-index.ts';
import { weightedQuery } from './query.ts';
import { COVERAGE_POWER, evidenceFor, rankPeople, reasonSentence, WARMTH_BOOST } from './rank.ts';

/** An offer is worth most to someone who needs it, then to someone interested in it. */
const OFFER_PROFILE = profileOf({
  needs: 3,
  interests: 2,
  whatTheyDo: 1.2,
  role: 1,
  tags: 1.2,
  department: 0.5,
  organisation: 0.5,
  notes: 0.6,
  metLine: 0.8,
  learned: 0.8,
  communities: 0.3,
});

const COMMUNITY_FIELDS = ['name', 'kind', 'description', 'offer', 'memberNeeds', 'memberInterests'] as const;
type CommunityField = (typeof COMMUNITY_FIELDS)[number];
const COMMUNITY_PROFILE = {
  weights: [2, 0.5, 1.5, 1, 1.2, 0.8],
  b: [0.3, 0.3, 0.6, 0.6, 0.75, 0.75],
};
const COMMUNITY_LABELS: Record<CommunityField, string> = {
  name: 'name',
  kind: 'kind',
  description: 'about',
  offer: 'what you could offer them',
  memberNeeds: 'what members need',
  memberInterests: 'what members are into',
};

interface CommunityIndex {
  communities: Community[];
  texts: string[][];
  index: FieldIndex;
}

const communityIndexes = new WeakMap<HelperIndex, CommunityIndex>();

/** The communities as documents: their own words and their members' needs and interests. Made once per HelperIndex. */
function communityIndex(hi: HelperIndex): CommunityIndex {
  const cached = communityIndexes.get(hi);
  if (cached) return cached;
  const communities = [...hi.communityById.values()];
  const needs = new Map<CommunityId, string[]>();
  const interests = new Map<CommunityId, string[]>();
  for (const p of hi.people) {
    for (const id of p.communityIds) {
      if (p.contact.needs) (needs.get(id) ?? needs.set(id, []).get(id)!).push(`${p.contact.name}: ${p.contact.needs}`);
      if (p.contact.interests)
        (interests.get(id) ?? interests.set(id, []).get(id)!).push(`${p.contact.name}: ${p.contact.interests}`);
    }
  }
  const builder = makeIndexBuilder(COMMUNITY_FIELDS.length);
  const texts = communities.map((c, d) => {
    const t = [
      c.name,
      COMMUNITY_KIND_LABELS[c.kind],
      c.description,
      c.offer,
      (needs.get(c.id) ?? []).join('\n'),
      (interests.get(c.id) ?? []).join('\n'),
    ];
    t.forEach((text, f) => text !== '' && builder.addField(d, f, analyse(text)));
    return t;
  });
  builder.ensureDocs(communities.length);
  const made = { communities, texts, index: builder.build() };
  communityIndexes.set(hi, made);
  return made;
}

export interface CommunitySuggestion {
  communityId: CommunityId;
  score: number;
  /** `Climate Tech London — what members need: “Ana Lima: help pricing a heat-pump retrofit”`. */
  reason: string;
}

export interface OfferSuggestions {
  people: Suggestion[];
  communities: CommunitySuggestion[];
}

function offerQuery(offer: Pick<Offer, 'title' | 'description'>): QueryTerm[] {
  return weightedQuery([
    { text: offer.title, weight: 1 },
    { text: offer.description, weight: DESCRIPTION_WEIGHT },
  ]);
}

/**
 * The people and communities who would most value `offer`. Communities it is
 * already meant for are left out; dismissed keys are suggestionKey(offer.id, …).
 */
export function suggestForOffer(hi: HelperIndex, offer: Offer, opts: SuggestOptions = {}): OfferSuggestions {
  const query = offerQuery(offer);
  const dismissed = opts.dismissed;
  const id: OfferId = offer.id;
  const limit = opts.limit ?? 5;
  const ranked = rankPeople(hi, query, {
    profile: OFFER_PROFILE,
    skip: (doc) => dismissed?.has(suggestionKey(id, doc.contact.id)) === true,
    limit,
    minCoverage: MIN_COVERAGE,
    minRelevance: MIN_RELEVANCE,
  });
  const people = ranked.map((r): Suggestion<ContactId> => {
    const contact = hi.people[r.doc]!.contact;
    // For an offer, what they need or like is the point: prefer it to the headline.
    const ev = evidenceFor(hi, r.doc, query, OFFER_PROFILE, (f) => f === 'needs' || f === 'interests');
    const evidence = ev?.best ?? { field: 'role' as const, quote: contact.role };
    return {
      contactId: contact.id,
      score: r.score,
      reason: reasonSentence(contact, evidence),
      evidence,
      warmth: r.warmth,
      communityFit: null,
    };
  });
  return { people, communities: rankCommunities(hi, offer, query, limit, dismissed) };
}

function rankCommunities(
  hi: HelperIndex,
  offer: Offer,
  query: readonly QueryTerm[],
  limit: number,
  dismissed: ReadonlySet<string> | undefined,
): CommunitySuggestion[] {
  if (query.length === 0) return [];
  const ci = communityIndex(hi);
  const { scores, units, matched, unitMass } = scoreQuery(ci.index, query, COMMUNITY_PROFILE);
  let ideal = 0;
  for (const q of query) ideal += q.weight * idf(ci.index, q.term);
  const already = new Set(offer.communityIds);
  const ranked: { d: number; score: number }[] = [];
  for (const d of matched) {
    const c = ci.communities[d] as Community;
    if (already.has(c.id) || c.membership === 'former' || dismissed?.has(suggestionKey(offer.id, c.id))) continue;
    const cov = coverage(units[d] as number, unitMass);
    const raw = scores[d] as number;
    if (cov < MIN_COVERAGE || ideal === 0 || raw / ideal < MIN_RELEVANCE) continue;
    // Being a member already is the warm relationship of a community.
    const member = c.membership === 'member' ? WARMTH_BOOST.warm : 1;
    ranked.push({ d, score: raw * cov ** COVERAGE_POWER * member });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (ci.communities[a.d] as Community).name.localeCompare((ci.communities[b.d] as Community).name),
  );
  return ranked.slice(0, limit).map(({ d, score }) => {
    const c = ci.communities[d] as Community;
    const texts = ci.texts[d] as string[];
    const best = fieldEvidence(ci.index, d, texts, query, COMMUNITY_PROFILE).find((e) => e.field !== 0) ?? null;
    let reason = c.name;
    if (best) {
      const field = COMMUNITY_FIELDS[best.field] as CommunityField;
      const quote = quoteEvidence(texts[best.field] as string, best.matched);
      reason = `${c.name} — ${COMMUNITY_LABELS[field]}: “${quote}”`;
    }
    return { communityId: c.id, score, reason };
  });
}
