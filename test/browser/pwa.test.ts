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
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchBrowser } from './support/browser.ts';
import {
  buildApp,
  buildOf,
  cachedPaths,
  checkForUpdate,
  copyOfDist,
  isSameDocument,
  markDocument,
  serviceWorkerControls,
  serviceWorkerScript,
  shellHead,
  watchCsp,
  type CspWatch,
} from './support/pwa.ts';
import { browserPersisted, countPersistRequests, persistRequests, waitForPersistRequests } from './support/storage.ts';

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
    const head = await shellHead(app);
    expect(head.manifest).toBe('/manifest.webmanifest');
    const res = await fetch(server.url + head.manifest);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
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
      const r = await fetch(new URL(icon.src, server.url).href);
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await r.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const touchRes = await fetch(server.url + head.appleTouchIcon);
    expect(touchRes.status).toBe(200);
    expect(pngSize(Buffer.from(await touchRes.arrayBuffer())).width).toBeGreaterThanOrEqual(180);
    expect(head.themeColor).toBe(true);
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
      const res = await fetch(server.url + p);
      expect(res.status, p).toBe(200);
      const h = Object.fromEntries(res.headers);
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
    const install = app.install;
    expect(await install.isOffered()).toBe(false);
    await install.browserOffersInstall('accepted');
    await install.press();
    expect(await install.prompted()).toBe(true);
    await install.waitGone();
    await closeDevice(dev);

    const phone = await device({
      userAgent: IPHONE,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const ios = await App.open(phone.context, server.url);
    await ios.install.press();
    expect(await ios.install.isExpanded()).toBe(true);
    expect(await ios.install.iosHint()).toContain('Add to Home Screen');
    await ios.install.dismissIosHint();
    await ios.reload();
    expect(await ios.install.isOffered()).toBe(false);
    await closeDevice(phone);
  });

  it('asks for persistent storage on the first edit, not on an empty first visit', async () => {
    const dev = await device();
    await countPersistRequests(dev.context);
    const app = await App.open(dev.context, server.url);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time enough for a request on load to have been made
    expect(await persistRequests(app)).toBe(0);
    await app.people.add({ name: 'Bo Chen' });
    await waitForPersistRequests(app, 1);
    await closeDevice(dev);
  });

  it('the storage panel in Settings says whether data is protected and how much is used', async () => {
    const dev = await device();
    const app = await App.open(dev.context, server.url, '/settings');
    await app.waitForHeading('Settings');
    const storage = app.storage;
    expect(await storage.usage()).toMatch(/^Using [\d.]+ (bytes|KB|MB|GB)/);
    await expect.poll(() => storage.persistedState()).not.toBe('unknown');
    const granted = await browserPersisted(app);
    expect(await storage.persistedState()).toBe(granted ? 'granted' : 'not-granted');
    if (!granted) {
      expect(await storage.text()).toContain('may delete');
      expect(await storage.backupLink()).toBe('/settings#export');
    }
    await closeDevice(dev);
  });
});

describe('Offline', () => {
  it('the service worker controls the page, and every place and a deep link load with the server stopped', async () => {
    const server = await serve();
    const dev = await device();
    const app = await App.open(dev.context, server.url);
    await serviceWorkerControls(app);
    await app.people.add({ name: 'Chidi Okafor' });
    const personPath = app.path();
    await app.reload();
    expect(await serviceWorkerScript(app)).toBe(`${server.url}/sw.js`);

    await server.stop();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    for (const route of [...ROUTES, personPath]) {
      await app.goto(route);
      await app.waitForHeading();
    }
    await app.reload();
    await app.waitForHeading('Chidi Okafor');
    const deep = await App.open(dev.context, server.url, personPath);
    await deep.waitForHeading('Chidi Okafor');
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
    await serviceWorkerControls(app);
    const firstBuild = await buildOf(app);
    expect(firstBuild).not.toBe('second');
    await app.people.add({ name: 'Dana Park' });
    await app.person.edit('Notes', 'Wants an intro to climate founders');
    // Typed but not yet committed (a list field keeps its text until Enter or blur).
    await app.person.typeEmail('dana@example.org');
    await markDocument(app);

    await oldServer.stop();
    const server = await serve({ port: oldServer.port, dir: second });
    await checkForUpdate(app);
    await app.updatePrompt.waitUntilOffered();
    // Offered, not applied: the same document, the same build, the typed text still there.
    expect(await isSameDocument(app)).toBe(true);
    expect(await buildOf(app)).toBe(firstBuild);
    expect(await app.person.typedEmail()).toBe('dana@example.org');

    await app.updatePrompt.acceptWithKeyboard();
    await app.waitForHeading('Dana Park');
    expect(await isSameDocument(app)).toBe(false);
    expect(await buildOf(app)).toBe('second');
    expect(await app.person.value('Notes')).toBe('Wants an intro to climate founders');
    expect(await app.person.emailLink('dana@example.org')).toBe('mailto:dana@example.org');
    expect(await app.updatePrompt.isOffered()).toBe(false);

    const cached = await cachedPaths(app);
    expect(cached.names.filter((n) => n.includes('precache'))).toHaveLength(1);
    expect(cached.paths).toContain(`/${entryOf(second)}`);
    expect(cached.paths).not.toContain(`/${entryOf(first)}`);
    expect(server.port).toBe(oldServer.port);
    await closeDevice(dev);
  }, 90_000);
});
