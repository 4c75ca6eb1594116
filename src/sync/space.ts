/**
 * Opens the user's space on this device: one Y.Doc, loaded from IndexedDB,
 * migrated to the current schema, and compacted so the local store does not
 * grow with every page load.
 */
import * as Y from 'yjs';
import { prepareSchema, type SchemaStatus } from '../store/index.ts';
import { makeLocalCopy, type LocalCopy, type SaveState } from './local.ts';

export interface OpenSpace {
  doc: Y.Doc;
  local: LocalCopy;
  schema: SchemaStatus;
  close(): Promise<void>;
}

export async function openSpace(
  opts: { dbName?: string; onSaveState?: (state: SaveState) => void } = {},
): Promise<OpenSpace> {
  const doc = new Y.Doc();
  // Marks let benchmarks and the browser's performance panel see how long loading takes.
  performance.mark('rapport:open-space');
  const local = makeLocalCopy(doc, { name: opts.dbName, onSaveState: opts.onSaveState });
  await local.loaded;
  performance.mark('rapport:space-loaded');
  const schema = prepareSchema(doc);
  // A copy of many entries, or not yet in pieces, is rewritten once the first screen is up
  // (in short tasks); a copy in pieces is left as it is, so opening writes nothing.
  if (local.worthCompacting()) setTimeout(() => void local.compact().catch(() => undefined), 2000);
  return {
    doc,
    local,
    schema,
    async close() {
      await local.destroy();
      doc.destroy();
    },
  };
}
