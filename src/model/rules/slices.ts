/**
 * Work that scales with the network, done in slices: a generator yields
 * wherever it may stop, and `runInSlices` awaits `pause` whenever a slice has
 * run for `sliceMs`, so the screen keeps responding, and no time is lost
 * pausing more often than a frame needs.
 */
export async function runInSlices<T>(
  steps: Generator<unknown, T>,
  pause: () => Promise<void>,
  sliceMs = 12,
): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await pause();
    sliceStart = performance.now();
  }
}

/** Runs such a generator at once, to the end. */
export function runAtOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
