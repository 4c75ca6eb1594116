/**
 * Backup and restore of a whole space. A backup holds every entity exactly as
 * stored (ids, timestamps, trashed ones) so that restoring it into an empty
 * space gives back exactly what was there.
 */
import type * as Y from 'yjs';
import {
  COLLECTION_NAMES,
  collectionSpecs,
  err,
  isEmptyValue,
  meSpec,
  ok,
  unknownValues,
  type CollectionName,
  type Result,
} from '../model/index.ts';
import {
  BACKUP_FORMAT,
  emptyCollections,
  parseMeLeniently,
  withUnknown,
  type Backup,
  type OtherEntry,
} from '../io/backup.ts';
import { readEntry, toEntryMap, type ReadProblem } from './entities.ts';
import { addNotDuplicates, readNotDuplicates } from './not-duplicates.ts';
import { addDismissed, dismissedEntries } from './suggestions.ts';
import { prepareSchema, SCHEMA_VERSION, storedSchemaVersion } from './schema.ts';
import { collectionMap, DISMISSED_SUGGESTIONS, entryValues, meMap, metaMap, otherCollectionMaps } from './shape.ts';
import { runUndoable, type Undoable } from './undo.ts';

/**
 * Every entity of the space; entries that fail their check cannot be backed up and are listed in
 * `problems`. What a newer version stored (a field, an option, a collection) goes in as it is.
 */
export function exportBackup(doc: Y.Doc, now: Date = new Date()): { backup: Backup; problems: ReadProblem[] } {
  const collections = emptyCollections();
  const problems: ReadProblem[] = [];
  for (const name of COLLECTION_NAMES) {
    const spec = collectionSpecs[name];
    const items: { id: string }[] = [];
    collectionMap(doc, name).forEach((entry, key) => {
      const read = readEntry(name, key, entry);
      if (!read.ok) return void problems.push(read.error);
      const stored = entryValues(entry);
      items.push(withUnknown(read.value, stored && unknownValues(spec, stored)));
    });
    // Stable order: a backup of the same space is the same file.
    items.sort(byId);
    (collections[name] as unknown[]) = items;
  }
  const otherCollections: Record<string, OtherEntry[]> = {};
  for (const [name, map] of otherCollectionMaps(doc)) {
    const entries: OtherEntry[] = [];
    map.forEach((entry, id) => {
      const values = entryValues(entry);
      if (values) entries.push({ ...values, id });
    });
    otherCollections[name] = entries.sort(byId);
  }
  // Dismissed suggestions travel as a collection of their own ({ id: key, at }), which the
  // backup file format already carries and restores; restoreBackup writes them back as keys.
  const dismissed = dismissedEntries(doc);
  if (dismissed.length) otherCollections[DISMISSED_SUGGESTIONS] = dismissed;
  const me = meMap(doc).toJSON();
  return {
    backup: {
      format: BACKUP_FORMAT,
      schemaVersion: storedSchemaVersion(doc) ?? SCHEMA_VERSION,
      exportedAt: now.toISOString(),
      me: withUnknown(parseMeLeniently(me, []), unknownValues(meSpec, me)),
      collections,
      otherCollections,
      notDuplicates: [...readNotDuplicates(doc)].sort(),
    },
    problems,
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type RestoreError = { type: 'not-empty' | 'newer-schema'; message: string };
export type RestoreCounts = Record<CollectionName, number>;

/**
 * Restores a backup (checked by `parseBackup`) into an empty space. Refuses a
 * space that already holds anything, and a backup from a newer schema. The
 * restore can be undone as one step.
 */
export function restoreBackup(doc: Y.Doc, backup: Backup): Result<Undoable<RestoreCounts>, RestoreError> {
  if (backup.schemaVersion > SCHEMA_VERSION) {
    return err({
      type: 'newer-schema',
      message: `This backup was made by a newer version of Rapport (schema ${backup.schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update the app, then restore.`,
    });
  }
  const used = COLLECTION_NAMES.reduce((n, name) => n + collectionMap(doc, name).size, 0);
  if (used > 0 || meMap(doc).size > 0) {
    return err({
      type: 'not-empty',
      message: `A backup can only be restored into an empty space; this one already holds ${used} ${used === 1 ? 'entry' : 'entries'}. Import its people instead, or restore on a fresh device.`,
    });
  }
  const undoable = runUndoable(doc, 'import', (origin) => {
    const counts = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 0])) as RestoreCounts;
    doc.transact(() => {
      for (const name of COLLECTION_NAMES) {
        const map = collectionMap(doc, name);
        for (const entity of backup.collections[name])
          map.set(entity.id, toEntryMap(entity as unknown as Record<string, unknown>));
        counts[name] = backup.collections[name].length;
      }
      for (const [name, entries] of Object.entries(backup.otherCollections)) {
        if (name === DISMISSED_SUGGESTIONS) {
          addDismissed(
            doc,
            entries.map((e) => ({ key: e.id, at: typeof e.at === 'string' ? e.at : undefined })),
            origin,
          );
          continue;
        }
        const map = doc.getMap<unknown>(name);
        for (const { id, ...values } of entries) map.set(id, toEntryMap(values));
      }
      const me = meMap(doc);
      for (const [key, value] of Object.entries(backup.me)) if (!isEmptyValue(value)) me.set(key, value);
      addNotDuplicates(doc, backup.notDuplicates, origin);
      metaMap(doc).set('schemaVersion', backup.schemaVersion);
    }, origin);
    return counts;
  });
  // An older backup is brought up to date like any older document.
  if (backup.schemaVersion < SCHEMA_VERSION) prepareSchema(doc);
  return ok(undoable);
}
