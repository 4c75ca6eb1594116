import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest.ts';
import { preloadAfterBoot } from './src/pwa/preload-plugin.ts';

export default defineConfig({
  plugins: [
    solid(),
    preloadAfterBoot(['src/open-space-early.ts', 'src/main.tsx']),
    VitePWA({
      // Our own worker (src/pwa/sw.ts): the offline app as before, plus reminders (push, notification clicks).
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      // A new version waits for the user's "reload" rather than swapping code under an open window.
      registerType: 'prompt',
      // src/pwa registers the worker itself with workbox-window, so no inline script is injected (CSP).
      injectRegister: false,
      manifest,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // A classic worker: module service workers are not everywhere reminders should arrive.
        rollupFormat: 'iife',
      },
    }),
  ],
  resolve: { dedupe: ['yjs', 'lib0'] },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: false },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
});
