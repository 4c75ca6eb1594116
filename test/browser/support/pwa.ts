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

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A copy of dist/ in a temp directory, for STATIC_DIR. */
export function copyOfDist(): string {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'sw.js'))) throw new Error('dist/ has no service worker: run `npx vite build` first (npm test does).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-dist-'));
  fs.cpSync(dist, dir, { recursive: true });
  return dir;
}

/**
 * Builds the app into a temp directory, marked with `build` (VITE_RAPPORT_BUILD ends up in
 * the entry chunk, so two builds differ and the service worker sees a new version).
 */
export async function buildApp(build: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-build-${build}-`));
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, VITE_RAPPORT_BUILD: build },
  });
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
