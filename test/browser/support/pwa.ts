/**
 * Helpers for the installable-app suites: private copies of the built app (so a
 * rebuild of dist/ by someone else mid-run cannot change what a test serves),
 * a second build for update tests, a watch for CSP violations, and waiting for
 * the service worker.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../pages/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Whether `dir` holds one whole build: the shell, the worker, and every file the worker precaches. */
function wholeBuild(dir: string): boolean {
  try {
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
    // The precache list, as generateSW wrote it (url:"…") or as injectManifest does ("url":"…").
    const urls = [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1] ?? '');
    return urls.length > 0 && urls.every((u) => fs.existsSync(path.join(dir, u)));
  } catch {
    return false;
  }
}

/**
 * A copy of dist/ in a temp directory, for STATIC_DIR. Others may be rebuilding dist/ right
 * now: wait for a whole build and check the copy is one.
 */
export function copyOfDist(): string {
  const dist = path.join(ROOT, 'dist');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (wholeBuild(dist)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-dist-'));
      fs.cpSync(dist, dir, { recursive: true });
      if (wholeBuild(dir)) return dir;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (Date.now() > deadline)
      throw new Error('dist/ holds no whole build with a service worker: run `npx vite build` first (npm test does).');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500); // a synchronous sleep: callers use this in plain expressions
  }
}

/**
 * Builds the app into a temp directory, marked with `build` (VITE_RAPPORT_BUILD ends up in
 * the entry chunk, so two builds differ and the service worker sees a new version).
 */
export async function buildApp(build: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-build-${build}-`));
  await promisify(execFile)(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, VITE_RAPPORT_BUILD: build },
    },
  );
  return dir;
}

export interface CspWatch {
  /** Every CSP violation or CSP console error seen in any page of the context. */
  readonly violations: string[];
}

/** Records `securitypolicyviolation` events and CSP console errors in every page of `context`. */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const violations: string[] = [];
  await context.exposeBinding('__rapportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __rapportCspViolation?: (t: string) => void }).__rapportCspViolation;
      report?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const watchPage = (page: Page) =>
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return { violations };
}

/** Waits until a service worker controls `page`. */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** Waits until the service worker has installed, activated and precached the shell. */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Waits until a service worker controls the app's page. */
export function serviceWorkerControls(app: App): Promise<void> {
  return controlledByServiceWorker(app.page);
}

/** The script of the service worker that controls the app's page, if one does. */
export function serviceWorkerScript(app: App): Promise<string | undefined> {
  return app.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
}

/** Asks the browser to look for a new service worker now, as it does by itself from time to time. */
export async function checkForUpdate(app: App): Promise<void> {
  await app.page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
}

/** The build the page runs (`<html data-build>`). */
export function buildOf(app: App): Promise<string | undefined> {
  return app.page.evaluate(() => document.documentElement.dataset['build']);
}

/** Marks the page's document, so a later look can tell whether it is still the same one (not reloaded). */
export async function markDocument(app: App): Promise<void> {
  await app.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

export function isSameDocument(app: App): Promise<boolean> {
  return app.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** The caches' names and every path they hold. */
export function cachedPaths(app: App): Promise<{ names: string[]; paths: string[] }> {
  return app.page.evaluate(async () => {
    const names = await caches.keys();
    const paths: string[] = [];
    for (const name of names)
      for (const req of await (await caches.open(name)).keys()) paths.push(new URL(req.url).pathname);
    return { names, paths };
  });
}

/** What the shell's <head> points at: the manifest, the apple-touch-icon, and whether it sets a theme colour. */
export async function shellHead(
  app: App,
): Promise<{ manifest: string | null; appleTouchIcon: string | null; themeColor: boolean }> {
  return {
    manifest: await app.page.locator('link[rel="manifest"]').getAttribute('href'),
    appleTouchIcon: await app.page.locator('link[rel="apple-touch-icon"]').getAttribute('href'),
    themeColor: (await app.page.locator('meta[name="theme-color"]').count()) > 0,
  };
}

/**
 * Holds back the app's code — every script but the first, tiny one (index.html's entry, src/boot.ts)
 * — for pages opened in `context` until released, as a slow link does: the picture painted before
 * the app stays on screen meanwhile.
 */
export async function holdAppCode(context: BrowserContext): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/assets\/(?!index-)[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
