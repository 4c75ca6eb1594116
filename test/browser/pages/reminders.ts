/** Page model for Settings → Reminders, and for what a reminder does when it arrives. */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export class RemindersModel {
  constructor(private readonly page: Page) {}

  get panel() {
    return this.page.getByTestId('reminders-panel');
  }

  async open(): Promise<void> {
    await this.page.goto(new URL('/settings', this.page.url()).href);
    await this.panel.waitFor();
  }

  async turnOn(): Promise<void> {
    await this.panel.getByRole('switch', { name: 'Remind me on this device' }).check();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="reminders-status"]')?.getAttribute('data-state') !== 'off',
      undefined,
      { polling: 100 },
    );
  }

  async isOn(): Promise<boolean> {
    return this.panel.getByRole('switch', { name: 'Remind me on this device' }).isChecked();
  }

  async status(): Promise<{ state: string | null; text: string }> {
    const line = this.panel.getByTestId('reminders-status');
    return { state: await line.getAttribute('data-state'), text: (await line.textContent()) ?? '' };
  }
}

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

export const permissionAsks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __permissionAsks: number }).__permissionAsks);

/** The push service's side, through the DevTools protocol: deliver a push to this origin's worker. */
export class PushDelivery {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly registrations: Map<string, string>,
  ) {}

  static async attach(page: Page): Promise<PushDelivery> {
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
  async wake(page: Page): Promise<{ shown: boolean }> {
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
export const shownNotifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      url: (n.data as { url?: string } | null)?.url ?? null,
      actions: ((n as unknown as { actions?: { action: string; title: string }[] }).actions ?? []).map((a) => a.title),
    }));
  });
