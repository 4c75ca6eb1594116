/** Who could help with an objective: "3 people might help: …", each with its reason. */
import type { CommunityId, ContactId, ObjectiveId } from '../../ids.ts';
import type { Objective } from '../../plan.ts';
import { neededKinds } from '../community-kinds.ts';
import type { Freshness } from '../coverage.ts';
import type { QueryTerm } from './bm25.ts';
import { suggestionKey } from './keys.ts';
import { profileOf, type HelperIndex, type PersonField } from './people-index.ts';
import { weightedQuery } from './query.ts';
import { evidenceFor, notHeadline, rankPeople, reasonSentence } from './rank.ts';

/** What counts when asking who could help: what someone does first, then what they know and need. */
const HELPER_PROFILE = profileOf({
  role: 3,
  organisation: 1.5,
  department: 1.2,
  whatTheyDo: 2,
  interests: 1.2,
  needs: 1.5,
  tags: 2,
  notes: 0.8,
  metLine: 1.2,
  learned: 1,
  communities: 0.6,
  offers: 0.4,
});

/** The description counts, but less than the title the user chose. */
export const DESCRIPTION_WEIGHT = 0.5;

export interface Suggestion<T extends string = ContactId> {
  contactId: T;
  score: number;
  /** One plain sentence quoting the evidence (plain text, never markup). */
  reason: string;
  evidence: { field: PersonField; quote: string };
  /** The warmth boost, when one applied. */
  warmth: Exclude<Freshness, 'stale'> | null;
  /** A community of a kind the objective needs, when that boosted the score. */
  communityFit: CommunityId | null;
}

export interface SuggestOptions {
  /** Keys made with suggestionKey: never suggested again. */
  dismissed?: ReadonlySet<string>;
  /** At most this many; 5 by default. */
  limit?: number;
}

/** The least a suggestion must be: a quarter of the question answered (by weight), and a fair match for it. */
export const MIN_COVERAGE = 0.25;
export const MIN_RELEVANCE = 0.05;

function objectiveQuery(objective: Pick<Objective, 'title' | 'description'>): QueryTerm[] {
  return weightedQuery([
    { text: objective.title, weight: 1 },
    { text: objective.description, weight: DESCRIPTION_WEIGHT },
  ]);
}

/**
 * People who could help with `objective`, best first. People already linked to it,
 * trashed or merged people, and dismissed suggestions never appear.
 */
export function suggestHelpers(hi: HelperIndex, objective: Objective, opts: SuggestOptions = {}): Suggestion[] {
  const query = objectiveQuery(objective);
  const dismissed = opts.dismissed;
  const id: ObjectiveId = objective.id;
  const ranked = rankPeople(hi, query, {
    profile: HELPER_PROFILE,
    fitKinds: neededKinds(objective).kinds,
    skip: (doc) => doc.contact.objectiveIds.includes(id) || dismissed?.has(suggestionKey(id, doc.contact.id)) === true,
    limit: opts.limit ?? 5,
    minCoverage: MIN_COVERAGE,
    minRelevance: MIN_RELEVANCE,
  });
  return ranked.map((r) => toSuggestion(hi, r.doc, r.score, query, r.warmth, r.communityFit));
}

function toSuggestion(
  hi: HelperIndex,
  d: number,
  score: number,
  query: readonly QueryTerm[],
  warmth: Suggestion['warmth'],
  communityFit: CommunityId | null,
): Suggestion {
  const contact = hi.people[d]!.contact;
  const ev = evidenceFor(hi, d, query, HELPER_PROFILE, notHeadline);
  const evidence = ev?.best ?? { field: 'role' as const, quote: contact.role };
  return { contactId: contact.id, score, reason: reasonSentence(contact, evidence), evidence, warmth, communityFit };
}

/** Suggestions for every active objective, by objective id. */
export function suggestHelpersForAll(
  hi: HelperIndex,
  objectives: readonly Objective[],
  opts: SuggestOptions = {},
): Map<ObjectiveId, Suggestion[]> {
  const out = new Map<ObjectiveId, Suggestion[]>();
  for (const o of objectives) {
    if (o.deletedAt !== null || o.mergedIntoId !== null || o.status !== 'active') continue;
    out.set(o.id, suggestHelpers(hi, o, opts));
  }
  return out;
}
