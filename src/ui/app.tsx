/** The app frame: top bar with honest status, navigation, and the routed places. */
import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { trackPreviousPlace } from './back.ts';
import { lazy, Show, type Component, type ParentProps } from 'solid-js';
import { PLACES, placeFor } from './routes.ts';
import { Icon, type IconName } from './components/icons.tsx';
import { Toasts } from './components/toasts.tsx';
import { InstallButton } from './components/install-button.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { reportPageCodeMissing } from '../pwa/register.ts';
import { createNewerSchema, useSpace } from './space.tsx';

/** Every place; each page's code loads when first needed (or at once, by src/boot.ts, for the first page). */
const PAGES = PLACES.map((place) => ({
  path: place.path,
  component: lazy(() =>
    (place.load() as Promise<{ default: Component }>).catch((error: unknown) => {
      reportPageCodeMissing();
      throw error;
    }),
  ),
}));

/**
 * Has the code of the page at `pathname` in its component before the first render, so that
 * render draws the page itself: a lazy page still loading would leave an empty frame for the
 * browser to paint over the picture painted at boot, and draw the page a task later.
 * A page whose code cannot load is reported when it renders, as any other.
 */
export function preloadPage(pathname: string): Promise<unknown> {
  const place = placeFor(pathname);
  const page = place ? PAGES[PLACES.indexOf(place)] : undefined;
  return page ? page.component.preload().catch(() => undefined) : Promise.resolve();
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
        <A
          href="/settings#storage-title"
          class="status-pill"
          data-state="error"
          data-testid="save-state"
          role="alert"
          title={`Not saved on this device — ${failed().reason}`}
        >
          <span class="dot" aria-hidden="true" />
          Not saved
          <span class="visually-hidden">
            {' '}
            on this device — {failed().reason}. Your changes are kept while Rapport is open and tried again; see Storage
            in Settings.
          </span>
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
      <A
        href="/settings#sync"
        class="status-pill"
        data-state={syncStatus().kind === 'up-to-date' ? 'synced' : syncStatus().kind}
        data-testid="sync-state"
        title={syncStatus().message}
      >
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
            This network was saved by a newer version of Rapport. Reload to update the app; until then, some details may
            not show.
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
