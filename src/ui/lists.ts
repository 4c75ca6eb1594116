/** Small helpers for the lists the pages show and the id lists entities keep. */
import type { Contact } from '../model/index.ts';
import { sortPeople } from '../model/rules/index.ts';

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Alphabetical by name, ignoring case and accents, in the person's own language. */
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/** Adds or removes one id in an entity's list of links (communities, objectives). */
export function toggled<T extends string>(list: readonly T[], id: T, on: boolean): T[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

const sortedByName = new WeakMap<readonly Contact[], Contact[]>();

/**
 * `people` sorted by name (sortPeople), once per list: a list of people is a new array after
 * every change and never changed in place. The app sorts the first People list before its
 * first render, in a task of its own, and People's render finds it sorted.
 */
export function peopleByName(people: readonly Contact[]): Contact[] {
  let sorted = sortedByName.get(people);
  if (sorted === undefined) sortedByName.set(people, (sorted = sortPeople(people, 'name')));
  return sorted;
}
