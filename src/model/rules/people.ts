/** The People list: filters and sorts over plain values; search lives in text.ts. */
import type { Contact } from '../contact.ts';
import type { IsoDateTime } from '../fields.ts';
import type { CommunityId, ContactId } from '../ids.ts';
import { isActivePerson } from './people-status.ts';
import { quadrantOf, type Quadrant } from './stakeholders.ts';
import { foldText } from './text.ts';

interface PeopleFilter {
  communityId?: CommunityId | null;
  /** Matched without regard to case or accents. */
  tag?: string | null;
  quadrant?: Quadrant | 'unplaced' | null;
  /** Only people Today says need a follow-up (see TodayView.needsFollowUp). */
  needsFollowUp?: boolean;
}

/** Active people matching every filter given, in the order given. */
export function filterPeople(
  contacts: readonly Contact[],
  filter: PeopleFilter,
  needsFollowUp: ReadonlySet<ContactId> = new Set(),
): Contact[] {
  const tag = filter.tag ? foldText(filter.tag.trim()) : null;
  return contacts.filter((c) => {
    if (!isActivePerson(c)) return false;
    if (filter.communityId && !c.communityIds.includes(filter.communityId)) return false;
    if (tag !== null && !c.tags.some((t) => foldText(t) === tag)) return false;
    if (filter.quadrant && (quadrantOf(c) ?? 'unplaced') !== filter.quadrant) return false;
    if (filter.needsFollowUp && !needsFollowUp.has(c.id)) return false;
    return true;
  });
}

/** Every tag in use with how many active people carry it; spellings that fold alike count as one. */
export function tagCounts(contacts: readonly Contact[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const c of contacts) {
    if (!isActivePerson(c)) continue;
    for (const t of c.tags) {
      const key = foldText(t);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag: t, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export type PeopleSort = 'name' | 'last-contact' | 'met';

/**
 * Folded names of plain letters and single spaces order by code unit exactly as
 * a collator for these languages orders them, at a fifth of the cost: sorting
 * 10,000 names is on the path to the People list's first frame. Other names,
 * and other languages (where "ch" or "aa" may be letters of their own), use the collator.
 */
const PLAIN_NAME = /^[a-z]+(?: [a-z]+)*$/;
const PLAIN_ALPHABET_LANGUAGES = new Set(['en', 'de', 'fr', 'it', 'pt', 'es', 'nl']);

/** A person's name as the sort compares it, made once per person value (values are new after each change). */
interface NameKey {
  /** Folded: case and accents ignored. */
  name: string;
  /** Plain letters and single spaces (PLAIN_NAME). */
  plain: boolean;
  /** The folded name then the id, NUL between (NUL sorts before any letter). */
  key: string;
}
const nameKeys = new WeakMap<Contact, NameKey>();

function nameKeyOf(c: Contact): NameKey {
  let k = nameKeys.get(c);
  if (k === undefined) {
    const name = foldText(c.name);
    k = { name, plain: PLAIN_NAME.test(name), key: `${name}\u0000${c.id}` };
    nameKeys.set(c, k);
  }
  return k;
}

/**
 * Folds these people's names for a later sort by name, which then only compares: a page
 * that opens on a sorted list can do this in slices before its first render.
 */
export function foldNamesAhead(contacts: readonly Contact[]): void {
  for (const c of contacts) nameKeyOf(c);
}

/**
 * A sorted copy. Name: locale-aware, ignoring case and accents. Last contact and
 * date met: most recent first, unknown last, then by name.
 */
export function sortPeople(
  contacts: readonly Contact[],
  by: PeopleSort,
  lastContact: ReadonlyMap<ContactId, IsoDateTime> = new Map(),
  locale?: string,
): Contact[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const resolved = collator.resolvedOptions();
  // A tailored collation (traditional Spanish sorts "ch" after "c") is not plain either.
  const plainAlphabet =
    resolved.collation === 'default' && PLAIN_ALPHABET_LANGUAGES.has(resolved.locale.split('-')[0] ?? '');
  if (by === 'name' && plainAlphabet) {
    const byKey = contacts.map((c) => ({ c, k: nameKeyOf(c) }));
    if (byKey.every((e) => e.k.plain)) {
      // One string per person, name then id: one comparison per step, no ties.
      byKey.sort((a, b) => (a.k.key < b.k.key ? -1 : 1));
      return byKey.map((e) => e.c);
    }
  }
  const keyed = contacts.map((c) => {
    const k = nameKeyOf(c);
    return {
      c,
      name: k.name,
      plain: plainAlphabet && k.plain,
      when: by === 'met' ? c.metOn : by === 'last-contact' ? (lastContact.get(c.id) ?? null) : null,
    };
  });
  type Keyed = (typeof keyed)[number];
  const compareNames = (a: Keyed, b: Keyed) =>
    a.plain && b.plain ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : collator.compare(a.name, b.name);
  const byName = (a: Keyed, b: Keyed) => compareNames(a, b) || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
  keyed.sort((a, b) => {
    if (by !== 'name' && a.when !== b.when) {
      if (a.when === null) return 1;
      if (b.when === null) return -1;
      return a.when < b.when ? 1 : -1;
    }
    return byName(a, b);
  });
  return keyed.map((k) => k.c);
}
