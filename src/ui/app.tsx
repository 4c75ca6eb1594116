/** The app frame: top bar with honest status, navigation, and the routed places. */
import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy, Show, type ParentProps } from 'solid-js';
import { Icon, type IconName } from './components/icons.tsx';
import { Toasts } from './components/toasts.tsx';
import { InstallButton } from './components/install-button.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { useSpace } from './space.tsx';

const Today = lazy(() => import('./pages/today.tsx'));
const People = lazy(() => import('./pages/people.tsx'));
const Person = lazy(() => import('./pages/person.tsx'));
const Duplicates = lazy(() => import('./pages/duplicates.tsx'));
const Trash = lazy(() => import('./pages/trash.tsx'));
const Plan = lazy(() => import('./pages/plan.tsx'));
const NetworkMap = lazy(() => import('./pages/map.tsx'));
const CommunityPage = lazy(() => import('./pages/community.tsx'));
const Stakeholders = lazy(() => import('./pages/stakeholders.tsx'));
const GiveAndTake = lazy(() => import('./pages/give-and-take.tsx'));
const Welcome = lazy(() => import('./pages/welcome.tsx'));
const Capture = lazy(() => import('./pages/capture.tsx'));
const Settings = lazy(() => import('./pages/settings.tsx'));
const NotFound = lazy(() => import('./pages/not-found.tsx'));
const Pair = lazy(() => import('./pages/pair.tsx'));
const MyCard = lazy(() => import('./pages/card.tsx'));

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

function SaveStatus() {
  const { saveState } = useSpace();
  return (
    <span class="status-pill" data-state={saveState()} data-testid="save-state">
      <span class="dot" aria-hidden="true" />
      {saveState() === 'saved' ? 'Saved on this device' : 'Saving…'}
    </span>
  );
}

const SYNC_LABELS = { off: '', offline: 'Will sync', connecting: 'Connecting…', syncing: 'Syncing…', 'up-to-date': 'Up to date', error: 'Sync problem' } as const;

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
  const { schema } = useSpace();
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
        <Show when={schema.state === 'newer'}>
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
      <Route path="/" component={Today} />
      <Route path="/people" component={People} />
      <Route path="/people/duplicates" component={Duplicates} />
      <Route path="/people/:id" component={Person} />
      <Route path="/trash" component={Trash} />
      <Route path="/plan" component={Plan} />
      <Route path="/map" component={NetworkMap} />
      <Route path="/communities/:id" component={CommunityPage} />
      <Route path="/stakeholders" component={Stakeholders} />
      <Route path="/give-and-take" component={GiveAndTake} />
      <Route path="/welcome" component={Welcome} />
      <Route path="/capture" component={Capture} />
      <Route path="/settings" component={Settings} />
      <Route path="/pair" component={Pair} />
      <Route path="/card" component={MyCard} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
