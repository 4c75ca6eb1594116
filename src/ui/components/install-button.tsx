/**
 * Install: the browser's own dialog where it offers one (`beforeinstallprompt`);
 * on iOS, where none exists, a short "Add to Home Screen" hint instead.
 */
import { createSignal, createUniqueId, Match, Show, Switch } from 'solid-js';
import { installState, promptInstall } from '../../pwa/install.ts';
import { createObserved } from './update-prompt.tsx';

const HINT_DISMISSED = 'rapport:ios-install-hint-dismissed';

function hintDismissed(): boolean {
  try {
    return localStorage.getItem(HINT_DISMISSED) === '1';
  } catch {
    return false; // storage blocked: show the hint; it is only a hint
  }
}

function IosHint() {
  return (
    <p>
      To install Rapport, tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>. It then opens like an
      app, works offline, and your data is kept safer.
    </p>
  );
}

/** `inline` shows the iOS hint as text (in Settings); otherwise a top-bar button opens it. */
export function InstallButton(props: { inline?: boolean }) {
  const state = createObserved(installState);
  const [open, setOpen] = createSignal(false);
  const [dismissed, setDismissed] = createSignal(hintDismissed());
  const hintId = createUniqueId();
  const dismiss = () => {
    setOpen(false);
    setDismissed(true);
    try {
      localStorage.setItem(HINT_DISMISSED, '1');
    } catch {
      // remembered for this page only
    }
  };
  return (
    <Switch>
      <Match when={state() === 'available'}>
        <button type="button" class="install-button" onClick={() => void promptInstall()}>
          Install app
        </button>
      </Match>
      <Match when={state() === 'ios' && props.inline}>
        <div class="install-hint-inline" data-testid="ios-install-hint">
          <IosHint />
        </div>
      </Match>
      <Match when={state() === 'ios' && !dismissed()}>
        <div class="install-ios">
          <button
            type="button"
            class="install-button"
            aria-expanded={open()}
            aria-controls={hintId}
            onClick={() => setOpen(!open())}
          >
            Install app
          </button>
          <Show when={open()}>
            <div id={hintId} class="install-hint" data-testid="ios-install-hint">
              <IosHint />
              <button type="button" onClick={dismiss}>
                Got it
              </button>
            </div>
          </Show>
        </div>
      </Match>
    </Switch>
  );
}
