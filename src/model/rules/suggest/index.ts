/**
 * Who can help (issue 13 §1): for each objective, offer or person, the people
 * (and communities) most likely to help or to value it, ranked with BM25F over
 * what is known about everyone, a vocabulary of professional synonyms, and
 * boosts for warm relationships and fitting communities. Each suggestion
 * carries one sentence quoting its evidence.
 */
export * from './stem.ts';
export * from './tokens.ts';
export * from './vocabulary.ts';
export * from './concepts.ts';
export * from './bm25.ts';
export * from './explain.ts';
export * from './keys.ts';
export * from './query.ts';
export * from './people-index.ts';
export * from './rank.ts';
export * from './helpers.ts';
export * from './offers.ts';
export * from './introductions.ts';
