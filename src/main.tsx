import { createEffect, createRoot, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import type { CollectionName, Contact } from './model/index.ts';
import { foldNamesAhead } from './model/rules/index.ts';
import { keepRemindersCurrent } from './pwa/reminders.ts';
import { listenForInstall, startPwa } from './pwa/start.ts';
import { whenControlled } from './pwa/register.ts';
import { makeSyncController, type SyncStatus } from './sync/controller.ts';
import type { StoredSync } from './sync/credentials.ts';
import { describeSyncError, type OnSyncError } from './sync/errors.ts';
import { describeWriteFailure, yieldToBrowser, type SaveState } from './sync/local.ts';
import { makeTabSync } from './sync/tabs.ts';
import { App, preloadPage } from './ui/app.tsx';
import { showToast } from './ui/components/toasts.tsx';
import { makeViewKeeper } from './ui/keep-view.ts';
import { peopleByName } from './ui/lists.ts';
import { forgetPaintedView } from './ui/painted-view.ts';
import { fetchEveryPlace } from './ui/routes.ts';
import { afterPaint } from './ui/sliced.ts';
import { liveIn, prepareCollections, SpaceProvider } from './ui/space.tsx';

/** How long a first visit waits for the service worker to keep the app before fetching the places itself. */
const SERVICE_WORKER_GRACE_MS = 4000;
/** What Plan, the Map and Give and take read (besides the people). */
const PLAN_READS: CollectionName[] = [
  'communities',
  'objectives',
  'offers',
  'actions',
  'interactions',
  'ledger',
  'introductions',
];
/** The collections a place shows at once, read before its first render when the app opens on it. */
const FIRST_READ: Record<string, CollectionName[]> = {
  '/': ['contacts', 'interactions', 'actions'],
  '/plan': ['contacts', ...PLAN_READS],
  '/give-and-take': ['contacts', ...PLAN_READS],
  '/map': ['contacts', 'communities'],
};

async function foldNamesInSlices(people: readonly Contact[]): Promise<void> {
  let slice = performance.now();
  for (let i = 0; i < people.length; i += 250) {
    foldNamesAhead(people.slice(i, i + 250));
    if (performance.now() - slice > 30) {
      await yieldToBrowser();
      slice = performance.now();
    }
  }
}

/** Runs the app in `root` once the space is open; what was painted before it (src/boot.ts) gives way. */
async function run(root: HTMLElement, early: Promise<typeof import('./open-space-early.ts')>) {
  listenForInstall(); // before anything awaits: the browser may offer installation early
  const [saveState, setSaveState] = createSignal<SaveState>({ kind: 'saved' });
  const { opening, onSaveState, onStorageError } = await early;
  const space = await opening;
  onSaveState(setSaveState);
  onStorageError(reportStorageError);
  makeTabSync(space.doc, { onError: reportStorageError });
  const [syncStatus, setSyncStatus] = createSignal<SyncStatus>({ kind: 'off', message: '' });
  const [syncSettings, setSyncSettings] = createSignal<StoredSync | null>(null);
  const sync = makeSyncController(
    space.doc,
    (status, settings) => {
      setSyncStatus(status);
      setSyncSettings(settings);
    },
    reportStorageError,
  );
  // The first page's people (and on Today what is due, on Plan its plan) are read in short slices while the
  // painted frame stays.
  await prepareCollections(space.doc, FIRST_READ[location.pathname] ?? ['contacts'], yieldToBrowser);
  // People opens on everyone sorted by name: the names are folded in slices too,
  // and sorted in a task of their own, found sorted by that render (peopleByName).
  if (location.pathname === '/people') {
    const people = liveIn(space.doc, 'contacts')();
    await foldNamesInSlices(people);
    await yieldToBrowser();
    peopleByName(people);
  }
  await preloadPage(location.pathname);
  // A space with nobody in it (new, or its storage erased) keeps no picture of an older one.
  if (space.doc.getMap('contacts').size === 0) forgetPaintedView();
  root.textContent = '';
  render(
    () => (
      <SpaceProvider space={{ doc: space.doc, schema: space.schema, saveState, sync, syncStatus, syncSettings }}>
        <App />
      </SpaceProvider>
    ),
    root,
  );
  performance.mark('rapport:rendered');
  // Sync starts once the first screen is painted: its own start would otherwise hold that screen up.
  void afterPaint().then(() => sync.start());
  makeViewKeeper();
  // The other places' collections are read in the background, in slices with room for the page between them,
  // so that moving to Plan, the Map or Give and take does not parse thousands of entries in its first render.
  setTimeout(
    () =>
      void prepareCollections(space.doc, PLAN_READS, () => new Promise((resolve) => setTimeout(resolve, 0))).catch(
        (error: unknown) => console.error('Rapport (reading ahead):', error),
      ),
    1000,
  );
  // A first visit must open every place even if the signal goes before the app is kept on this device.
  // The service worker keeps it, off this thread; only if none takes over soon is every place's code
  // fetched (and run) here, which costs the page a few hundred milliseconds of work on a phone.
  void whenControlled(SERVICE_WORKER_GRACE_MS).then((controlled) => {
    if (!controlled) void fetchEveryPlace(() => new Promise((r) => setTimeout(r, 50)));
  });
  startPwa(space, (error) => console.error('Rapport (offline app):', error));
  // Reminders come through the relay: only while this device syncs with one.
  const relayFor = (s: StoredSync | null) =>
    s === null || s.revoked ? null : { relayUrl: s.relayUrl, spaceId: s.spaceId, deviceId: s.deviceId, token: s.token };
  const reminders = keepRemindersCurrent(
    space.doc,
    () => relayFor(sync.settings()),
    (error) => console.error('Rapport (reminders):', error),
  );
  // Sync turned on, off, or this device revoked: the relay to hand wake times to changed.
  let relayKey = JSON.stringify(relayFor(sync.settings()));
  createRoot(() =>
    createEffect(() => {
      const key = JSON.stringify(relayFor(syncSettings()));
      if (key === relayKey) return;
      relayKey = key;
      void reminders.now().catch((error: unknown) => console.error('Rapport (reminders):', error));
    }),
  );
}

/** What a storage error means to the person; nothing was lost in either case. */
const storageErrorMessages = {
  compact: (error: unknown) =>
    `Rapport could not tidy its storage on this device (${describeWriteFailure(error)}). Nothing is lost; it tries again later.`,
  'tab-message': () => 'A change made in another Rapport tab could not be read here. Reload this tab to see it.',
  envelope: (error: unknown) =>
    `Rapport could not keep the sealed copy of your network on this device (${describeWriteFailure(error)}). Sync still works; each start fetches it from your relay again.`,
  'keys-read': () =>
    'Rapport could not read the key of your network from this device’s storage. Nothing is lost; sync is paused until Settings → Sync → Try now.',
  'keys-save': (error: unknown) =>
    `Rapport could not store the new key of your network on this device (${describeWriteFailure(error)}). Sync goes on while the app stays open; free some space, or this device may need pairing again after a restart.`,
} satisfies Record<Parameters<OnSyncError>[1], (error: unknown) => string>;
const toastedStorageErrors = new Set<string>();

/** The sync layer's errors: logged by name and message only (never the data), and each kind shown once. */
const reportStorageError: OnSyncError = (error, context) => {
  console.error('Rapport (storage):', context, describeSyncError(error));
  if (toastedStorageErrors.has(context)) return;
  toastedStorageErrors.add(context);
  showToast(storageErrorMessages[context](error));
};

/**
 * Most fields commit on every keystroke, but list fields (emails, phones, tags)
 * hold what is typed until Enter or blur. Leaving the page blurs the focused
 * field so that text still reaches the document, and so IndexedDB, before the
 * page goes away.
 */
function commitFocusedFieldOnLeave() {
  const commit = () => (document.activeElement as HTMLElement | null)?.blur?.();
  window.addEventListener('pagehide', commit);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') commit();
  });
}

/** Called by src/boot.ts with the space already opening. */
export function start(early: Promise<typeof import('./open-space-early.ts')>): void {
  const root = document.getElementById('app');
  if (!root) return;
  commitFocusedFieldOnLeave();
  run(root, early).catch((error: unknown) => {
    // Without IndexedDB (some private windows) nothing can be kept: say so rather than show an empty app.
    root.textContent = '';
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.padding = '1rem';
    p.textContent = `Rapport could not open its storage on this device (${error instanceof Error ? error.message : String(error)}). Private browsing can block it; try a normal window.`;
    root.append(p);
  });
}
