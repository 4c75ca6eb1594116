/**
 * Text into terms for matching: folded (case, accents), split into words,
 * common words dropped, each word stemmed. The same function reads a person's
 * fields and an objective, so both sides always agree.
 */
import { foldText } from '../text.ts';
import { stem } from './stem.ts';

/**
 * Words that say nothing about what someone does or needs. Kept short on
 * purpose: "work", "new", "lead" and the like carry meaning in a job title.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down ' +
    'during each etc few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself ' +
    'no nor not now of off on once only or other our ours ourselves out over own per same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very via was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves s t re ve ll d m im ive dont us lot lots much many really quite maybe'
  ).split(' '),
);

/**
 * Words of an objective's or an offer's wording that say what the user will do, not
 * who could help: "Get introduced to …", "Be known as …", "Find someone who …".
 * Dropped from queries only; in a person's fields they are rare and harmless.
 */
const QUERY_FILLER: ReadonlySet<string> = new Set(
  (
    'get getting got introduce introduced introduction introductions intro find finding meet meeting met want wants become be known better ' +
    'help helping helps ask learn learning understand someone somebody people person anyone who ways way things thing start starting ' +
    'make making take taking give giving go going reach land landing join joining year years month months week weeks next first new good great ' +
    'least one two three four five six several couple minded ideally look looking major know knows known win winning client clients'
  ).split(' '),
);

export interface Token {
  /** The stemmed term. */
  term: string;
  /** A query's filler word ("get", "learn"): kept only where a phrase needs it ("machine learning"). */
  filler?: boolean;
  /** Where the word starts and ends in the original text, for quoting it. */
  start: number;
  end: number;
}

// A word: letters and digits, with inner apostrophes kept (women's, o'brien) and dropped below.
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const APOSTROPHES = /['’]/g;

/** A folded word into a term, or null for a stop word or a bare number. */
function termOf(folded: string, stop: ReadonlySet<string> = STOP_WORDS): string | null {
  const w = folded.replace(APOSTROPHES, '');
  if (w.length < 2 || stop.has(w)) return null;
  if (/^\d+$/.test(w)) return null; // "3 startups", "2026": numbers say nothing about a person
  return stem(w);
}

/**
 * Words as typed → [folded word, term]. A network of 10,000 people uses a few
 * thousand distinct words a hundred times each: folding and stemming each once
 * makes building the index several times faster. Emptied when it grows large.
 */
const wordCache = new Map<string, readonly [string, string | null]>();
const WORD_CACHE_MAX = 50_000;

function readWord(raw: string): readonly [string, string | null] {
  let known = wordCache.get(raw);
  if (known === undefined) {
    // Folding may split one letter in two (ß → ss) but never into two words.
    const word = foldText(raw).replace(/[^a-z0-9'’]/g, '');
    known = [word.replace(APOSTROPHES, ''), termOf(word)];
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    wordCache.set(raw, known);
  }
  return known;
}

/**
 * The terms of a text, with their places in it. In a query, filler words are
 * marked rather than dropped, so that a phrase can still use them. Offsets refer to `text` as given:
 * each word is folded on its own, so folding never moves them.
 */
export function tokenize(text: string, opts: { query?: boolean } = {}): Token[] {
  const out: Token[] = [];
  if (text === '') return out;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const [word, term] = readWord(m[0]);
    if (term === null) continue;
    const token: Token = { term, start: m.index, end: m.index + m[0].length };
    if (opts.query && (QUERY_FILLER.has(word) || QUERY_FILLER.has(term))) token.filler = true;
    out.push(token);
  }
  return out;
}

/** Just the terms; a query's filler words are left out. */
export function terms(text: string, opts: { query?: boolean } = {}): string[] {
  return tokenize(text, opts)
    .filter((t) => !t.filler)
    .map((t) => t.term);
}
