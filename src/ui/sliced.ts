/**
 * Work that scales with the network (the gaps, who was last in touch), run in
 * slices across tasks so the page paints and answers taps meanwhile. The
 * answer is a signal: undefined until the first run finishes (the page shows
 * a calm "Finding…" rather than a number worked out from part of the data),
 * then each finished run. When the inputs change, the run under way is
 * dropped and a new one starts; the last answer stays until the new one is in.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { yieldToBrowser } from '../sync/local.ts';

export type Pause = () => Promise<void>;

/** Resolves after the browser has painted what is on screen now (or soon, in a tab that paints nothing). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab has no frames: do not wait for one for long.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      // The frame's callbacks run before its paint; a task queued from them runs after it.
      setTimeout(resolve, 0);
    });
  });
}

/**
 * Starts `run` on `input`, `run` awaiting `pause` between its slices, and hands its answer
 * to `done` unless stopped first (the returned function). With `afterPaint`, the run waits
 * for the next paint (one pause), so what is on screen now never waits for it.
 */
export function makeSliced<I, T>(
  input: I,
  run: (input: I, pause: Pause) => Promise<T>,
  done: (value: T) => void,
  opts: { afterPaint?: boolean } = {},
): () => void {
  let stopped = false;
  // A stopped run waits for ever at its next pause and is then collected with its promise.
  const pause: Pause = () => (stopped ? new Promise<void>(() => undefined) : yieldToBrowser());
  const start = opts.afterPaint ? afterPaint() : Promise.resolve();
  void start
    .then(() => (stopped ? new Promise<T>(() => undefined) : run(input, pause)))
    .then((value) => {
      if (!stopped) done(value);
    });
  return () => {
    stopped = true;
  };
}

export function createSliced<I, T>(
  read: () => I,
  run: (input: I, pause: Pause) => Promise<T>,
  opts: { afterPaint?: boolean } = {},
): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  createEffect(() => {
    const stop = makeSliced(read(), run, (v) => setValue(() => v), opts);
    onCleanup(stop);
  });
  return value;
}
