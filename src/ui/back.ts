/**
 * "Back" goes where the user came from — Today, a community, their search — not always to
 * People. The frame remembers the previous place in the app; a back link names it and returns
 * through the browser's history, so the page there comes back as it was left.
 */
import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';

const [previous, setPrevious] = createSignal<string | null>(null);

/** Called once, in the router's root: keeps the previous in-app location. */
export function trackPreviousPlace(): void {
  const location = useLocation();
  let last: string | null = null;
  createEffect(
    on(
      () => location.pathname + location.search,
      (path) => {
        if (path === last) return;
        setPrevious(last);
        last = path;
      },
    ),
  );
}

const PLACE_NAMES: [prefix: string, name: string][] = [
  ['/people/duplicates', 'Duplicates'],
  ['/people', 'People'],
  ['/communities/', 'Community'],
  ['/plan', 'Plan'],
  ['/map', 'Map'],
  ['/capture', 'Capture'],
  ['/stakeholders', 'Stakeholders'],
  ['/give-and-take', 'Give and take'],
  ['/trash', 'Trash'],
  ['/settings', 'Settings'],
];

function placeName(path: string): string {
  const pathname = path.split('?', 1)[0] ?? path;
  if (pathname === '/') return 'Today';
  return PLACE_NAMES.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? 'Back';
}

/**
 * Where a back link on the current page leads: the previous place when there is one (other
 * than `self`, a page linking to itself), else `fallback`.
 */
export function backLink(self: string, fallback: string): { href: string; label: string; viaHistory: boolean } {
  const before = previous();
  if (before === null || before.split('?', 1)[0] === self)
    return { href: fallback, label: placeName(fallback), viaHistory: false };
  return { href: before, label: placeName(before), viaHistory: true };
}
