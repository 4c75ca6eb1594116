import { defineConfig } from 'vitest/config';

// Unit tests run in Node (fake-indexeddb stands in for the browser's IndexedDB).
// Browser tests (test/browser) drive real Chromium against the built app served by
// the real server; they need `vite build` first, which test/run-all.mjs does.
export default defineConfig({
  resolve: { dedupe: ['yjs', 'lib0'] },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
