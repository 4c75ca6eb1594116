import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: what a phone's home screen and a laptop's dock show. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Rapport — your network, for mutual benefit',
  short_name: 'Rapport',
  description:
    'A calm, private place to build and keep up a professional network: objectives, offers, people, follow-ups. Works offline.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1f5f8b',
  background_color: '#ffffff',
  lang: 'en',
  categories: ['productivity', 'business'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Capture at an event',
      short_name: 'Capture',
      url: '/capture',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
    },
    { name: 'Today', short_name: 'Today', url: '/', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
  ],
};
