/**
 * The JSON backup of a whole space: every entity of every collection (trashed
 * ones too, with their ids and timestamps), the user's card, the pairs of
 * people marked "not the same person", and the schema version. Reading a backup checks every entity with the model and reports the
 * ones that fail; it never throws.
 */
import {
  COLLECTION_NAMES,
  collectionSpecs,
  err,
  meSpec,
  ok,
  parseEntity,
  parseValues,
  unknownValues,
  type CollectionName,
  type EntityOf,
  type Me,
  type Result,
} from '../model/index.ts';
import { isPairKey } from '../model/rules/duplicates.ts';

export const BACKUP_FORMAT = 'rapport-backup';

type BackupCollections = { [C in CollectionName]: EntityOf[C][] };

/** An entry of a collection a newer version added: its id and its stored values, kept as they are. */
export type OtherEntry = Record<string, unknown> & { id: string };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  me: Me;
  collections: BackupCollections;
  /**
   * Collections a newer version added, which this one keeps without reading (src/store/README.md).
   * In the file they sit in `collections` beside the others, where the newer version looks for them.
   */
  otherCollections: Record<string, OtherEntry[]>;
  /** Pairs of people marked "not the same person" (pair keys); older backups have none. */
  notDuplicates: string[];
}

export interface BackupProblem {
  /** Where: a collection, the user's card, or the file as a whole. */
  collection: CollectionName | 'me' | 'file';
  /** 1-based position in its collection's list; 0 for the card or the file. */
  index: number;
  id: string;
  reason: string;
}

type BackupError = { type: 'not-json' | 'not-a-backup'; message: string };

export const emptyCollections = (): BackupCollections =>
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as BackupCollections;

export function backupToJson(backup: Backup): string {
  const { otherCollections, ...rest } = backup;
  return `${JSON.stringify({ ...rest, collections: { ...otherCollections, ...backup.collections } }, null, 1)}\n`;
}

/** A name a newer version could have given a field or a collection; anything else in a file is not kept. */
const isStoredName = (name: string) => /^[a-zA-Z][a-zA-Z0-9]{0,63}$/.test(name);

/** A checked value with what a newer version stored beside it (a field, an option) kept as it was. */
export function withUnknown<T extends object>(checked: T, unknown: Record<string, unknown> | null): T {
  if (unknown === null) return checked;
  const kept: Record<string, unknown> = {};
  for (const key in unknown) if (isStoredName(key)) kept[key] = unknown[key];
  return { ...checked, ...kept };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseBackup(text: string): Result<{ backup: Backup; problems: BackupProblem[] }, BackupError> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return err({
      type: 'not-json',
      message: `This file is not readable JSON (${e instanceof Error ? e.message.slice(0, 120) : 'syntax error'}).`,
    });
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    return err({
      type: 'not-a-backup',
      message: 'This JSON file is not a Rapport backup (its "format" is not "rapport-backup").',
    });
  }
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err({ type: 'not-a-backup', message: 'This backup has no valid schema version.' });
  }
  if (!isRecord(data.collections)) return err({ type: 'not-a-backup', message: 'This backup has no collections.' });

  const problems: BackupProblem[] = [];
  const collections = emptyCollections();
  const otherCollections: Record<string, OtherEntry[]> = {};
  for (const name of Object.keys(data.collections)) {
    if ((COLLECTION_NAMES as string[]).includes(name)) continue;
    const list = data.collections[name];
    if (!isStoredName(name) || !Array.isArray(list)) {
      problems.push({
        collection: 'file',
        index: 0,
        id: '',
        reason: `“${name.slice(0, 40)}” is not a collection this version can keep; it was skipped.`,
      });
      continue;
    }
    // A newer version's collection: kept as it is, for that version to read.
    const entries = list.filter(
      (e: unknown): e is OtherEntry => isRecord(e) && typeof e.id === 'string' && e.id !== '',
    );
    if (entries.length < list.length)
      problems.push({
        collection: 'file',
        index: 0,
        id: '',
        reason: `${list.length - entries.length} entries of “${name.slice(0, 40)}” have no id and were left out.`,
      });
    otherCollections[name] = entries.map((e) => withUnknown({ id: e.id }, e));
  }
  for (const name of COLLECTION_NAMES) {
    const list = data.collections[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ collection: name, index: 0, id: '', reason: `“${name}” is not a list; it was skipped.` });
      continue;
    }
    const seen = new Set<string>();
    const out = collections[name] as unknown[];
    list.forEach((entry: unknown, i) => {
      const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id.slice(0, 64) : '';
      if (!isRecord(entry))
        return void problems.push({ collection: name, index: i + 1, id, reason: 'The entry is not a record.' });
      // Read like the document: an option a newer version added is not an error, and is kept as written.
      const parsed = parseEntity(collectionSpecs[name], entry, entry.id, { reading: true });
      if (!parsed.ok)
        return void problems.push({
          collection: name,
          index: i + 1,
          id,
          reason: parsed.error.map((e) => e.message).join(' '),
        });
      if (seen.has(parsed.value.id))
        return void problems.push({
          collection: name,
          index: i + 1,
          id,
          reason: 'Another entry has the same id; this one was skipped.',
        });
      seen.add(parsed.value.id);
      out.push(withUnknown(parsed.value, unknownValues(collectionSpecs[name], entry)));
    });
  }
  const me = withUnknown(
    parseMeLeniently(data.me, problems),
    isRecord(data.me) ? unknownValues(meSpec, data.me) : null,
  );
  const exportedAt = typeof data.exportedAt === 'string' ? data.exportedAt : '';
  const listed = Array.isArray(data.notDuplicates) ? data.notDuplicates : [];
  const notDuplicates = listed.filter((key): key is string => typeof key === 'string' && isPairKey(key));
  if (notDuplicates.length < listed.length) {
    problems.push({
      collection: 'file',
      index: 0,
      id: '',
      reason: `${listed.length - notDuplicates.length} “not the same person” pairs were unreadable and were left out.`,
    });
  }
  return ok({
    backup: {
      format: BACKUP_FORMAT,
      schemaVersion: version,
      exportedAt,
      me,
      collections,
      otherCollections,
      notDuplicates,
    },
    problems,
  });
}

/** The user's card; a field that fails its check is dropped and reported. */
export function parseMeLeniently(raw: unknown, problems: BackupProblem[]): Me {
  const fields: Record<string, unknown> = isRecord(raw) ? { ...raw } : {};
  for (let attempt = 0; attempt <= Object.keys(meSpec).length; attempt++) {
    const r = parseValues(meSpec, fields);
    if (r.ok) return r.value;
    for (const e of r.error) {
      problems.push({ collection: 'me', index: 0, id: '', reason: `${e.message} It was left out.` });
      delete fields[e.field];
    }
  }
  const empty = parseValues(meSpec, {});
  if (empty.ok) return empty.value;
  throw new Error('meSpec has a required field; parseMe cannot fall back to an empty card');
}
