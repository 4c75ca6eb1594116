/**
 * Registers the service worker with workbox-window (no inline script: the CSP
 * forbids one) and turns its lifecycle into one question for the UI: is there a
 * newer version waiting for the person's "reload"? A new version never takes
 * over an open window by itself; accepting saves every edit, asks the waiting
 * worker to take over, and reloads once it controls the page.
 */
import { Workbox } from 'workbox-window';
import { makeObservable } from './observable.ts';
import { APP_BUILD } from './version.ts';

type UpdateState =
  /** No newer version known. */
  | 'current'
  /** A newer version is installed and waits for the person's "reload". */
  | 'available'
  /** Accepted: saving edits and handing the page to the new version. */
  | 'applying'
  /** Another window switched to a newer version, or a page of this build is gone: this window's code is old; a reload fixes it. */
  | 'stale'
  /** A page's code could not be fetched while offline, before the app was kept on this device: it opens once back online. */
  | 'unavailable';

export const updateState = makeObservable<UpdateState>('current');

interface RegisterOptions {
  /** Resolves once every edit shown is stored on this device; awaited before any reload. */
  beforeReload: () => Promise<void>;
  onError: (error: unknown) => void;
  swUrl?: string;
  /** How often a window left open asks the server for a newer version. */
  checkEveryMs?: number;
}

// If the waiting worker does not take over (it was already activated elsewhere), reload anyway.
const TAKEOVER_TIMEOUT_MS = 4000;

let applyImpl: (() => Promise<void>) | null = null;
let checkImpl: (() => Promise<void>) | null = null;

/** The person accepted the update: save, hand over to the new worker, reload. */
export function applyUpdate(): Promise<void> {
  return applyImpl ? applyImpl() : Promise.resolve();
}

/** Asks the server whether a newer version exists (also done on focus and hourly). */
export function checkForUpdate(): Promise<void> {
  return checkImpl ? checkImpl() : Promise.resolve();
}

/**
 * Resolves true once a service worker controls this page — it installs only after keeping every
 * file of the app, so every place then opens offline — or false if none does within `ms` (blocked,
 * unsupported, failed, or still fetching on a slow link).
 */
export function whenControlled(ms: number): Promise<boolean> {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (sw === null) return Promise.resolve(false);
  if (sw.controller !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (controlled: boolean) => {
      clearTimeout(timer);
      sw.removeEventListener('controllerchange', onChange);
      resolve(controlled);
    };
    const onChange = () => done(sw.controller !== null);
    const timer = setTimeout(() => done(false), ms);
    sw.addEventListener('controllerchange', onChange);
  });
}

/**
 * The page the person opened could not load its code. Online, its file belongs to an older
 * build that is gone from the server and the cache; offline on a first visit (no service worker
 * in control yet) it was simply never fetched. Only a page the person opens counts: the code
 * fetched ahead in the background failing says nothing yet.
 */
export function reportPageCodeMissing(): void {
  if (updateState.get() === 'applying') return;
  updateState.set(navigator.onLine ? 'stale' : 'unavailable');
}

export function registerServiceWorker(opts: RegisterOptions): () => void {
  document.documentElement.dataset['build'] = APP_BUILD;
  const cleanups: (() => void)[] = [];
  if (!('serviceWorker' in navigator)) return () => undefined;

  const wb = new Workbox(opts.swUrl ?? '/sw.js', { scope: '/' });
  let hadController = navigator.serviceWorker.controller !== null;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };

  wb.addEventListener('waiting', () => {
    if (updateState.get() === 'current') updateState.set('available');
  });
  const onControllerChange = () => {
    if (updateState.get() === 'applying') return reload();
    // The very first worker claiming this page changes nothing the person sees.
    if (hadController) updateState.set('stale');
    hadController = true;
  };
  navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);
  cleanups.push(() => navigator.serviceWorker.removeEventListener('controllerchange', onControllerChange));

  applyImpl = async () => {
    const before = updateState.get();
    updateState.set('applying');
    try {
      await opts.beforeReload();
    } catch (error) {
      // The edits are not on disk: reloading now would lose them. Stay, and say so.
      updateState.set(before);
      throw error;
    }
    const registration = await navigator.serviceWorker.getRegistration();
    if (before === 'stale' || before === 'unavailable' || !registration?.waiting) return reload();
    wb.messageSkipWaiting();
    setTimeout(reload, TAKEOVER_TIMEOUT_MS);
  };
  checkImpl = async () => {
    await wb.update();
  };

  const check = () => void checkForUpdate().catch(() => undefined); // offline: nothing to learn, try later
  const onVisible = () => {
    if (document.visibilityState === 'visible') check();
  };
  document.addEventListener('visibilitychange', onVisible);
  cleanups.push(() => document.removeEventListener('visibilitychange', onVisible));
  const timer = setInterval(check, opts.checkEveryMs ?? 60 * 60 * 1000);
  cleanups.push(() => clearInterval(timer));

  wb.register().catch(opts.onError);
  return () => {
    cleanups.forEach((c) => c());
    applyImpl = checkImpl = null;
  };
}
