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
      strategies: 'generateSW',
      // A new version waits for the user's "reload" rather than swapping code under an open window.
      registerType: 'prompt',
      // src/pwa registers the worker itself with workbox-window, so no inline script is injected (CSP).
      injectRegister: false,
      manifest,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync/, /^\/healthz/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        // The first worker takes the page it was installed from, so the app works offline from the first visit.
        // Later versions still wait for the person's "reload" (no skipWaiting).
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  resolve: { dedupe: ['yjs', 'lib0'] },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: false },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
});
