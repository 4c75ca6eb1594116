/**
 * Keeps an up-to-date, checked view of one collection without re-reading the
 * whole collection on every change: only entries a transaction touched are
 * parsed again. This is what keeps a 10,000-person list responsive.
 */
import * as Y from 'yjs';
import type { CollectionName, EntityOf } from '../model/index.ts';
import { readEntry, type ReadProblem } from './entities.ts';
import { collectionMap } from './shape.ts';

export interface CollectionView<C extends CollectionName> {
  /** Live and trashed entries, in no particular order; a new array after each change. */
  items: readonly EntityOf[C][];
  byId: ReadonlyMap<string, EntityOf[C]>;
  problems: readonly ReadProblem[];
}

export function watchCollection<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  onChange: (view: CollectionView<C>) => void,
): () => void {
  const map = collectionMap(doc, collection);
  const byId = new Map<string, EntityOf[C]>();
  const problems = new Map<string, ReadProblem>();

  const reread = (key: string) => {
    byId.delete(key);
    problems.delete(key);
    const entry = map.get(key);
    if (entry === undefined) return;
    const r = readEntry(collection, key, entry);
    if (r.ok) byId.set(key, r.value);
    else problems.set(key, r.error);
  };
  const emit = () => onChange({ items: [...byId.values()], byId, problems: [...problems.values()] });

  map.forEach((_entry, key) => reread(key));
  emit();

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === map && event instanceof Y.YMapEvent) event.keysChanged.forEach((k) => touched.add(k));
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    touched.forEach(reread);
    if (touched.size) emit();
  };
  map.observeDeep(observer);
  return () => map.unobserveDeep(observer);
}
