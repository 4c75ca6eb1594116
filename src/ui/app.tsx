/** The app frame: top bar with honest status, navigation, and the routed places. */
import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { trackPreviousPlace } from './back.ts';
import { lazy, Show, type ParentProps } from 'solid-js';
import { Icon, type IconName } from './components/icons.tsx';
import { Toasts } from './components/toasts.tsx';
import { InstallButton } from './components/install-button.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { createNewerSchema, useSpace } from './space.tsx';

/** Every place, in the order the router tries them; each page's code loads when first needed. */
const PAGES = [
  { path: '/', component: lazy(() => import('./pages/today.tsx')) },
  { path: '/people', component: lazy(() => import('./pages/people.tsx')) },
  { path: '/people/duplicates', component: lazy(() => import('./pages/duplicates.tsx')) },
  { path: '/people/:id', component: lazy(() => import('./pages/person.tsx')) },
  { path: '/trash', component: lazy(() => import('./pages/trash.tsx')) },
  { path: '/plan', component: lazy(() => import('./pages/plan.tsx')) },
  { path: '/map', component: lazy(() => import('./pages/map.tsx')) },
  { path: '/communities/:id', component: lazy(() => import('./pages/community.tsx')) },
  { path: '/stakeholders', component: lazy(() => import('./pages/stakeholders.tsx')) },
  { path: '/give-and-take', component: lazy(() => import('./pages/give-and-take.tsx')) },
  { path: '/welcome', component: lazy(() => import('./pages/welcome.tsx')) },
  { path: '/capture', component: lazy(() => import('./pages/capture.tsx')) },
  { path: '/settings', component: lazy(() => import('./pages/settings.tsx')) },
  { path: '/pair', component: lazy(() => import('./pages/pair.tsx')) },
  { path: '/card', component: lazy(() => import('./pages/card.tsx')) },
  { path: '*', component: lazy(() => import('./pages/not-found.tsx')) },
];

function matchesPath(pattern: string, pathname: string): boolean {
  if (pattern === '*') return true;
  const want = pattern.split('/');
  const have = (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname).split('/');
  return want.length === have.length && want.every((segment, i) => (segment.startsWith(':') ? have[i] !== '' : segment === have[i]));
}

/**
 * Starts loading the code of the page at `pathname`. Called while the space is
 * still opening, so that the page is ready when the data is rather than asked
 * for only after it.
 */
export function preloadPage(pathname: string): void {
  void PAGES.find((page) => matchesPath(page.path, pathname))?.component.preload();
}

function NavLink(props: ParentProps<{ href: string; icon: IconName; class?: string; end?: boolean }>) {
  return (
    <A href={props.href} end={props.end} class={props.class} activeClass="active">
      <Show when={props.class === 'capture'} fallback={<Icon name={props.icon} />}>
        <span class="bubble">
          <Icon name={props.icon} />
        </span>
      </Show>
      <span>{props.children}</span>
    </A>
  );
}

/** Saved only once a write has committed; a failing one says why and leads to the storage advice. */
function SaveStatus() {
  const { saveState } = useSpace();
  return (
    <Show
      when={saveState().kind === 'failed' ? (saveState() as { reason: string }) : null}
      fallback={
        <span class="status-pill" data-state={saveState().kind} data-testid="save-state">
          <span class="dot" aria-hidden="true" />
          {saveState().kind === 'saved' ? (
            <>
              Saved<span class="on-wide"> on this device</span>
            </>
          ) : (
            'Saving…'
          )}
        </span>
      }
    >
      {(failed) => (
        <A href="/settings#storage-title" class="status-pill" data-state="error" data-testid="save-state" role="alert" title={`Not saved on this device — ${failed().reason}`}>
          <span class="dot" aria-hidden="true" />
          Not saved
          <span class="visually-hidden"> on this device — {failed().reason}. Your changes are kept while Rapport is open and tried again; see Storage in Settings.</span>
        </A>
      )}
    </Show>
  );
}

const SYNC_LABELS = {
  off: '',
  offline: 'Will sync',
  unreachable: 'Relay unreachable',
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date',
  error: 'Sync problem',
} as const;

/** Sync status, always visible once sync is on; the full sentence is in its title and in Settings. */
function SyncStatusPill() {
  const { syncStatus } = useSpace();
  return (
    <Show when={syncStatus().kind !== 'off'}>
      <A href="/settings#sync" class="status-pill" data-state={syncStatus().kind === 'up-to-date' ? 'synced' : syncStatus().kind} data-testid="sync-state" title={syncStatus().message}>
        <span class="dot" aria-hidden="true" />
        {SYNC_LABELS[syncStatus().kind]}
        <span class="visually-hidden">: {syncStatus().message}</span>
      </A>
    </Show>
  );
}

function Frame(props: RouteSectionProps) {
  const newerSchema = createNewerSchema();
  trackPreviousPlace();
  return (
    <div class="frame">
      <header class="topbar">
        <A class="brand" href="/" end>
          Rapport
        </A>
        <SaveStatus />
        <SyncStatusPill />
        <InstallButton />
        <A href="/settings" class="topbar-settings" aria-label="Settings">
          <Icon name="settings" />
        </A>
      </header>
      <UpdatePrompt />
      <nav class="nav" aria-label="Main">
        <NavLink href="/" icon="today" end>
          Today
        </NavLink>
        <NavLink href="/people" icon="people">
          People
        </NavLink>
        <NavLink href="/capture" icon="capture" class="capture">
          Capture
        </NavLink>
        <NavLink href="/plan" icon="plan">
          Plan
        </NavLink>
        <NavLink href="/map" icon="map">
          Map
        </NavLink>
        <NavLink href="/settings" icon="settings" class="settings-link">
          Settings
        </NavLink>
      </nav>
      <main class="main" id="main">
        <Show when={newerSchema()}>
          <p class="card" role="alert">
            This network was saved by a newer version of Rapport. Reload to update the app; until then, some details may not show.
          </p>
        </Show>
        {props.children}
      </main>
      <Toasts />
    </div>
  );
}

export function App() {
  return (
    <Router root={Frame}>
      {PAGES.map((page) => (
        <Route path={page.path} component={page.component} />
      ))}
    </Router>
  );
}
