/**
 * The document's shape: one top-level Y.Map per collection, each entry its own
 * Y.Map of plain values (so concurrent edits to different fields both survive),
 * a `me` map for the user's card, a `meta` map for the schema version, a
 * `notDuplicates` map of pairs of people the user said are not one person, and a
 * `dismissedSuggestions` map of "who can help" suggestions the user turned down.
 *
 * An entry keeps the values it was created with under one key, INITIAL, as one
 * Yjs item holding their JSON text. Every other key is a later edit of one field
 * and wins over the initial value; a null there means the field was emptied.
 * Creating 10,000 people is then 20,000 items instead of 130,000, while two
 * devices editing different fields still write different keys and both edits
 * survive. JSON text rather than a Yjs-encoded object because Yjs decodes every
 * string of an object on its own, and those ~250,000 small decodes were most of
 * loading 10,000 people; one string per entry loads four times faster, and
 * JSON.parse builds the objects faster than the decoder does.
 * Entries of schema version 1 have no INITIAL key, only one key per field, and read the same way.
 */
import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from '../model/index.ts';

const META = 'meta';
export const ME = 'me';

export type EntryMap = Y.Map<unknown>;

export function collectionMap(doc: Y.Doc, name: CollectionName): Y.Map<EntryMap> {
  return doc.getMap<EntryMap>(name);
}

export function allCollectionMaps(doc: Y.Doc): Y.Map<EntryMap>[] {
  return COLLECTION_NAMES.map((name) => collectionMap(doc, name));
}

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META);
/** Pairs of people the user said are not the same person: pair key → when it was said. */
export const notDuplicatesMap = (doc: Y.Doc) => doc.getMap<unknown>('notDuplicates');
export const meMap = (doc: Y.Doc) => doc.getMap<unknown>(ME);
/** Suggestions ("who can help") the user dismissed: suggestion key (objective or offer | person or community) → when. */
export const DISMISSED_SUGGESTIONS = 'dismissedSuggestions';
export const dismissedSuggestionsMap = (doc: Y.Doc) => doc.getMap<unknown>(DISMISSED_SUGGESTIONS);

/** The top-level maps this version knows; any other was added by a newer version (src/store/README.md). */
const KNOWN_ROOTS = new Set<string>([...COLLECTION_NAMES, META, ME, 'notDuplicates', DISMISSED_SUGGESTIONS]);

/**
 * Collections a newer version added, which reached this device through sync. A root this
 * version never asked for is a bare type until asked; it is taken as a map only when it holds
 * keyed entries and no list, which is what a newer version's collection is.
 */
export function otherCollectionMaps(doc: Y.Doc): [string, Y.Map<unknown>][] {
  const found: [string, Y.Map<unknown>][] = [];
  for (const [name, type] of doc.share) {
    if (KNOWN_ROOTS.has(name) || type._start !== null || type._map.size === 0) continue;
    found.push([name, doc.getMap<unknown>(name)]);
  }
  return found;
}

export const INITIAL = '@';

/** Initial values from their JSON text; null when that is not the JSON text of a record. */
function parseInitial(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const values: unknown = JSON.parse(text);
    return typeof values === 'object' && values !== null && !Array.isArray(values)
      ? (values as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * An entry's initial values, parsed once: the text is written when the entry
 * is made and never changes, and a scan of every entry (a merge repointing
 * links) would otherwise parse 10,000 of them each time.
 */
const parsedInitial = new WeakMap<EntryMap, { text: unknown; values: Record<string, unknown> | null }>();
function initialValues(entry: EntryMap): Record<string, unknown> | null {
  const text = entry.get(INITIAL);
  const cached = parsedInitial.get(entry);
  if (cached && cached.text === text) return cached.values;
  const values = parseInitial(text);
  parsedInitial.set(entry, { text, values });
  return values;
}

/**
 * The stored values of one entry, initial values overlaid by later edits, as a
 * fresh object; null when a buggy device stored something that is not a record.
 */
export function entryValues(entry: unknown): Record<string, unknown> | null {
  if (!(entry instanceof Y.Map)) return null;
  const text: unknown = entry.get(INITIAL);
  const values = text === undefined ? {} : parseInitial(text);
  if (values === null) return null;
  // `_map` also holds removed keys, so one key there that is INITIAL means no edits; `size` would copy every key to count them.
  if (text !== undefined && entry._map.size === 1) return values;
  entry.forEach((value, key) => {
    if (key !== INITIAL) values[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  });
  return values;
}

/** One field's stored value: a later edit if there is one, else the initial value. */
export function entryField(entry: EntryMap, field: string): unknown {
  return entry.has(field) ? entry.get(field) : initialValues(entry)?.[field];
}

/**
 * Whether an entry's initial values could hold any of `texts`, judged on the
 * stored text without parsing it: a scan looking for a few ids skips the
 * entries that cannot name them.
 */
export function initialTextMayHold(entry: EntryMap, texts: readonly string[]): boolean {
  const text = entry.get(INITIAL);
  return typeof text !== 'string' || texts.some((t) => text.includes(t));
}

/** Empties a field: removes its edit, and hides an initial value behind a null. */
export function clearEntryField(entry: EntryMap, field: string): void {
  if (initialValues(entry)?.[field] != null) entry.set(field, null);
  else entry.delete(field);
}

/** A new entry holding `values` as its initial values: one item, however many fields. */
export function newEntryMap(values: Record<string, unknown>): EntryMap {
  return new Y.Map<unknown>([[INITIAL, JSON.stringify(values)]]);
}
