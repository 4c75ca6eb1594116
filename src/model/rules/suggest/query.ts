/** A question made of several texts, each weighted: an objective's title says more than its description. */
import { queryTerms, type QueryTerm } from './bm25.ts';

export function weightedQuery(parts: readonly { text: string; weight: number }[]): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  let unitBase = 0;
  for (const part of parts) {
    if (part.text.trim() === '') continue;
    const terms = queryTerms(part.text);
    let maxUnit = -1;
    for (const t of terms) {
      maxUnit = Math.max(maxUnit, t.unit);
      const seen = out.get(t.term);
      const weight = t.weight * part.weight;
      // A term already asked by an earlier (weightier) part keeps its unit and the larger weight.
      if (seen) seen.weight = Math.max(seen.weight, weight);
      else out.set(t.term, { term: t.term, weight, unit: Math.min(30, unitBase + t.unit) });
    }
    unitBase += maxUnit + 1;
  }
  return [...out.values()];
}
