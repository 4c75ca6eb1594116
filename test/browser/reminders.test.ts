/**
 * Reminders in real Chromium (issue 19): the permission is asked for only from the switch; a
 * push (delivered through the DevTools protocol, as the relay's push service would) makes the
 * service worker read the network from IndexedDB and show one notification computed with
 * Today's rules — and none when nothing is due.
 */
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { countPermissionRequests, permissionAsks, PushDelivery, shownNotifications } from './support/notifications.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

async function device() {
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(['notifications'], { origin: session.server.url });
  await countPermissionRequests(context);
  return context;
}

describe('Settings → Reminders', () => {
  it('asks for the notification permission only when the switch is turned on — never on load', async () => {
    const context = await device();
    const app = await App.open(context, session.server.url);
    const reminders = app.reminders;
    await reminders.open();
    await app.reload();
    await reminders.waitShown();
    expect(await permissionAsks(app)).toBe(0);
    expect(await reminders.isOn()).toBe(false);
    expect((await reminders.status()).state).toBe('off');
    await reminders.turnOn();
    expect(await permissionAsks(app)).toBe(1);
    expect(await reminders.isOn()).toBe(true);
    // Sync is off on this fresh device: it says so, and what to do.
    expect(await reminders.status()).toEqual({ state: 'no-sync', text: expect.stringContaining('Turn on sync above') });
    await context.close();
  });

  it('with permission denied, says so plainly and points to the calendar export', async () => {
    const context = await session.browser.newContext();
    await countPermissionRequests(context);
    const app = await App.open(context, session.server.url, '/settings');
    const reminders = app.reminders;
    await reminders.waitShown();
    // Headless Chromium answers an ungranted request with "denied", as a person blocking it would.
    await reminders.turnOn();
    await expect.poll(async () => (await reminders.status()).state).toBe('denied');
    expect((await reminders.status()).text).toContain('Download calendar');
    expect(await reminders.isOn()).toBe(false);
    await context.close();
  });
});

describe('a reminder arriving', () => {
  it('shows one notification computed from IndexedDB with Today’s rules, and none when nothing is due', async () => {
    const context = await device();
    const app = await App.open(context, session.server.url);
    await app.offlineReady();
    const push = await PushDelivery.attach(app);
    const reminders = app.reminders;
    await reminders.open();
    await reminders.turnOn();

    // Nothing on Today yet: the worker wakes, finds nothing due, and shows nothing (Chromium allows it).
    expect(await push.wake(app)).toEqual({ shown: false });
    expect(await shownNotifications(app)).toEqual([]);

    // Three people met this evening: three follow-ups for Today.
    await app.capture.startEvent('Climate Week meetup', 'Berlin');
    for (const name of ['Ben Carter', 'Oliver Grant', 'Carol Diaz']) await app.capture.quickCapture(name);
    await app.savedOnThisDevice();

    expect(await push.wake(app)).toEqual({ shown: true });
    expect(await shownNotifications(app)).toEqual([
      {
        title: '3 follow-ups today',
        body: 'Ben Carter, Carol Diaz and 1 other',
        url: '/',
        actions: ['Open Today', 'Snooze all to tomorrow'],
      },
    ]);
    await context.close();
  });

  it('about one person: names them, and a click leads to their page', async () => {
    const context = await device();
    const app = await App.open(context, session.server.url);
    await app.offlineReady();
    const push = await PushDelivery.attach(app);
    await app.capture.startEvent('Meetup', 'Leeds');
    await app.capture.quickCapture('Oliver Grant');
    await app.savedOnThisDevice();
    const reminders = app.reminders;
    await reminders.open();
    await reminders.turnOn();
    expect(await push.wake(app)).toEqual({ shown: true });
    const [shown] = await shownNotifications(app);
    expect(shown?.title).toBe('1 follow-up today');
    expect(shown?.body).toBe('Oliver Grant');
    expect(shown?.url).toMatch(/^\/people\/[A-Za-z0-9_-]+$/);
    await context.close();
  });
});
