/**
 * BM25F: the classic search ranking, over documents with several fields
 * weighted differently (a match in someone's role counts more than one in a
 * note). A term's frequency in each field is normalised by that field's length,
 * weighted, summed over fields, then saturated once (k1): ten mentions of
 * "climate" count little more than three. Rare terms count more (idf).
 *
 * The index is built once over everyone; a query walks only the postings of
 * its own terms, so asking is cheap even over 10,000 people.
 */
import { findConcepts, isConceptTerm, type ConceptMatcher, vocabularyMatcher } from './concepts.ts';
import { tokenize, type Token } from './tokens.ts';

/** BM25's saturation: how fast repeated mentions stop adding. */
export const K1 = 1.2;

export interface AnalysedText {
  tokens: Token[];
  /** Term → frequency; concepts count with their weight. */
  freq: Map<string, number>;
  /** Words in the text (concepts not counted): the length BM25 normalises by. */
  length: number;
}

/** A field's words and concepts, as both the index and a query see them. */
export function analyse(text: string, opts: { matcher?: ConceptMatcher } = {}): AnalysedText {
  const tokens = tokenize(text);
  const freq = new Map<string, number>();
  for (const t of tokens) freq.set(t.term, (freq.get(t.term) ?? 0) + 1);
  for (const h of findConcepts(tokens, opts.matcher ?? vocabularyMatcher()))
    freq.set(h.term, (freq.get(h.term) ?? 0) + h.weight);
  return { tokens, freq, length: tokens.length };
}

interface Postings {
  docs: Int32Array;
  fields: Uint8Array;
  freq: Float32Array;
  /** How many documents hold the term in any field. */
  df: number;
}

export interface FieldIndex {
  readonly fieldCount: number;
  readonly docCount: number;
  /** Words per field of each document, at doc * fieldCount + field. */
  readonly lengths: Float32Array;
  readonly avgLength: Float64Array;
  readonly postings: ReadonlyMap<string, Postings>;
}

/** Fills an index one document at a time: `addField` for each field, documents in order 0, 1, 2… */
export function makeIndexBuilder(fieldCount: number) {
  const growing = new Map<string, { docs: number[]; fields: number[]; freq: number[]; df: number; lastDoc: number }>();
  const lengths: number[] = [];
  let docCount = 0;
  return {
    /** Adds one field's analysed text to document `doc` (the last one started, or the next). */
    addField(doc: number, field: number, text: AnalysedText): void {
      if (doc >= docCount) {
        for (let d = docCount; d <= doc; d++) for (let f = 0; f < fieldCount; f++) lengths.push(0);
        docCount = doc + 1;
      }
      lengths[doc * fieldCount + field] = (lengths[doc * fieldCount + field] as number) + text.length;
      for (const [term, n] of text.freq) {
        let p = growing.get(term);
        if (!p) growing.set(term, (p = { docs: [], fields: [], freq: [], df: 0, lastDoc: -1 }));
        p.docs.push(doc);
        p.fields.push(field);
        p.freq.push(n);
        if (p.lastDoc !== doc) {
          p.df++;
          p.lastDoc = doc;
        }
      }
    },
    /** Makes sure `count` documents exist, for documents whose fields are all empty. */
    ensureDocs(count: number): void {
      while (docCount < count) {
        for (let f = 0; f < fieldCount; f++) lengths.push(0);
        docCount++;
      }
    },
    build(): FieldIndex {
      const avgLength = new Float64Array(fieldCount);
      for (let d = 0; d < docCount; d++)
        for (let f = 0; f < fieldCount; f++)
          avgLength[f] = (avgLength[f] as number) + (lengths[d * fieldCount + f] as number);
      for (let f = 0; f < fieldCount; f++)
        avgLength[f] = docCount === 0 ? 1 : Math.max(1, (avgLength[f] as number) / docCount);
      const postings = new Map<string, Postings>();
      for (const [term, p] of growing) {
        postings.set(term, {
          docs: Int32Array.from(p.docs),
          fields: Uint8Array.from(p.fields),
          freq: Float32Array.from(p.freq),
          df: p.df,
        });
      }
      return { fieldCount, docCount, lengths: Float32Array.from(lengths), avgLength, postings };
    },
  };
}

/** How one kind of question weighs each field: weight 0 ignores it. `b` is length normalisation, 0–1. */
export interface FieldProfile {
  weights: readonly number[];
  b: readonly number[];
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** Terms that say the same thing share a unit (a word and the concept it is part of). */
  unit: number;
}

/**
 * How much more a unit the vocabulary knows counts towards coverage. The
 * vocabulary names kinds of work and sectors — what a helper *is* — while other
 * words are details: in "Hire a senior product designer", being a designer
 * matters more than the word "senior".
 */
const CONCEPT_UNIT_WEIGHT = 2;

/** The most units a query keeps apart; more share the last bit. */
const MAX_UNITS = 31;

/** A question's terms: each concept is a unit with the words of its phrase; other words are a unit each. */
export function queryTerms(text: string, matcher: ConceptMatcher = vocabularyMatcher()): QueryTerm[] {
  const tokens = tokenize(text, { query: true });
  const hits = findConcepts(tokens, matcher);
  const out = new Map<string, QueryTerm>();
  const unitOfToken = new Array<number>(tokens.length).fill(-1);
  let units = 0;
  const put = (term: string, weight: number, unit: number) => {
    const seen = out.get(term);
    if (!seen) out.set(term, { term, weight, unit });
    else if (weight > seen.weight) seen.weight = weight;
  };
  // Filler words stay only inside a phrase ("machine learning"), never on their own.
  const filler = tokens.map((t) => t.filler === true);
  for (const h of hits) {
    if (filler.slice(h.from, h.to).every(Boolean)) continue; // "clients" alone is filler, not the concept
    // A phrase overlapping one already placed joins its unit: "clean energy" and "energy" are one need.
    let unit = -1;
    for (let i = h.from; i < h.to; i++) if (unitOfToken[i] !== -1) unit = unitOfToken[i] as number;
    if (unit === -1) unit = Math.min(units++, MAX_UNITS - 1);
    for (let i = h.from; i < h.to; i++) if (unitOfToken[i] === -1) unitOfToken[i] = unit;
    put(h.term, h.weight, unit);
  }
  tokens.forEach((t, i) => {
    let unit = unitOfToken[i] as number;
    if (unit === -1 && filler[i]) return;
    if (unit === -1) {
      const seen = out.get(t.term);
      unit = seen ? seen.unit : Math.min(units++, MAX_UNITS - 1);
    }
    put(t.term, 1, unit);
  });
  return [...out.values()];
}

export function idf(index: FieldIndex, term: string): number {
  const df = index.postings.get(term)?.df ?? 0;
  return Math.log(1 + (index.docCount - df + 0.5) / (df + 0.5));
}

interface Scores {
  /** BM25F score per document; 0 where nothing matched. */
  scores: Float64Array;
  /** Bit u set where the document matched unit u. */
  units: Uint32Array;
  /** The documents with a score, in no order. */
  matched: number[];
  /** Each unit's weight in the question: its rarest term's idf. */
  unitMass: number[];
}

/** Scores every document for a question, walking only the postings of its terms. */
export function scoreQuery(index: FieldIndex, query: readonly QueryTerm[], profile: FieldProfile): Scores {
  const n = index.docCount;
  const F = index.fieldCount;
  const scores = new Float64Array(n);
  const units = new Uint32Array(n);
  const acc = new Float64Array(n);
  const matched: number[] = [];
  const touched: number[] = [];
  const unitMass: number[] = [];
  // 1 − b + b·len/avg, as the reciprocal times weight, per field: the inner loop is one multiply.
  const { weights, b } = profile;
  const lengths = index.lengths;
  for (const q of query) {
    const p = index.postings.get(q.term);
    const termIdf = idf(index, q.term);
    // A word nobody's fields hold says nothing about who can help: it does not count against coverage.
    const mass = p ? termIdf * q.weight * (isConceptTerm(q.term) ? CONCEPT_UNIT_WEIGHT : 1) : 0;
    unitMass[q.unit] = Math.max(unitMass[q.unit] ?? 0, mass);
    if (!p) continue;
    const docs = p.docs;
    const fields = p.fields;
    const freq = p.freq;
    for (let i = 0; i < docs.length; i++) {
      const f = fields[i] as number;
      const w = weights[f] as number;
      if (w === 0) continue;
      const d = docs[i] as number;
      const bf = b[f] as number;
      const norm = 1 - bf + (bf * (lengths[d * F + f] as number)) / (index.avgLength[f] as number);
      if (acc[d] === 0) touched.push(d);
      acc[d] = (acc[d] as number) + (w * (freq[i] as number)) / norm;
    }
    const scale = q.weight * termIdf;
    const bit = 1 << q.unit;
    for (const d of touched) {
      const tf = acc[d] as number;
      if (scores[d] === 0) matched.push(d);
      scores[d] = (scores[d] as number) + (scale * tf) / (K1 + tf);
      units[d] = (units[d] as number) | bit;
      acc[d] = 0;
    }
    touched.length = 0;
  }
  for (let u = 0; u < unitMass.length; u++) unitMass[u] ??= 0;
  return { scores, units, matched, unitMass };
}

/** The share of the question's weight a document answered, 0–1. */
export function coverage(unitMask: number, unitMass: readonly number[]): number {
  let total = 0;
  let got = 0;
  for (let u = 0; u < unitMass.length; u++) {
    const m = unitMass[u] as number;
    total += m;
    if (unitMask & (1 << u)) got += m;
  }
  return total === 0 ? 0 : got / total;
}
