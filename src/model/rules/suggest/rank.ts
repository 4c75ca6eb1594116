/**
 * Ranking people for a question (an objective, an offer, someone's needs):
 * BM25F relevance, scaled by how much of the question a person answers, then
 * two boosts a person can see the reason for — a warm relationship, and
 * membership of the kind of community the question needs.
 */
import type { Contact } from '../../contact.ts';
import type { CommunityId } from '../../ids.ts';
import type { CommunityKind } from '../../community.ts';
import type { Freshness } from '../coverage.ts';
import { coverage, idf, scoreQuery, type FieldProfile, type QueryTerm } from './bm25.ts';
import { fieldEvidence, quoteEvidence } from './explain.ts';
import { FIELD_LABELS, PERSON_FIELDS, type HelperIndex, type PersonDoc, type PersonField } from './people-index.ts';

/** Warm relationships are likelier to help: the score is multiplied by these. */
export const WARMTH_BOOST: Record<Freshness, number> = { fresh: 1.15, warm: 1.07, stale: 1 };
/** Being in a community of a kind the objective needs. */
export const COMMUNITY_FIT_BOOST = 1.1;
/**
 * How strongly answering only part of the question is held against a person:
 * relevance × coverage^this. Someone who matches "climate" and "hiring" beats
 * someone who says "climate" five times.
 */
export const COVERAGE_POWER = 1.5;

interface RankOptions {
  profile: FieldProfile;
  /** Kinds of community that fit the question (an objective's needed kinds). */
  fitKinds?: readonly CommunityKind[];
  /** People never to return. */
  skip?: (doc: PersonDoc) => boolean;
  limit: number;
  /** Least share of the question's weight a person must answer, 0–1. */
  minCoverage: number;
  /** Least relevance against the question's best possible score, 0–1. */
  minRelevance: number;
}

interface Ranked {
  doc: number;
  score: number;
  /** BM25F relevance divided by the best the question could score: comparable across questions. */
  relevance: number;
  /** The warmth boost that applied, if any. */
  warmth: Exclude<Freshness, 'stale'> | null;
  communityFit: CommunityId | null;
}

/** The best possible score for a question: every term saturated in every field. */
function idealScore(hi: HelperIndex, query: readonly QueryTerm[]): number {
  let s = 0;
  for (const q of query) s += q.weight * idf(hi.index, q.term);
  return s;
}

export function rankPeople(hi: HelperIndex, query: readonly QueryTerm[], opts: RankOptions): Ranked[] {
  if (query.length === 0) return [];
  const { scores, units, matched, unitMass } = scoreQuery(hi.index, query, opts.profile);
  const ideal = idealScore(hi, query);
  const fit = new Set(opts.fitKinds ?? []);
  const out: Ranked[] = [];
  for (const d of matched) {
    const doc = hi.people[d] as PersonDoc;
    if (opts.skip?.(doc)) continue;
    const cov = coverage(units[d] as number, unitMass);
    if (cov < opts.minCoverage) continue;
    const raw = scores[d] as number;
    const relevance = ideal === 0 ? 0 : raw / ideal;
    if (relevance < opts.minRelevance) continue;
    let score = raw * cov ** COVERAGE_POWER;
    if (doc.warmth) score *= WARMTH_BOOST[doc.warmth];
    let communityFit: CommunityId | null = null;
    if (fit.size) {
      communityFit =
        doc.communityIds.find((id) => fit.has((hi.communityById.get(id) as { kind: CommunityKind }).kind)) ?? null;
      if (communityFit) score *= COMMUNITY_FIT_BOOST;
    }
    out.push({ doc: d, score, relevance, warmth: doc.warmth === 'stale' ? null : doc.warmth, communityFit });
  }
  // Ties go to the name, so the order never depends on the order people were added.
  out.sort((a, b) => b.score - a.score || nameOf(hi, a.doc).localeCompare(nameOf(hi, b.doc)));
  return out.slice(0, opts.limit);
}

const nameOf = (hi: HelperIndex, d: number) => (hi.people[d] as PersonDoc).contact.name;

interface Evidence {
  field: PersonField;
  /** The words quoted from that field, as typed. */
  quote: string;
}

/** The field that earned most of a person's score, and what to quote from it. */
export function evidenceFor(
  hi: HelperIndex,
  d: number,
  query: readonly QueryTerm[],
  profile: FieldProfile,
  prefer?: (f: PersonField) => boolean,
): { best: Evidence; all: Evidence[]; matched: Set<string> } | null {
  const doc = hi.people[d] as PersonDoc;
  const fields = fieldEvidence(hi.index, d, doc.texts, query, profile);
  if (fields.length === 0) return null;
  const all = fields.map((f) => {
    const field = PERSON_FIELDS[f.field] as PersonField;
    return {
      field,
      quote: quoteEvidence(doc.texts[f.field] as string, f.matched, {
        list: field === 'tags' || field === 'communities',
      }),
    };
  });
  const top = fields[0]?.contribution ?? 0;
  // A preferred field (one the sentence does not already show) wins when it earned a fair share.
  const preferred = prefer
    ? all.find((e, i) => prefer(e.field) && (fields[i]?.contribution ?? 0) >= 0.3 * top)
    : undefined;
  const matched = new Set<string>();
  for (const f of fields) for (const t of f.matched) matched.add(t);
  return { best: preferred ?? (all[0] as Evidence), all, matched };
}

/** "Talent partner at Climatebase", "Talent partner", "Climatebase", or "". */
export function headline(c: Pick<Contact, 'role' | 'organisation'>): string {
  if (c.role && c.organisation) return `${c.role} at ${c.organisation}`;
  return c.role || c.organisation;
}

const HEADLINE_FIELDS: ReadonlySet<PersonField> = new Set(['role', 'organisation']);
const notHeadline = (f: PersonField) => !HEADLINE_FIELDS.has(f);
export { notHeadline };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One plain sentence quoting the evidence: `Talent partner at Climatebase — what
 * they need: “strong climate PMs”`. When the role or organisation is the
 * evidence, it is quoted in place: `Works as “Product manager” at Octopus Energy`.
 */
export function reasonSentence(c: Pick<Contact, 'role' | 'organisation'>, e: Evidence): string {
  if (e.field === 'role') return `Works as “${e.quote}”${c.organisation ? ` at ${c.organisation}` : ''}`;
  if (e.field === 'organisation') return `Works at “${e.quote}”${c.role ? ` as ${c.role}` : ''}`;
  const head = headline(c);
  const label = FIELD_LABELS[e.field];
  return head ? `${head} — ${label}: “${e.quote}”` : `${capitalise(label)}: “${e.quote}”`;
}
