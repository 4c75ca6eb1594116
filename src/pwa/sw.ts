/**
 * The service worker: the offline app (precache, every navigation answered by the shell), the
 * "reload" handover (SKIP_WAITING), and reminders. A push from the relay says only "wake up";
 * the worker reads the network from IndexedDB, works out with Today's own rules what is due,
 * and shows one notification — or nothing, when it was all done meanwhile (WebKit counts a
 * push without a notification against the site, so there it is a quiet "Nothing needs you").
 */
import * as Y from 'yjs';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { activePeople, makeIdResolver } from '../model/rules/people-status.ts';
import { snoozeAllChanges } from '../model/rules/snooze.ts';
import { applySnooze } from '../store/habits.ts';
import { makeOrigin } from '../store/origin.ts';
import { loadReminderRecord, saveReminderRecord } from '../sync/device-store.ts';
import { describeSyncError } from '../sync/errors.ts';
import { makeLocalCopy } from '../sync/local.ts';
import { sendSchedule } from '../sync/reminders-api.ts';
import { digestFor, wakeTimesFor } from './reminder-rules.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/sync/, /^\/healthz/, /^\/metrics/],
  }),
);
// The first worker takes the page it was installed from; later ones wait for the person's "reload".
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** WebKit revokes a push subscription after pushes that show nothing; Chromium and Firefox allow a few. */
const mustShowSomething = () =>
  /Safari\//.test(navigator.userAgent) && !/Chrome|Chromium|Firefox|Android/.test(navigator.userAgent);

const FROM_WORKER = makeOrigin('local');

/** Opens the network as stored on this device; `close` waits until anything written is on disk. */
async function openNetwork() {
  const doc = new Y.Doc();
  // No screen to show a problem on: the worker's log gets its name and message (never the data).
  const local = makeLocalCopy(doc, {
    onError: (error, context) => console.error('Rapport (service worker):', context, describeSyncError(error)),
  });
  await local.loaded;
  return {
    doc,
    async close() {
      await local.flushed();
      await local.destroy();
      doc.destroy();
    },
  };
}

/** Hands the relay the next wake times, so reminders keep coming while the app stays closed. */
async function reschedule(doc: Y.Doc): Promise<void> {
  const record = await loadReminderRecord();
  if (!record.settings.enabled || record.relay === null) return;
  const times = wakeTimesFor(doc, record.settings);
  const r = await sendSchedule(record.relay, times);
  if (r.ok) await saveReminderRecord({ ...record, sent: times });
}

/** Open windows hear that a reminder was handled (and whether one was shown): the page and the tests. */
async function tellWindows(message: { type: 'rapport-reminder-handled'; shown: boolean }): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
    client.postMessage(message);
}

async function onPush(): Promise<void> {
  const record = await loadReminderRecord();
  const network = await openNetwork();
  let shown = false;
  try {
    const { digest } = digestFor(network.doc, record.settings);
    shown = record.settings.enabled && digest !== null;
    if (record.settings.enabled && digest !== null) {
      await self.registration.showNotification(digest.title, {
        body: digest.body,
        tag: digest.tag,
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        data: { url: digest.url },
        actions: [
          { action: 'open', title: 'Open Today' },
          { action: 'snooze', title: 'Snooze all to tomorrow' },
        ],
      } as NotificationOptions);
    } else if (mustShowSomething()) {
      await self.registration.showNotification('Nothing needs you today', {
        tag: 'rapport-reminder-none',
        silent: true,
        icon: '/icons/icon-192.png',
        data: { url: '/' },
      });
    }
    await reschedule(network.doc).catch(() => undefined); // offline: the page hands them over next time
  } finally {
    await network.close();
    await tellWindows({ type: 'rapport-reminder-handled', shown });
  }
}

/** "Snooze all to tomorrow": the same change as snoozing each item on Today, in one transaction. */
async function snoozeAll(): Promise<void> {
  const record = await loadReminderRecord();
  const network = await openNetwork();
  try {
    const { digest, view, network: data } = digestFor(network.doc, record.settings);
    if (digest === null) return;
    const changes = snoozeAllChanges(
      digest.items,
      view.today,
      activePeople(data.contacts),
      data.interactions,
      makeIdResolver(data.contacts),
      1,
    );
    // Open windows of the app hear the change as from another tab (see sync/tabs.ts).
    const channel = new BroadcastChannel('rapport-space');
    const forward = (update: Uint8Array) => channel.postMessage({ type: 'update', update });
    network.doc.on('update', forward);
    applySnooze(network.doc, changes, FROM_WORKER);
    network.doc.off('update', forward);
    channel.close();
    await reschedule(network.doc).catch(() => undefined);
  } finally {
    await network.close();
  }
}

async function open(url: string): Promise<void> {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows[0];
  if (existing !== undefined) {
    const focused = await existing.focus();
    await focused.navigate(target).catch(() => undefined);
    return;
  }
  await self.clients.openWindow(target);
}

self.addEventListener('push', (event) => event.waitUntil(onPush()));
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
  event.waitUntil(event.action === 'snooze' ? snoozeAll() : open(event.action === 'open' ? '/' : url));
});
