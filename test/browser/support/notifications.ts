/**
 * Notifications from outside the page: counting the permission requests the app makes, delivering
 * a push as the relay's push service would (through the DevTools protocol), and reading the
 * notifications the service worker shows. None of this is on screen, so it is not a page model.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { App } from '../pages/app.ts';

/**
 * Counts every call of Notification.requestPermission in every page of the context, from
 * before the app's own code runs.
 */
export async function countPermissionRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __permissionAsks: number };
    w.__permissionAsks = 0;
    if (typeof Notification === 'undefined') return;
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = ((...args: Parameters<typeof Notification.requestPermission>) => {
      w.__permissionAsks++;
      return ask(...args);
    }) as typeof Notification.requestPermission;
  });
}

export const permissionAsks = (app: App) =>
  app.page.evaluate(() => (window as unknown as { __permissionAsks: number }).__permissionAsks);

/** The push service's side, through the DevTools protocol: deliver a push to this origin's worker. */
export class PushDelivery {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly registrations: Map<string, string>,
  ) {}

  static async attach(app: App): Promise<PushDelivery> {
    const page = app.page;
    const cdp = await page.context().newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on(
      'ServiceWorker.workerRegistrationUpdated',
      (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        for (const r of e.registrations) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
      },
    );
    await cdp.send('ServiceWorker.enable');
    return new PushDelivery(cdp, registrations);
  }

  /** Delivers what the relay sends (`{"type":"wake","at":…}`) and waits until the worker has handled it. */
  async wake(app: App): Promise<{ shown: boolean }> {
    const page = app.page;
    const origin = new URL(page.url()).origin;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { polling: 100 });
    for (let i = 0; i < 100 && !this.registrations.has(`${origin}/`); i++) await page.waitForTimeout(100);
    const registrationId = this.registrations.get(`${origin}/`);
    if (registrationId === undefined) throw new Error('no service worker registration seen');
    const handled = page.evaluate(
      () =>
        new Promise<{ shown: boolean }>((resolve) => {
          const on = (e: MessageEvent) => {
            if ((e.data as { type?: string })?.type !== 'rapport-reminder-handled') return;
            navigator.serviceWorker.removeEventListener('message', on);
            resolve({ shown: (e.data as { shown: boolean }).shown });
          };
          navigator.serviceWorker.addEventListener('message', on);
        }),
    );
    await page.waitForTimeout(50); // the listener above is in place
    await this.cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId,
      data: JSON.stringify({ type: 'wake', at: Date.now() }),
    });
    return handled;
  }
}

/** The notifications the worker is showing: title, body, where a click leads, the actions offered. */
export const shownNotifications = (app: App) =>
  app.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      url: (n.data as { url?: string } | null)?.url ?? null,
      actions: ((n as unknown as { actions?: { action: string; title: string }[] }).actions ?? []).map((a) => a.title),
    }));
  });
