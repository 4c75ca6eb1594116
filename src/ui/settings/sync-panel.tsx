/** Settings → Sync: status first, then one decision (turn on) and one scan (add a device). */
import QRCode from 'qrcode';
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { SyncStatus } from '../../sync/controller.ts';
import type { DeviceInfo } from '../../sync/relay-api.ts';
import { showToast } from '../components/toasts.tsx';
import { useSpace } from '../space.tsx';
import { defaultDeviceName } from './device-name.ts';
import { FormError } from '../components/form-error.tsx';

/** Worth another go now: the relay did not answer, or this device's storage failed to give the keys. */
const canRetry = (s: SyncStatus): boolean =>
  s.kind === 'offline' || s.kind === 'unreachable' || (s.kind === 'error' && s.reason === 'storage');

function TurnOnForm() {
  const { sync } = useSpace();
  const [relayUrl, setRelayUrl] = createSignal(location.origin);
  const [deviceName, setDeviceName] = createSignal(defaultDeviceName());
  const [inviteCode, setInviteCode] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // The controller makes one space however often this is pressed; busy only says so.
    if (busy()) return;
    setBusy(true);
    const r = await sync.turnOn(relayUrl(), deviceName(), inviteCode() || undefined);
    setBusy(false);
    setError(r.ok ? null : r.error.message);
    if (r.ok) showToast('Sync is on. Add your other devices below.');
  };
  return (
    <form onSubmit={submit}>
      <p>
        Sync keeps your phone and laptop in step through your own relay. Your network stays on your devices: it is
        sealed with a key made here, which the relay never gets, so the relay only keeps and passes on what it cannot
        read.
      </p>
      <div class="grid-2">
        <div class="field">
          <label for="relay-url">Relay address</label>
          <input
            id="relay-url"
            type="url"
            value={relayUrl()}
            onInput={(e) => setRelayUrl(e.currentTarget.value)}
            required
          />
        </div>
        <div class="field">
          <label for="device-name">This device’s name</label>
          <input
            id="device-name"
            value={deviceName()}
            onInput={(e) => setDeviceName(e.currentTarget.value)}
            maxLength={60}
          />
        </div>
        <div class="field">
          <label for="invite-code">Invite code (if your relay asks for one)</label>
          <input
            id="invite-code"
            value={inviteCode()}
            onInput={(e) => setInviteCode(e.currentTarget.value)}
            autocomplete="off"
          />
        </div>
      </div>
      <FormError message={error()} />
      <button type="submit" class="primary" disabled={busy()}>
        {busy() ? 'Turning on…' : 'Turn on sync'}
      </button>
    </form>
  );
}

function AddDevice() {
  const { sync } = useSpace();
  const [pairing, setPairing] = createSignal<{ link: string; code: string; expiresAt: string; qr: string } | null>(
    null,
  );
  const [error, setError] = createSignal<string | null>(null);
  const make = async () => {
    const r = await sync.newPairing(location.origin);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setPairing({
      ...r.value,
      qr: await QRCode.toDataURL(r.value.link, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
    });
  };
  return (
    <div>
      <h3>Add a device</h3>
      <Show
        when={pairing()}
        fallback={
          <button type="button" class="primary" onClick={make}>
            Add a device
          </button>
        }
      >
        {(p) => (
          <div class="card" data-testid="pairing">
            <p>On your phone or other computer, scan this code or open the link. It works once, for 10 minutes.</p>
            <img class="qr-image" src={p().qr} width="240" height="240" alt="QR code of the pairing link" />
            <div class="field">
              <label for="pair-link">Pairing link</label>
              <input id="pair-link" readOnly value={p().link} onFocus={(e) => e.currentTarget.select()} />
            </div>
            <p>
              Short code: <strong data-testid="pair-code">{p().code}</strong> · expires{' '}
              {new Date(p().expiresAt).toLocaleTimeString()}
            </p>
            <div class="row">
              <button
                type="button"
                onClick={() => void navigator.clipboard?.writeText(p().link).then(() => showToast('Link copied.'))}
              >
                Copy link
              </button>
              <button type="button" onClick={() => setPairing(null)}>
                Done
              </button>
            </div>
          </div>
        )}
      </Show>
      <FormError message={error()} />
    </div>
  );
}

/** How often the open panel asks the relay for its devices, so one that joins shows up by itself. */
const DEVICES_EVERY_MS = 5000;

function Devices() {
  const { sync, syncStatus } = useSpace();
  const [devices, { refetch }] = createResource(async () => {
    const r = await sync.devices();
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible' && !devices.loading) void refetch();
  }, DEVICES_EVERY_MS);
  onCleanup(() => clearInterval(timer));
  const revoke = async (d: DeviceInfo) => {
    const r = await sync.revoke(d.deviceId);
    showToast(r.ok ? `${d.name} can no longer sync. Its own copy stays on it.` : r.error.message);
    void refetch();
  };
  /** This device is "connected now" while it is; the relay's record lags behind that. */
  const seen = (d: DeviceInfo) => {
    if (d.current && (syncStatus().kind === 'up-to-date' || syncStatus().kind === 'syncing')) return 'connected now';
    return d.lastSeenAt ? `last seen ${new Date(d.lastSeenAt).toLocaleString()}` : 'not seen yet';
  };
  return (
    <div>
      <h3>Devices</h3>
      <Show when={!devices.error} fallback={<p class="muted">{(devices.error as Error | undefined)?.message}</p>}>
        <ul class="plain-list" aria-label="Devices">
          <For each={devices()}>
            {(d) => (
              <li class="row spread nowrap min-h-48" data-testid="device">
                <span class="min-w-0">
                  <strong class="wrap">{d.name}</strong>
                  {d.current ? ' (this device)' : ''}
                  <br />
                  <span class="muted small">{seen(d)}</span>
                </span>
                <Show when={!d.current}>
                  <button type="button" class="danger" onClick={() => void revoke(d)} aria-label={`Remove ${d.name}`}>
                    Remove
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** What end-to-end encryption means here, in plain words: what the relay sees and what a lost key costs. */
function Privacy() {
  const { sync, syncStatus } = useSpace();
  // Read with the status, which changes whenever the privacy report does.
  const privacy = () => (syncStatus(), sync.privacy());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const makePrivate = async () => {
    if (busy()) return;
    setBusy(true);
    const r = await sync.makePrivate(defaultDeviceName());
    setBusy(false);
    setError(r.ok ? null : r.error.message);
    if (r.ok) showToast('Your network is now end-to-end encrypted. Pair your other devices again.');
  };
  return (
    <Show
      when={privacy().encrypted}
      fallback={
        <div data-testid="sync-privacy">
          <p>
            <strong>Not end-to-end encrypted.</strong> This network started syncing before Rapport sealed it, so your
            relay can read it. Make it private: the relay’s readable copy is erased and replaced by one only your
            devices can open. Your other devices then need to be paired again; what they hold stays on them.
          </p>
          <FormError message={error()} />
          <button type="button" class="primary" disabled={busy()} onClick={() => void makePrivate()}>
            {busy() ? 'Making it private…' : 'Make it private'}
          </button>
        </div>
      }
    >
      <div data-testid="sync-privacy">
        <p>
          <strong>End-to-end encrypted.</strong> Your network is sealed on this device before it leaves, with a key only
          your devices hold. The relay cannot read names, notes or anything else you keep. It can still see that your
          network exists, which devices connect and when, and how much data they send.
        </p>
        <p class="muted small">
          If every device is lost, so is the key, and the relay’s copy cannot be opened by anyone, us included. Keep a{' '}
          <a href="#export">JSON backup</a> somewhere safe.
        </p>
      </div>
    </Show>
  );
}

export function SyncPanel() {
  const { sync, syncStatus, syncSettings } = useSpace();
  return (
    <section class="card" id="sync" aria-labelledby="sync-title">
      <h2 class="mt-0" id="sync-title">
        Sync
      </h2>
      <p role="status" data-testid="sync-message">
        <strong>{syncStatus().message}</strong>
      </p>
      <Show when={syncSettings()} fallback={<TurnOnForm />}>
        {(settings) => (
          <>
            <p class="muted small wrap">Relay: {settings().relayUrl}</p>
            <Privacy />
            <Show when={canRetry(syncStatus())}>
              <button type="button" onClick={() => sync.retryNow()}>
                Try now
              </button>
            </Show>
            <Show when={!settings().revoked}>
              <AddDevice />
              <Devices />
            </Show>
            <p>
              <button
                type="button"
                onClick={() => {
                  sync.turnOff();
                  showToast('Sync is off on this device. Everything stays here.');
                }}
              >
                {settings().revoked ? 'Forget this relay' : 'Turn off sync on this device'}
              </button>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
