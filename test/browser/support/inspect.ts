/**
 * Looking at the app from outside what a person sees: an accessibility audit, the requests and
 * sockets it opens, markup that must not be there, and stand-ins for the device's share sheet
 * and camera.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Request } from 'playwright-core';
import type { App } from '../pages/app.ts';

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

/** axe-core's violations on the screen as it is (within `include`, when given). */
export async function axeFindings(app: App, include?: string): Promise<AxeFinding[]> {
  // Legacy mode runs axe inside the page rather than finishing in a new blank page each time: less than
  // half the time, and nothing is lost, as the app has no frames.
  let builder = new AxeBuilder({ page: app.page });
  if (include) builder = builder.include(include);
  const result = await builder
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Every request any page of `context` makes from now on that is not to `origin` (nor data: or blob:). */
export function requestsElsewhere(context: BrowserContext, origin: string): () => string[] {
  const away: string[] = [];
  context.on('request', (r: Request) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) away.push(url);
  });
  return () => away;
}

/** How many WebSockets the app opens from now on. */
export function webSocketsOpened(app: App): () => number {
  let opened = 0;
  app.page.on('websocket', () => opened++);
  return () => opened;
}

/** How many bytes the WebSockets of pages opened in `context` from now on receive. */
export function webSocketBytesReceived(context: BrowserContext): () => number {
  let received = 0;
  context.on('page', (page) =>
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        received += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
      }),
    ),
  );
  return () => received;
}

/** Waits until the first visit has fetched every other place's code (the app marks it). */
export async function placesFetched(app: App): Promise<void> {
  await app.page.waitForFunction(() => performance.getEntriesByName('rapport:places-fetched').length > 0, undefined, {
    polling: 100,
  });
}

/** Markup on screen that could run script: javascript: links, inline scripts, event-handler attributes. */
export function activeMarkup(app: App): Promise<number> {
  return app.page.locator('a[href^="javascript:" i], script:not([src]), b[onmouseover], img[onerror]').count();
}

/** What a hostile file's script would have set, had it run (`window.__pwned`). */
export function pwned(app: App): Promise<number | undefined> {
  return app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
}

export interface SharedFile {
  name: string;
  type: string;
  text: string;
  title?: string;
}

/**
 * Chromium on Linux has no share sheet: stands in for one that accepts files, in every page of
 * `context`, and keeps what it was given.
 */
export async function standInShareSheet(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shared: { name: string; type: string; text: string; title?: string }[] = [];
    Object.assign(window, { __shared: shared });
    Object.assign(navigator, {
      canShare: (data: ShareData) => (data.files?.length ?? 0) > 0,
      share: async (data: ShareData) => {
        for (const f of data.files ?? [])
          shared.push({ name: f.name, type: f.type, text: await f.text(), title: data.title });
      },
    });
  });
}

/** Waits until the stand-in share sheet has been given something, and returns it. */
export async function sharedFiles(app: App): Promise<SharedFile[]> {
  await app.page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared.length > 0);
  return app.page.evaluate(() => (window as unknown as { __shared: SharedFile[] }).__shared);
}

/** The person refuses the camera: every request for it fails as a refusal does. */
export async function refuseCamera(app: App): Promise<void> {
  await app.page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
}

/** Waits until the app has kept the first screen of `path` (src/ui/keep-view.ts) with these names on it. */
export async function firstScreenKept(app: App, path: string, names: readonly string[]): Promise<void> {
  await app.page.waitForFunction(
    ([key, want]) => {
      const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as { rows?: { text: string }[] } | null;
      const have = new Set((kept?.rows ?? []).map((r) => r.text));
      return want.every((n) => have.has(n));
    },
    [`rapport:last-view:${path}`, names] as const,
    { polling: 100 },
  );
}
