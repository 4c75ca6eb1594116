/**
 * Opens the space the moment Yjs and y-indexeddb have loaded, while the app's code
 * is still loading beside them (src/boot.ts imports both at once). The save state
 * heard meanwhile is kept for the app to pick up.
 */
import type { SaveState } from './sync/local.ts';
import { openSpace, type OpenSpace } from './sync/space.ts';

let heard: SaveState = { kind: 'saved' };
let listener: ((state: SaveState) => void) | null = null;

export const opening: Promise<OpenSpace> = openSpace({
  onSaveState: (state) => {
    heard = state;
    listener?.(state);
  },
});

/** Hears every save state from now on, starting with the latest. */
export function onSaveState(fn: (state: SaveState) => void): void {
  listener = fn;
  fn(heard);
}
