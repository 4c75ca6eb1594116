/**
 * Reading entities out of the document and writing them in. Reading checks the
 * shape of every entry: a malformed one (from an older or buggy device) is
 * skipped and reported, never trusted and never a crash.
 */
import * as Y from 'yjs';
import {
  collectionSpecs,
  makeEntity,
  err,
  isEmptyValue,
  ok,
  parseEntity,
  type CollectionName,
  type Draft,
  type EntityOf,
  type FieldError,
  type IdOf,
  type Result,
} from '../model/index.ts';
import { LOCAL, type Origin } from './origin.ts';
import { clearEntryField, collectionMap, entryValues, newEntryMap, type EntryMap } from './shape.ts';

export interface ReadProblem {
  collection: CollectionName;
  id: string;
  errors: FieldError[];
}

export type WriteError = { type: 'invalid'; errors: FieldError[] } | { type: 'not-found'; id: string };

type DraftOf<C extends CollectionName> = Draft<(typeof collectionSpecs)[C]>;

/** Parses one stored entry; `key` is its map key, which is its id. */
export function readEntry<C extends CollectionName>(
  collection: C,
  key: string,
  entry: unknown,
): Result<EntityOf[C], ReadProblem> {
  const values = entryValues(entry);
  if (!values) return err({ collection, id: key, errors: [{ field: '', message: 'The entry is not a record.' }] });
  // The map key is the id: storing it again in every entry would cost bytes in every entry.
  const parsed = parseEntity(collectionSpecs[collection], values, key, { reading: true });
  if (!parsed.ok) return err({ collection, id: key, errors: parsed.error });
  return parsed as unknown as Result<EntityOf[C], never>; // the same success, not a copy: reads make 10,000 of them
}

export interface ReadAll<C extends CollectionName> {
  items: EntityOf[C][];
  problems: ReadProblem[];
}

/** Every entry of a collection, live and trashed; malformed ones land in `problems`. */
export function readAll<C extends CollectionName>(doc: Y.Doc, collection: C): ReadAll<C> {
  const items: EntityOf[C][] = [];
  const problems: ReadProblem[] = [];
  collectionMap(doc, collection).forEach((entry, key) => {
    const r = readEntry(collection, key, entry);
    if (r.ok) items.push(r.value);
    else problems.push(r.error);
  });
  return { items, problems };
}

export function readOne<C extends CollectionName>(doc: Y.Doc, collection: C, id: IdOf<C>): EntityOf[C] | null {
  const entry = collectionMap(doc, collection).get(id);
  if (entry === undefined) return null;
  const r = readEntry(collection, id, entry);
  return r.ok ? r.value : null;
}

/** A new entry: only fields with a value; no id (it is the key) and no updatedAt until an update. */
export function toEntryMap(values: Record<string, unknown>): EntryMap {
  const initial: Record<string, unknown> = {};
  for (const key in values) {
    const value = values[key];
    if (key === 'id' || isEmptyValue(value) || (key === 'updatedAt' && value === values.createdAt)) continue;
    initial[key] = value;
  }
  return newEntryMap(initial);
}

/** Creates one entity from a draft; nothing is written when the draft is invalid. */
export function add<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  draft: DraftOf<C>,
  origin: Origin = LOCAL,
  now = new Date(),
): Result<EntityOf[C], WriteError> {
  const made = makeEntity(collectionSpecs[collection], draft, now);
  if (!made.ok) return err({ type: 'invalid', errors: made.error });
  doc.transact(() => collectionMap(doc, collection).set(made.value.id, toEntryMap(made.value)), origin);
  return ok(made.value as unknown as EntityOf[C]);
}

/** Creates many at once in one transaction; invalid drafts are returned with their index. */
export function addMany<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  drafts: DraftOf<C>[],
  origin: Origin = LOCAL,
  now = new Date(),
): { created: EntityOf[C][]; rejected: { index: number; errors: FieldError[] }[] } {
  const created: EntityOf[C][] = [];
  const rejected: { index: number; errors: FieldError[] }[] = [];
  const spec = collectionSpecs[collection];
  const map = collectionMap(doc, collection);
  const at = now.toISOString();
  doc.transact(() => {
    drafts.forEach((draft, index) => {
      const made = makeEntity(spec, draft, at);
      if (!made.ok) return rejected.push({ index, errors: made.error });
      map.set(made.value.id, toEntryMap(made.value));
      created.push(made.value as unknown as EntityOf[C]);
    });
  }, origin);
  return { created, rejected };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes some fields of an entity. Only fields whose value changed are written,
 * so an edit never overwrites a concurrent edit of another field.
 */
export function update<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: IdOf<C>,
  patch: DraftOf<C>,
  origin: Origin = LOCAL,
  now = new Date(),
): Result<EntityOf[C], WriteError> {
  const entry = collectionMap(doc, collection).get(id);
  const current = entry === undefined ? null : readEntry(collection, id, entry);
  if (!(entry instanceof Y.Map) || !current?.ok) return err({ type: 'not-found', id });
  const merged = parseEntity(collectionSpecs[collection], {
    ...current.value,
    ...patch,
    id,
    updatedAt: now.toISOString(),
  });
  if (!merged.ok) return err({ type: 'invalid', errors: merged.error });
  const next = merged.value as Record<string, unknown>;
  const before = current.value as unknown as Record<string, unknown>;
  const changed = Object.keys(patch).filter((k) => k in next && !sameValue(before[k], next[k]));
  if (changed.length === 0) return ok(current.value);
  doc.transact(() => {
    for (const key of changed) {
      if (isEmptyValue(next[key])) clearEntryField(entry, key);
      else entry.set(key, next[key]);
    }
    entry.set('updatedAt', next.updatedAt);
  }, origin);
  return ok(merged.value as unknown as EntityOf[C]);
}

/**
 * Moves an entity to the Trash. The entry stays in the document, so an edit made
 * concurrently on another device is kept and comes back with a restore.
 */
export function moveToTrash<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: IdOf<C>,
  origin: Origin = LOCAL,
  now = new Date(),
): boolean {
  const entry = collectionMap(doc, collection).get(id);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => entry.set('deletedAt', now.toISOString()), origin);
  return true;
}

export function restoreFromTrash<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: IdOf<C>,
  origin: Origin = LOCAL,
): boolean {
  const entry = collectionMap(doc, collection).get(id);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => clearEntryField(entry, 'deletedAt'), origin);
  return true;
}

export const isLive = (entity: { deletedAt: string | null }) => entity.deletedAt === null;
