/** Small helpers for the lists the pages show and the id lists entities keep. */

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Alphabetical by name, ignoring case and accents, in the person's own language. */
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/** Adds or removes one id in an entity's list of links (communities, objectives). */
export function toggled<T extends string>(list: readonly T[], id: T, on: boolean): T[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}
