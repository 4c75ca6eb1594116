/**
 * Opens the user's space on this device: one Y.Doc, loaded from IndexedDB,
 * migrated to the current schema, and compacted so the local store does not
 * grow with every page load.
 */
import * as Y from 'yjs';
import { prepareSchema, type SchemaStatus } from '../store/index.ts';
import type { OnSyncError } from './errors.ts';
import { makeLocalCopy, type LocalCopy, type SaveState } from './local.ts';

export interface OpenSpace {
  doc: Y.Doc;
  local: LocalCopy;
  schema: SchemaStatus;
  close(): Promise<void>;
}

export async function openSpace(
  opts: { dbName?: string; onSaveState?: (state: SaveState) => void; onError?: OnSyncError } = {},
): Promise<OpenSpace> {
  const doc = new Y.Doc();
  // Marks let benchmarks and the browser's performance panel see how long loading takes.
  performance.mark('rapport:open-space');
  const local = makeLocalCopy(doc, { name: opts.dbName, onSaveState: opts.onSaveState, onError: opts.onError });
  await local.loaded;
  performance.mark('rapport:space-loaded');
  const schema = prepareSchema(doc);
  // A copy of many entries, or not yet in pieces, is rewritten once the first screen is up
  // (in short tasks); a copy in pieces is left as it is, so opening writes nothing.
  // A failed compaction breaks nothing (the stored rows stay as they were): it is reported, not thrown;
  // after close it only means the database was closed under it, and stays silent.
  let closed = false;
  const compactTimer = local.worthCompacting()
    ? setTimeout(
        () =>
          void local.compact().catch((error: unknown) => {
            if (!closed) opts.onError?.(error, 'compact');
          }),
        2000,
      )
    : undefined;
  return {
    doc,
    local,
    schema,
    async close() {
      closed = true;
      clearTimeout(compactTimer);
      await local.destroy();
      doc.destroy();
    },
  };
}
