/**
 * What the Import section is doing, as plain values: nothing, reading a file,
 * refusing it, or showing the preview of what confirming would write.
 */
import { createSignal } from 'solid-js';
import type { ImportPlan } from '../../io/match.ts';
import type { ParsedFile } from '../../io/parse-file.ts';
import type { ImportResult } from '../../store/import.ts';
import type { Undoable } from '../../store/undo.ts';

export type ParsedOk = Extract<ParsedFile, { ok: true }>;

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; done: number; total: number }
  | { kind: 'failed'; name: string; message: string }
  | { kind: 'preview'; name: string; parsed: ParsedOk; plan: ImportPlan }
  | { kind: 'writing'; name: string; done: number; total: number };

/**
 * A parsed file handed to Import from elsewhere (Restore, when the space is not
 * empty, offers to add the backup's people instead). Import picks it up and previews it.
 */
const [handedOver, setHandedOver] = createSignal<{ name: string; parsed: ParsedOk } | null>(null);
export { handedOver };
export function handToImport(name: string, parsed: ParsedOk): void {
  setHandedOver({ name, parsed });
  document.getElementById('import')?.scrollIntoView({ block: 'start' });
}
export const takeHandedOver = () => {
  const value = handedOver();
  setHandedOver(null);
  return value;
};

/**
 * The latest confirmed import, undoable from the Settings page until the app is
 * reloaded; kept here so that leaving Settings and coming back still offers it.
 */
export const [lastImport, setLastImport] = createSignal<{ name: string; undoable: Undoable<ImportResult> } | null>(
  null,
);
