/** Labels and groups from address books, as tags: system groups are not the user's own words. */

/**
 * Cleans labels as Google and phones export them: drops "* myContacts" and other
 * system groups, keeps "* starred" as the tag "starred", removes duplicates.
 */
export function cleanTags(labels: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const label of labels) {
    const system = /^\*\s*/.test(label);
    let tag = label
      .replace(/^\*\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const systemGroup = /^system group:\s*/i.test(tag);
    if (systemGroup) tag = tag.replace(/^system group:\s*/i, '');
    const lower = tag.toLowerCase();
    if (tag === '' || lower === 'mycontacts' || ((system || systemGroup) && lower === 'my contacts')) continue;
    if (system && tag.toLowerCase() === 'starred') tag = 'starred';
    if (!seen.has(tag)) seen.add(tag), out.push(tag.slice(0, 60));
  }
  return out;
}

/** Splits a Google multi-value cell (`a ::: b`). */
export const splitMulti = (cell: string | undefined) =>
  (cell ?? '')
    .split(' ::: ')
    .map((s) => s.trim())
    .filter((s) => s !== '');
