import { defineConfig } from 'vitest/config';

// Unit tests run in Node (fake-indexeddb stands in for the browser's IndexedDB).
// Browser tests (test/browser) drive real Chromium against the built app served by
// the real server; they need `vite build` first, which test/run-all.mjs does.
export default defineConfig({
  resolve: { dedupe: ['yjs', 'lib0'] },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // No test bounds how long something takes (speed is measured in bench/): these limits only
    // catch hangs, and are wide enough for a machine busy with other work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    maxWorkers: 2,
  },
});
