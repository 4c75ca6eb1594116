/**
 * Installing the app: Chromium-based browsers offer `beforeinstallprompt`, which
 * we keep for the Install button; iOS has no such event, so there we show how to
 * "Add to Home Screen" by hand. Nothing is offered once the app runs installed.
 */
import { makeObservable } from './observable.ts';

type InstallState =
  /** The browser offers installation: an Install button can trigger it. */
  | 'available'
  /** iOS, in the browser: installing is Share → Add to Home Screen. */
  | 'ios'
  /** Running as the installed app, or just installed. */
  | 'installed'
  /** Nothing to offer (yet): the browser has not offered installation. */
  | 'unavailable';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const installState = makeObservable<InstallState>('unavailable');
let offered: BeforeInstallPromptEvent | null = null;

/** iPhone, iPod, or an iPad (which says "Macintosh" but has a touch screen). */
function isIos(nav: { userAgent: string; maxTouchPoints?: number }): boolean {
  if (/iPad|iPhone|iPod/.test(nav.userAgent)) return true;
  return /Macintosh/.test(nav.userAgent) && (nav.maxTouchPoints ?? 0) > 1;
}

function isStandalone(win: Window = window): boolean {
  return (
    win.matchMedia?.('(display-mode: standalone)').matches === true ||
    (win.navigator as { standalone?: boolean }).standalone === true
  );
}

/** Call before anything awaits: the browser may offer installation early in the page's life. */
export function listenForInstall(win: Window = window): () => void {
  if (isStandalone(win)) installState.set('installed');
  else if (isIos(win.navigator)) installState.set('ios');
  const onOffer = (event: Event) => {
    event.preventDefault(); // keep the offer for our button rather than the browser's mini-infobar
    offered = event as BeforeInstallPromptEvent;
    installState.set('available');
  };
  const onInstalled = () => {
    offered = null;
    installState.set('installed');
  };
  win.addEventListener('beforeinstallprompt', onOffer);
  win.addEventListener('appinstalled', onInstalled);
  return () => {
    win.removeEventListener('beforeinstallprompt', onOffer);
    win.removeEventListener('appinstalled', onInstalled);
  };
}

/** Shows the browser's install dialog; an offer can be used once. */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const offer = offered;
  if (!offer) return 'unavailable';
  offered = null;
  await offer.prompt();
  const { outcome } = await offer.userChoice;
  installState.set(outcome === 'accepted' ? 'installed' : 'unavailable');
  return outcome;
}
