/**
 * The schema version of a space and the migrations that bring an older document
 * up to date. A migration runs once, on whichever device opens the document
 * first; migrations must be idempotent because two devices may both run one
 * before they sync.
 */
import type * as Y from 'yjs';
import { MIGRATION } from './origin.ts';
import { metaMap } from './shape.ts';

/**
 * 1: one key per field in every entry.
 * 2: entries may keep their initial values as JSON text under one key (see shape.ts). Version 1
 *    entries read the same way, so no migration is needed; an app of version 1
 *    sees a newer document and says so instead of misreading it.
 */
export const SCHEMA_VERSION = 2;

/** migrations[n] takes a document from version n to n + 1. Version 1 is the first. */
const migrations: Record<number, (doc: Y.Doc) => void> = {};

export type SchemaStatus =
  | { state: 'current'; version: number }
  | { state: 'migrated'; from: number; to: number }
  | { state: 'newer'; version: number };

export function storedSchemaVersion(doc: Y.Doc): number | null {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

/**
 * Call once the local copy has loaded. A document written by a newer version of
 * the app is left untouched: the app reads what it understands and says so.
 */
export function prepareSchema(doc: Y.Doc): SchemaStatus {
  const stored = storedSchemaVersion(doc) ?? SCHEMA_VERSION;
  if (stored > SCHEMA_VERSION) return { state: 'newer', version: stored };
  doc.transact(() => {
    for (let v = stored; v < SCHEMA_VERSION; v++) migrations[v]?.(doc);
    if (storedSchemaVersion(doc) !== SCHEMA_VERSION) metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, MIGRATION);
  return stored === SCHEMA_VERSION
    ? { state: 'current', version: stored }
    : { state: 'migrated', from: stored, to: SCHEMA_VERSION };
}
