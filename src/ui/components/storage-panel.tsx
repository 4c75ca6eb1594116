/**
 * Storage on this device: is the data protected from eviction, how much is used,
 * and, where it is not protected, what the risk is and what to do about it.
 * Mounted by the Settings page.
 */
import { createResource, onMount, Show } from 'solid-js';
import { estimateStorage, persistState, readPersistState, requestPersistence } from '../../pwa/persist.ts';
import { useSpace } from '../space.tsx';
import { InstallButton } from './install-button.tsx';
import { createObserved } from './update-prompt.tsx';

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function StoragePanel() {
  const { saveState } = useSpace();
  const state = createObserved(persistState);
  const [use, { refetch }] = createResource(estimateStorage);
  onMount(() => void readPersistState());
  const keep = async () => {
    await requestPersistence();
    void refetch();
  };
  return (
    <section class="card storage-panel" aria-labelledby="storage-title" data-testid="storage-panel">
      <h2 id="storage-title">Storage on this device</h2>
      <Show when={saveState().kind === 'failed' ? (saveState() as { reason: string }) : null}>
        {(failed) => (
          <p class="card" role="alert" data-testid="storage-not-saved">
            <strong>Not saved on this device — {failed().reason}.</strong> Your latest changes are kept while Rapport
            stays open, and saving is tried again by itself. Free some space on this device (other sites’ data,
            downloads, photos), then keep Rapport open until it says “Saved on this device”. If sync is on, your other
            devices have these changes too; otherwise export a backup below.
          </p>
        )}
      </Show>
      <p data-testid="storage-persisted" data-state={state()}>
        <Show when={state() === 'granted'}>
          <strong>Protected.</strong> This browser has agreed to keep Rapport’s data on this device, even when it runs
          short of space.
        </Show>
        <Show when={state() === 'not-granted'}>
          <strong>Not protected yet.</strong> The browser may delete Rapport’s data on this device when space runs low,
          and Safari does after seven days without a visit. Installing the app protects it in most browsers; a backup
          protects it everywhere.
        </Show>
        <Show when={state() === 'unsupported'}>
          <strong>Unknown.</strong> This browser cannot say whether it will keep Rapport’s data. Keep a backup.
        </Show>
        <Show when={state() === 'unknown'}>Checking…</Show>
      </p>
      <p data-testid="storage-usage">
        <Show
          when={use()}
          fallback={
            use.loading ? 'Measuring how much space is used…' : 'This browser does not say how much space is used.'
          }
        >
          {(u) => (
            <>
              Using {formatBytes(u().usage)}
              <Show when={u().quota > 0}> of the {formatBytes(u().quota)} this browser allows</Show>.
            </>
          )}
        </Show>
      </p>
      <Show when={state() === 'not-granted' || state() === 'unsupported'}>
        <InstallButton inline />
        <div class="row">
          <Show when={state() === 'not-granted'}>
            <button type="button" onClick={() => void keep()}>
              Keep data on this device
            </button>
          </Show>
          <a class="button" href="/settings#export">
            Export a backup
          </a>
        </div>
      </Show>
    </section>
  );
}
