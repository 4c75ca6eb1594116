/**
 * Introductions worth making: one person needs what another does. "Ana Lima
 * needs “a payments lawyer”; Tom Reyes is Payments counsel at Monzo." Pairs
 * across communities come first — there the user is the only link between them.
 */
import { runAtOnce } from '../slices.ts';
import type { Introduction } from '../../activity.ts';
import type { ContactId } from '../../ids.ts';
import { analyse, type QueryTerm } from './bm25.ts';
import { quoteEvidence } from './explain.ts';
import { introductionKey } from './keys.ts';
import { FIELD_LABELS, PERSON_FIELDS, profileOf, type HelperIndex, type PersonDoc } from './people-index.ts';
import { weightedQuery } from './query.ts';
import { evidenceFor, rankPeople, WARMTH_BOOST } from './rank.ts';

/** What someone can give: what they do, not what they need or merely like. */
const PROVIDER_PROFILE = profileOf({
  role: 3,
  whatTheyDo: 2.5,
  tags: 1.5,
  organisation: 1,
  department: 1,
  metLine: 0.8,
  learned: 0.8,
  notes: 0.5,
  interests: 0.3,
});

/** Two people with no community in common: the user is the only bridge, so the introduction is worth more. */
const CROSS_COMMUNITY_BOOST = 1.2;
/** An introduction asks a favour of two people: be surer than for a helper. */
const INTRO_MIN_COVERAGE = 0.5;
const INTRO_MIN_RELEVANCE = 0.12;

export interface IntroductionSuggestion {
  /** The person who needs something. */
  seekerId: ContactId;
  /** The person who does it. */
  providerId: ContactId;
  /** introductionKey of the pair: what a dismissal stores. */
  key: string;
  score: number;
  /** One plain sentence: `Ana Lima needs “a payments lawyer”; Tom Reyes is Payments counsel at Monzo.` */
  reason: string;
  /** Whether the two share no community (the user is their only link). */
  acrossCommunities: boolean;
}

interface IntroductionOptions {
  /** introductionKey of pairs the user dismissed. */
  dismissed?: ReadonlySet<string>;
  /** Introductions already recorded: those pairs are not suggested again. */
  introductions?: readonly Introduction[];
  /** Only pairs with this person on either side (for a person page). */
  forContactId?: ContactId;
  /** At most this many pairs in all; 5 by default. */
  limit?: number;
  /** At most this many providers considered per person in need; 3 by default. */
  perSeeker?: number;
}

export function suggestIntroductions(hi: HelperIndex, opts: IntroductionOptions = {}): IntroductionSuggestion[] {
  return runAtOnce(suggestingIntroductions(hi, opts));
}

/** Yields after each few people asked about, so a caller can pause. */
function* suggestingIntroductions(
  hi: HelperIndex,
  opts: IntroductionOptions,
): Generator<void, IntroductionSuggestion[]> {
  const known = new Set<string>();
  for (const intro of opts.introductions ?? []) {
    if (intro.deletedAt === null && intro.personAId !== null && intro.personBId !== null)
      known.add(introductionKey(intro.personAId, intro.personBId));
  }
  const only = opts.forContactId;
  const onlyDoc = only === undefined ? undefined : hi.docOf.get(only);
  if (only !== undefined && onlyDoc === undefined) return [];
  const perSeeker = opts.perSeeker ?? 3;
  const best = new Map<string, IntroductionSuggestion>();
  // On a person page, a need that shares no term with what they do cannot be theirs to meet: skip it unscored.
  const offered = onlyDoc === undefined ? null : providedTerms(hi.people[onlyDoc] as PersonDoc);
  const queries = seekerQueries(hi);
  for (const [s, seeker] of hi.people.entries()) {
    if (s % 20 === 19) yield;
    const query = queries.get(s);
    if (query === undefined) continue;
    if (offered !== null && s !== onlyDoc && !query.some((q) => offered.has(q.term))) continue;
    const ranked = rankPeople(hi, query, {
      profile: PROVIDER_PROFILE,
      skip: (doc) => {
        if (doc === seeker) return true;
        if (onlyDoc !== undefined && s !== onlyDoc && doc !== hi.people[onlyDoc]) return true;
        const key = introductionKey(seeker.contact.id, doc.contact.id);
        return known.has(key) || (opts.dismissed?.has(key) ?? false);
      },
      limit: perSeeker * 2,
      minCoverage: INTRO_MIN_COVERAGE,
      minRelevance: INTRO_MIN_RELEVANCE,
    });
    const pairs = ranked.map((r) => {
      const provider = hi.people[r.doc] as PersonDoc;
      const across = !provider.communityIds.some((id) => seeker.communityIds.includes(id));
      // Warmth belongs to the user's ties, not to how well two people fit: leave it out here.
      const score = (r.score / (r.warmth ? WARMTH_BOOST[r.warmth] : 1)) * (across ? CROSS_COMMUNITY_BOOST : 1);
      return { r, provider, across, score };
    });
    pairs.sort((a, b) => b.score - a.score);
    for (const { r, provider, across, score } of pairs.slice(0, perSeeker)) {
      const key = introductionKey(seeker.contact.id, provider.contact.id);
      const seen = best.get(key);
      if (seen && seen.score >= score) continue;
      best.set(key, {
        seekerId: seeker.contact.id,
        providerId: provider.contact.id,
        key,
        score,
        reason: introReason(hi, seeker, r.doc, query),
        acrossCommunities: across,
      });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)).slice(0, opts.limit ?? 5);
}

function introReason(hi: HelperIndex, seeker: PersonDoc, providerDoc: number, query: readonly QueryTerm[]): string {
  const provider = (hi.people[providerDoc] as PersonDoc).contact;
  const ev = evidenceFor(hi, providerDoc, query, PROVIDER_PROFILE);
  // Quote the seeker's need around the words the provider answers.
  const need = quoteEvidence(seeker.contact.needs, ev?.matched ?? new Set());
  const e = ev?.best;
  let gives: string;
  if (!e || (e.field === 'role' && !provider.role)) gives = 'could help';
  else if (e.field === 'role')
    gives = `is ${provider.role}${provider.organisation ? ` at ${provider.organisation}` : ''}`;
  else if (e.field === 'organisation') gives = `works at ${provider.organisation}`;
  else gives = `— ${FIELD_LABELS[e.field]}: “${e.quote}”`;
  return `${seeker.contact.name} needs “${need}”; ${provider.name} ${gives}.`;
}

/** Each person's needs as a question, made once per index: the map of introductions asks them all. */
const seekerQueryCache = new WeakMap<HelperIndex, Map<number, QueryTerm[]>>();
function seekerQueries(hi: HelperIndex): Map<number, QueryTerm[]> {
  let made = seekerQueryCache.get(hi);
  if (!made) {
    made = new Map();
    hi.people.forEach((p, d) => {
      if (p.contact.needs.trim() !== '') made!.set(d, weightedQuery([{ text: p.contact.needs, weight: 1 }]));
    });
    seekerQueryCache.set(hi, made);
  }
  return made;
}

/** The terms of the fields that say what a person can give. */
function providedTerms(doc: PersonDoc): Set<string> {
  const out = new Set<string>();
  PERSON_FIELDS.forEach((_field, i) => {
    if ((PROVIDER_PROFILE.weights[i] ?? 0) === 0) return;
    for (const term of analyse(doc.texts[i] as string).freq.keys()) out.add(term);
  });
  return out;
}
