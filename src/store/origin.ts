/**
 * Every transaction carries a typed origin, so observers can tell their own
 * changes from others'. Origins are compared by identity (as Y.UndoManager does),
 * so each is a frozen object; an operation that must be undoable as a whole
 * makes its own with `makeOrigin`.
 */
import * as Y from 'yjs';

export type OriginKind = 'local' | 'indexeddb' | 'relay' | 'tab' | 'import' | 'merge' | 'migration' | 'undo';

export interface Origin {
  readonly kind: OriginKind;
}

export function makeOrigin(kind: OriginKind): Origin {
  return Object.freeze({ kind });
}

export const LOCAL = makeOrigin('local');
export const MIGRATION = makeOrigin('migration');

export function isOrigin(value: unknown): value is Origin {
  return typeof value === 'object' && value !== null && typeof (value as Origin).kind === 'string';
}

/** A change made in this tab (as opposed to one loaded from disk, another tab or the relay); undo counts. */
export function isOwnChange(origin: unknown): boolean {
  if (origin instanceof Y.UndoManager) return true;
  return isOrigin(origin) && origin.kind !== 'indexeddb' && origin.kind !== 'relay' && origin.kind !== 'tab';
}
