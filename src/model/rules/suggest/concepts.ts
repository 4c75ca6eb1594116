/**
 * Finds the vocabulary's phrases in a run of terms and names their concepts, so
 * that "talent partner" and "hiring managers" share the term `~recruiting`.
 */
import { tokenize, type Token } from './tokens.ts';
import { RELATED_WEIGHT, VOCABULARY, type SynonymGroup } from './vocabulary.ts';

/** Concept terms start with a character no word can hold, so they never meet a word. */
const CONCEPT_PREFIX = '~';
const conceptTerm = (groupId: string) => `${CONCEPT_PREFIX}${groupId}`;
export const isConceptTerm = (term: string) => term.startsWith(CONCEPT_PREFIX);

interface Phrase {
  group: number;
  terms: readonly string[];
  weight: number;
}

interface ConceptHit {
  /** The concept term, `~id`. */
  term: string;
  weight: number;
  /** The tokens the phrase covers, [from, to). */
  from: number;
  to: number;
}

export interface ConceptMatcher {
  readonly groups: readonly SynonymGroup[];
  /** Phrases by their first term, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
}

function makeConceptMatcher(groups: readonly SynonymGroup[] = VOCABULARY): ConceptMatcher {
  const byFirst = new Map<string, Phrase[]>();
  const add = (group: number, text: string, weight: number) => {
    const terms = tokenize(text).map((t) => t.term);
    const first = terms[0];
    if (first === undefined) return; // a phrase of stop words only: nothing to find
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ group, terms, weight });
  };
  groups.forEach((g, i) => {
    for (const t of g.terms) add(i, t, 1);
    for (const t of g.related ?? []) add(i, t, RELATED_WEIGHT);
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length || b.weight - a.weight);
  return { groups, byFirst };
}

let defaultMatcher: ConceptMatcher | null = null;
/** The matcher over the shipped vocabulary, made on first use. */
export function vocabularyMatcher(): ConceptMatcher {
  return (defaultMatcher ??= makeConceptMatcher());
}

/**
 * The concepts in a run of tokens. At each place, each group takes its longest
 * phrase there, and a group does not match again inside its own phrase: "hiring
 * manager" counts once for recruiting, not twice. Groups may overlap ("clean
 * energy" is climate, "energy" is energy).
 */
export function findConcepts(
  tokens: readonly Pick<Token, 'term'>[],
  matcher: ConceptMatcher = vocabularyMatcher(),
): ConceptHit[] {
  const hits: ConceptHit[] = [];
  // Where each group's last phrase ended, so it does not match again inside it.
  const coveredUntil = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const phrases = matcher.byFirst.get((tokens[i] as Token).term);
    if (!phrases) continue;
    const taken = new Set<number>();
    for (const p of phrases) {
      if (taken.has(p.group) || (coveredUntil.get(p.group) ?? 0) > i) continue;
      if (!matchesAt(tokens, i, p.terms)) continue;
      taken.add(p.group);
      coveredUntil.set(p.group, i + p.terms.length);
      hits.push({
        term: conceptTerm((matcher.groups[p.group] as SynonymGroup).id),
        weight: p.weight,
        from: i,
        to: i + p.terms.length,
      });
    }
  }
  return dropContained(hits);
}

/**
 * A phrase inside a longer phrase of another group says less than it: "machine
 * learning" is not machining, an "engineering manager" is more than an engineer.
 */
function dropContained(hits: ConceptHit[]): ConceptHit[] {
  if (hits.length < 2) return hits;
  return hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.term !== h.term && o.from <= h.from && o.to >= h.to && o.to - o.from > h.to - h.from,
      ),
  );
}

function matchesAt(tokens: readonly Pick<Token, 'term'>[], at: number, terms: readonly string[]): boolean {
  if (at + terms.length > tokens.length) return false;
  for (let k = 0; k < terms.length; k++) if ((tokens[at + k] as Token).term !== terms[k]) return false;
  return true;
}

/** The ids of the groups whose concepts a text holds: what the vocabulary tests ask. */
export function conceptsOf(text: string, matcher: ConceptMatcher = vocabularyMatcher()): string[] {
  return [...new Set(findConcepts(tokenize(text), matcher).map((h) => h.term.slice(CONCEPT_PREFIX.length)))];
}
