/**
 * What a browser test file needs: the real server (serving a private copy of
 * dist/, so a build elsewhere in the tree mid-run cannot change what is
 * served) and one Debian Chromium; started before the file's tests, stopped after.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from './app-server.ts';
import { launchBrowser } from './browser.ts';
import { copyOfDist } from './pwa.ts';

export interface AppSession {
  readonly server: AppServer;
  readonly browser: Browser;
}

export function useAppSession(): AppSession {
  const session = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    session.server = await startAppServer({ env: { STATIC_DIR: copyOfDist() } });
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
