/**
 * Opens the space the moment Yjs and y-indexeddb have loaded, while the app's code
 * is still loading beside them (src/boot.ts imports both at once). The save state
 * and the storage errors heard meanwhile are kept for the app to pick up.
 */
import type { OnSyncError, SyncErrorContext } from './sync/errors.ts';
import type { SaveState } from './sync/local.ts';
import { openSpace, type OpenSpace } from './sync/space.ts';

let heard: SaveState = { kind: 'saved' };
let listener: ((state: SaveState) => void) | null = null;
/** Errors from before the app listens (a compaction while loading); a few are enough to tell. */
let heardErrors: [unknown, SyncErrorContext][] = [];
let errorListener: OnSyncError | null = null;

export const opening: Promise<OpenSpace> = openSpace({
  onSaveState: (state) => {
    heard = state;
    listener?.(state);
  },
  onError: (error, context) => {
    if (errorListener) errorListener(error, context);
    else if (heardErrors.length < 5) heardErrors.push([error, context]);
  },
});

/** Hears every save state from now on, starting with the latest. */
export function onSaveState(fn: (state: SaveState) => void): void {
  listener = fn;
  fn(heard);
}

/** Hears every storage error from now on, starting with those heard before. */
export function onStorageError(fn: OnSyncError): void {
  errorListener = fn;
  for (const [error, context] of heardErrors) fn(error, context);
  heardErrors = [];
}
