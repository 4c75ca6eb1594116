/** Opened from a pairing link: joins this device to the network the link belongs to. */
import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { readPairingFragment } from '../../sync/relay-api.ts';
import { defaultDeviceName } from '../settings/device-name.ts';
import { useSpace } from '../space.tsx';
import { FormError } from '../components/form-error.tsx';

export default function Pair() {
  const { sync } = useSpace();
  const navigate = useNavigate();
  const link = readPairingFragment(location.hash);
  // The secret has been read: take it out of the address bar and history.
  history.replaceState(history.state, '', location.pathname);
  const [deviceName, setDeviceName] = createSignal(defaultDeviceName());
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const join = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!link) return;
    setBusy(true);
    const r = await sync.join(link, deviceName());
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    navigate('/people');
  };
  return (
    <section aria-labelledby="pair-title">
      <h1 id="pair-title">Join your network</h1>
      <Show
        when={link}
        fallback={
          <p role="alert">This pairing link is incomplete. On your other device, open Settings → Sync → Add a device, and scan the code again.</p>
        }
      >
        {(l) => (
          <form class="card" onSubmit={join}>
            <p>
              This device will sync with your network through <strong class="wrap">{l().relayUrl}</strong>. Anything already on this device is kept and merged.
            </p>
            <Show when={sync.settings()}>
              <p class="muted">This device already syncs with another network; joining switches it to this one.</p>
            </Show>
            <div class="field">
              <label for="pair-device-name">This device’s name</label>
              <input id="pair-device-name" value={deviceName()} onInput={(e) => setDeviceName(e.currentTarget.value)} maxLength={60} />
            </div>
            <FormError message={error()} />
            <button type="submit" class="primary" disabled={busy()}>
              {busy() ? 'Joining…' : 'Join and sync'}
            </button>
          </form>
        )}
      </Show>
    </section>
  );
}
