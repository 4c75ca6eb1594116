/**
 * Every place, in the order the router tries them, and where each page's code
 * is. Free of Solid and of the data, so the first script (src/boot.ts) can start
 * loading the page's code at once, beside the data and the app, not after them.
 */
export interface Place {
  path: string;
  load: () => Promise<{ default: () => unknown }>;
}

export const PLACES: readonly Place[] = [
  { path: '/', load: () => import('./pages/today.tsx') },
  { path: '/people', load: () => import('./pages/people.tsx') },
  { path: '/people/duplicates', load: () => import('./pages/duplicates.tsx') },
  { path: '/people/:id', load: () => import('./pages/person.tsx') },
  { path: '/trash', load: () => import('./pages/trash.tsx') },
  { path: '/plan', load: () => import('./pages/plan.tsx') },
  { path: '/map', load: () => import('./pages/map.tsx') },
  { path: '/communities/:id', load: () => import('./pages/community.tsx') },
  { path: '/stakeholders', load: () => import('./pages/stakeholders.tsx') },
  { path: '/give-and-take', load: () => import('./pages/give-and-take.tsx') },
  { path: '/welcome', load: () => import('./pages/welcome.tsx') },
  { path: '/capture', load: () => import('./pages/capture.tsx') },
  { path: '/settings', load: () => import('./pages/settings.tsx') },
  { path: '/pair', load: () => import('./pages/pair.tsx') },
  { path: '/card', load: () => import('./pages/card.tsx') },
  { path: '*', load: () => import('./pages/not-found.tsx') },
];

function matchesPath(pattern: string, pathname: string): boolean {
  if (pattern === '*') return true;
  const want = pattern.split('/');
  const have = (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname).split('/');
  return (
    want.length === have.length &&
    want.every((segment, i) => (segment.startsWith(':') ? have[i] !== '' : segment === have[i]))
  );
}

export function placeFor(pathname: string): Place | undefined {
  return PLACES.find((place) => matchesPath(place.path, pathname));
}

/**
 * Fetches the code of every place, one at a time with a pause between: on a first visit
 * no service worker holds the app yet, and a person who goes offline before it does must
 * still be able to move around. Marks `rapport:places-fetched` when done.
 */
export async function fetchEveryPlace(pause: () => Promise<void>): Promise<void> {
  for (const place of PLACES) {
    await pause();
    await place.load().catch(() => undefined); // offline already: that place says so when opened
  }
  performance.mark('rapport:places-fetched');
}
