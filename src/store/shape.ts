/**
 * The document's shape: one top-level Y.Map per collection, each entry its own
 * Y.Map of plain values (so concurrent edits to different fields both survive),
 * a `me` map for the user's card and a `meta` map for the schema version.
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

/** Plain JSON of one entry, or null when a buggy device stored something that is not a map. */
export function entryJson(entry: unknown): Record<string, unknown> | null {
  return entry instanceof Y.Map ? (entry.toJSON() as Record<string, unknown>) : null;
}
