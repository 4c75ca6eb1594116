/**
 * The document's shape: one top-level Y.Map per collection, each entry its own
 * Y.Map of plain values (so concurrent edits to different fields both survive),
 * a `me` map for the user's card and a `meta` map for the schema version.
 *
 * An entry keeps the values it was created with under one key, INITIAL, as one
 * Yjs item. Every other key is a later edit of one field and wins over the
 * initial value; a null there means the field was emptied. Creating 10,000
 * people is then 20,000 items instead of 130,000 (a third of the bytes, and
 * several times faster to write, load and sync), while two devices editing
 * different fields still write different keys and both edits survive. Entries
 * of schema version 1 have no INITIAL key, only one key per field, and read the same way.
 */
import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from '../model/index.ts';

export const META = 'meta';
export const ME = 'me';

export type EntryMap = Y.Map<unknown>;

export function collectionMap(doc: Y.Doc, name: CollectionName): Y.Map<EntryMap> {
  return doc.getMap<EntryMap>(name);
}

export function allCollectionMaps(doc: Y.Doc): Y.Map<EntryMap>[] {
  return COLLECTION_NAMES.map((name) => collectionMap(doc, name));
}

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META);
export const meMap = (doc: Y.Doc) => doc.getMap<unknown>(ME);

export const INITIAL = '@';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * The stored values of one entry, initial values overlaid by later edits, or
 * null when a buggy device stored something that is not a record. The result
 * may be the document's own object: read it, never change it.
 */
export function entryValues(entry: unknown): Readonly<Record<string, unknown>> | null {
  if (!(entry instanceof Y.Map)) return null;
  const initial: unknown = entry.get(INITIAL);
  if (initial !== undefined && !isRecord(initial)) return null;
  // `_map` also holds removed keys, so one key there that is INITIAL means no edits; `size` would copy every key to count them.
  if (initial !== undefined && entry._map.size === 1) return initial;
  const values: Record<string, unknown> = { ...initial };
  entry.forEach((value, key) => {
    if (key !== INITIAL) values[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  });
  return values;
}

/** One field's stored value: a later edit if there is one, else the initial value. */
export function entryField(entry: EntryMap, field: string): unknown {
  if (entry.has(field)) return entry.get(field);
  const initial: unknown = entry.get(INITIAL);
  return isRecord(initial) ? initial[field] : undefined;
}

/** Empties a field: removes its edit, and hides an initial value behind a null. */
export function clearEntryField(entry: EntryMap, field: string): void {
  const initial: unknown = entry.get(INITIAL);
  if (isRecord(initial) && initial[field] !== undefined && initial[field] !== null) entry.set(field, null);
  else entry.delete(field);
}

/** A new entry holding `values` as its initial values: one item, however many fields. */
export function newEntryMap(values: Record<string, unknown>): EntryMap {
  return new Y.Map<unknown>([[INITIAL, values]]);
}
