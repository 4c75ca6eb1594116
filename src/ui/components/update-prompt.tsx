/**
 * "Update available — reload": a new version waits for the person rather than
 * swapping code under an open window. A polite live region at the top of the
 * page, reachable with Tab straight after the top bar.
 */
import { createSignal, onCleanup, Show, type Accessor } from 'solid-js';
import type { Observable } from '../../pwa/observable.ts';
import { applyUpdate, updateState } from '../../pwa/register.ts';

/** A pwa/ observable as a Solid signal, unsubscribed with the component. */
export function createObserved<T>(source: Observable<T>): Accessor<T> {
  const [value, setValue] = createSignal<T>(source.get(), { equals: false });
  onCleanup(source.subscribe((v) => setValue(() => v)));
  return value;
}

export function UpdatePrompt() {
  const state = createObserved(updateState);
  const [later, setLater] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const shown = () => state() !== 'current' && (!later() || state() === 'applying');
  const reload = () => {
    setProblem(null);
    // Reloading with no connection and no service worker in control would show the browser's offline page.
    if (state() === 'unavailable' && !navigator.onLine)
      return setProblem('Still offline. Try again once you are connected.');
    applyUpdate().catch(() =>
      setProblem(
        'Your latest edits could not be saved on this device, so the page was not reloaded. Try again in a moment.',
      ),
    );
  };
  return (
    <div class="update-slot" role="status" data-testid="update-prompt">
      <Show when={shown()}>
        <div class="update-prompt">
          <p>
            <Show when={state() === 'unavailable'}>
              This part of Rapport is not on this device yet, and there is no connection. It opens once you are back
              online — reload then. Everything else keeps working, and your edits are kept.
            </Show>
            <Show when={state() === 'stale'}>
              Rapport has been updated (in another window, or on the server) — reload to use the new version. Your edits
              are kept.
            </Show>
            <Show when={state() === 'available' || state() === 'applying'}>
              Update available — reload to use the new version. Your edits are kept.
            </Show>
          </p>
          <Show when={problem()}>{(text) => <p class="update-problem">{text()}</p>}</Show>
          <div class="row">
            <button type="button" class="primary" onClick={reload} disabled={state() === 'applying'}>
              {state() === 'applying' ? 'Reloading…' : 'Reload'}
            </button>
            <button type="button" onClick={() => setLater(true)} disabled={state() === 'applying'}>
              Later
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
