/**
 * Undo for whole operations (a merge, an import, a delete): the operation runs
 * under its own origin, and an UndoManager that tracks only that origin can take
 * exactly it back later, leaving every other edit (local or from another device)
 * in place.
 */
import * as Y from 'yjs';
import { makeOrigin, type Origin, type OriginKind } from './origin.ts';
import { allCollectionMaps, dismissedSuggestionsMap, meMap, notDuplicatesMap } from './shape.ts';

export interface Undoable<T> {
  result: T;
  /** Takes the operation back; returns false when there was nothing left to undo. */
  undo(): boolean;
  /** Frees the undo history once undo is no longer offered. */
  forget(): void;
}

export function runUndoable<T>(doc: Y.Doc, kind: OriginKind, operation: (origin: Origin) => T): Undoable<T> {
  const origin = makeOrigin(kind);
  const manager = new Y.UndoManager(
    [...allCollectionMaps(doc), meMap(doc), notDuplicatesMap(doc), dismissedSuggestionsMap(doc)],
    {
      trackedOrigins: new Set([origin]),
      captureTimeout: Number.POSITIVE_INFINITY,
    },
  );
  const result = operation(origin);
  return {
    result,
    undo() {
      const undone = manager.undoStack.length > 0;
      while (manager.undoStack.length > 0) manager.undo();
      manager.destroy();
      return undone;
    },
    forget: () => manager.destroy(),
  };
}
