/**
 * Why a document ranked: which field earned most of its score, and the phrase
 * in that field to quote. Worked out again from the text for the few results
 * shown, so the index itself stays small.
 */
import { analyse, idf, K1, type AnalysedText, type FieldIndex, type FieldProfile, type QueryTerm } from './bm25.ts';
import { findConcepts, vocabularyMatcher } from './concepts.ts';

interface FieldEvidence {
  field: number;
  /** This field's share of the document's score, in score units. */
  contribution: number;
  /** The query terms this field matched. */
  matched: Set<string>;
}

/** Each field's contribution to the document's score, largest first; fields that matched nothing are left out. */
export function fieldEvidence(
  index: FieldIndex,
  doc: number,
  texts: readonly string[],
  query: readonly QueryTerm[],
  profile: FieldProfile,
): FieldEvidence[] {
  const F = index.fieldCount;
  const wanted = new Map(query.map((q) => [q.term, q]));
  const analysed: (AnalysedText | null)[] = texts.map((t) => (t === '' ? null : analyse(t)));
  // Weighted, normalised frequency of each term in each field, then summed, as the index scored it.
  const parts: Map<string, number>[] = [];
  const total = new Map<string, number>();
  for (let f = 0; f < F; f++) {
    const part = new Map<string, number>();
    parts.push(part);
    const a = analysed[f];
    const w = profile.weights[f] ?? 0;
    if (!a || w === 0) continue;
    const bf = profile.b[f] ?? 0;
    const norm = 1 - bf + (bf * (index.lengths[doc * F + f] as number)) / (index.avgLength[f] as number);
    for (const [term, n] of a.freq) {
      if (!wanted.has(term)) continue;
      const x = (w * n) / norm;
      part.set(term, x);
      total.set(term, (total.get(term) ?? 0) + x);
    }
  }
  const out: FieldEvidence[] = [];
  parts.forEach((part, f) => {
    let contribution = 0;
    for (const [term, x] of part) {
      const q = wanted.get(term) as QueryTerm;
      contribution += (q.weight * idf(index, term) * x) / (K1 + (total.get(term) as number));
    }
    if (contribution > 0) out.push({ field: f, contribution, matched: new Set(part.keys()) });
  });
  return out.sort((a, b) => b.contribution - a.contribution);
}

/** Longest quote, in characters; longer clauses are cut around what matched. */
const QUOTE_MAX = 80;

// Clauses: sentences, lines and bullets; in lists (tags, communities) each item.
const CLAUSE_END = /[.;!?\n•|]+\s*/g;
const LIST_END = /[,;\n]+\s*/g;

/**
 * The phrase of `text` to quote as evidence for `matched` terms: the clause with
 * the most matches, trimmed, cut to QUOTE_MAX around its first match. Plain text:
 * the caller shows it as text, never as markup.
 */
export function quoteEvidence(text: string, matched: ReadonlySet<string>, opts: { list?: boolean } = {}): string {
  const a = analyse(text);
  // Which words matched: the word itself, or a phrase whose concept matched.
  const hit = a.tokens.map((t) => matched.has(t.term));
  for (const h of findConcepts(a.tokens, vocabularyMatcher()))
    if (matched.has(h.term)) for (let i = h.from; i < h.to; i++) hit[i] = true;
  const re = new RegExp(opts.list ? LIST_END.source : CLAUSE_END.source, 'g');
  let best: { start: number; end: number; score: number; first: number } | null = null;
  let start = 0;
  const consider = (end: number) => {
    let score = 0;
    let first = -1;
    a.tokens.forEach((t, i) => {
      if (t.start >= start && t.end <= end && hit[i]) {
        score++;
        if (first === -1) first = t.start;
      }
    });
    if (score > 0 && (best === null || score > best.score)) best = { start, end, score, first };
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    consider(m.index);
    start = m.index + m[0].length;
  }
  consider(text.length);
  const chosen = best as { start: number; end: number; first: number } | null;
  if (chosen === null) return clip(text.trim(), 0);
  const clause = text.slice(chosen.start, chosen.end);
  const lead = clause.length - clause.trimStart().length;
  return clip(clause.trim(), Math.max(0, chosen.first - chosen.start - lead));
}

/** Cuts `s` to QUOTE_MAX characters at word boundaries, keeping the character at `focus` in view. */
function clip(s: string, focus: number): string {
  const flat = s.replace(/\s+/g, ' ');
  if (flat.length <= QUOTE_MAX) return flat;
  let from = Math.max(0, Math.min(focus - 20, flat.length - QUOTE_MAX));
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    from = space === -1 || space > focus ? from : space + 1;
  }
  let to = Math.min(flat.length, from + QUOTE_MAX - 2);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > from + 20) to = space;
  }
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).trim()}${to < flat.length ? '…' : ''}`;
}
