/**
 * Communities travel between spaces by name (Rapport's CSV, a backup merged into
 * a space that is not empty): ids belong to the space they were made in. Two
 * names are one community when they fold to the same title (case, accents and
 * punctuation aside), as plan items are matched.
 */
import type { Community } from '../model/index.ts';
import { planTitleKey } from '../model/rules/plan-duplicates.ts';

export const communityKey = planTitleKey;

/** Names as a file gives them: spaces tidied, one of each, within the model's length. */
export function cleanCommunityNames(names: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const tidy = name.replace(/\s+/g, ' ').trim().slice(0, 200);
    const key = communityKey(tidy);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tidy);
  }
  return out;
}

type Named = Pick<Community, 'id' | 'name' | 'deletedAt' | 'mergedIntoId'>;

/** A community's name by id, following merges to the one that stayed; none for one in the bin or unknown. */
export function communityNamer(communities: Iterable<Named>): (id: string) => string | undefined {
  const byId = new Map<string, Named>();
  for (const c of communities) byId.set(c.id, c);
  return (id) => {
    let c = byId.get(id);
    for (let hops = 0; c?.mergedIntoId && hops < 20; hops++) c = byId.get(c.mergedIntoId);
    return c && c.deletedAt === null && c.mergedIntoId === null ? c.name : undefined;
  };
}
