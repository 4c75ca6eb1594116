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
