/**
 * Opened from a pairing link: joins this device to the network the link belongs to. A device
 * that already holds data says what it will bring, and before syncing starts it offers to merge
 * the objectives, offers, communities and events that look like ones already in the network.
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { PLAN_NOUNS, planTitle } from '../../model/rules/index.ts';
import { joinNetwork, previewJoin, type AlikeItem, type JoinPreview } from '../../store/joining.ts';
import { readPairingFragment } from '../../sync/relay-api.ts';
import type { PendingJoin } from '../../sync/controller.ts';
import { defaultDeviceName } from '../settings/device-name.ts';
import { createLive, useSpace } from '../space.tsx';
import { FormError } from '../components/form-error.tsx';
import { showToast } from '../components/toasts.tsx';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 people, 2 objectives and 1 community", leaving out what there is none of. */
function bringsSentence(brings: JoinPreview['brings']): string {
  const parts = [
    brings.contacts ? count(brings.contacts, 'person', 'people') : '',
    brings.objectives ? count(brings.objectives, 'objective', 'objectives') : '',
    brings.offers ? count(brings.offers, 'offer', 'offers') : '',
    brings.communities ? count(brings.communities, 'community', 'communities') : '',
    brings.events ? count(brings.events, 'event', 'events') : '',
  ].filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export default function Pair() {
  const { doc, sync } = useSpace();
  const navigate = useNavigate();
  const link = readPairingFragment(location.hash);
  // The secret has been read: take it out of the address bar and history.
  history.replaceState(history.state, '', location.pathname);
  const [deviceName, setDeviceName] = createSignal(defaultDeviceName());
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [pending, setPending] = createSignal<{
    join: PendingJoin;
    network: NonNullable<PendingJoin['network']>;
    preview: JoinPreview;
  } | null>(null);
  const [unticked, setUnticked] = createSignal<ReadonlySet<AlikeItem>>(new Set());

  // What this device holds now: all of it joins the network.
  const lists = [
    createLive('contacts'),
    createLive('objectives'),
    createLive('offers'),
    createLive('communities'),
    createLive('events'),
  ] as const;
  const holds = createMemo(() =>
    bringsSentence({
      contacts: lists[0]().length,
      objectives: lists[1]().length,
      offers: lists[2]().length,
      communities: lists[3]().length,
      events: lists[4]().length,
    }),
  );

  const joined = (message: string, undo?: () => void) => {
    showToast(message, undo ? { label: 'Undo merge', run: undo } : undefined, undo ? 15_000 : 5000);
    navigate('/people');
  };

  const join = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!link) return;
    setBusy(true);
    setError(null);
    if (holds() === '') {
      const r = await sync.join(link, deviceName());
      setBusy(false);
      if (!r.ok) return setError(r.error.message);
      return navigate('/people');
    }
    const r = await sync.pair(link, deviceName());
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const network = r.value.network;
    if (network === null) {
      r.value.finish();
      return joined(
        'Joined your network. It could not be compared with this device first: look for anything entered twice under People → Find duplicates.',
      );
    }
    const preview = previewJoin(doc, network);
    if (preview.alike.length === 0) {
      joinNetwork(doc, network, []);
      r.value.finish();
      return joined(
        `Joined your network${preview.alikePeople ? `. ${count(preview.alikePeople, 'person here looks', 'people here look')} like someone already there: see People → Find duplicates.` : '.'}`,
      );
    }
    setPending({ join: r.value, network, preview });
  };

  const finish = (mergeThem: boolean) => {
    const p = pending();
    if (!p) return;
    const chosen = mergeThem ? p.preview.alike.filter((a) => !unticked().has(a)) : [];
    const merge = joinNetwork(doc, p.network, chosen);
    p.join.finish();
    const people = p.preview.alikePeople
      ? ` ${count(p.preview.alikePeople, 'person here looks', 'people here look')} like someone already there: see People → Find duplicates.`
      : '';
    if (merge && merge.result.merged > 0)
      joined(
        `Joined your network and merged ${count(merge.result.merged, 'item', 'items')} that were on both devices.${people}`,
        () => merge.undo(),
      );
    else joined(`Joined your network.${people}`);
  };

  const toggle = (item: AlikeItem, on: boolean) => {
    const next = new Set(unticked());
    if (on) next.delete(item);
    else next.add(item);
    setUnticked(next);
  };

  return (
    <section aria-labelledby="pair-title">
      <h1 id="pair-title">Join your network</h1>
      <Show
        when={link}
        fallback={
          <p role="alert">
            This pairing link is incomplete. On your other device, open Settings → Sync → Add a device, and scan the
            code again.
          </p>
        }
      >
        {(l) => (
          <Show
            when={pending()}
            fallback={
              <form class="card" onSubmit={join}>
                <p>
                  This device will sync with your network through <strong class="wrap">{l().relayUrl}</strong>.
                </p>
                <Show
                  when={holds()}
                  fallback={
                    <p class="muted">
                      Nothing is on this device yet: it will show your network as soon as it has synced.
                    </p>
                  }
                >
                  <p data-testid="pair-brings">
                    This device holds {holds()}. All of it joins your network; before syncing starts, you can merge
                    anything that is already there.
                  </p>
                </Show>
                <Show when={sync.settings()}>
                  <p class="muted">This device already syncs with another network; joining switches it to this one.</p>
                </Show>
                <div class="field">
                  <label for="pair-device-name">This device’s name</label>
                  <input
                    id="pair-device-name"
                    value={deviceName()}
                    onInput={(e) => setDeviceName(e.currentTarget.value)}
                    maxLength={60}
                  />
                </div>
                <FormError message={error()} />
                <button type="submit" class="primary" disabled={busy()}>
                  {busy() ? 'Joining…' : 'Join and sync'}
                </button>
              </form>
            }
          >
            {(p) => (
              <div class="card" role="group" aria-labelledby="pair-alike-title">
                <h2 class="mt-0" id="pair-alike-title">
                  Already in your network
                </h2>
                <p>
                  {p().preview.alike.length === 1 ? 'This looks like something' : 'These look like things'} your network
                  already has. Merge them as this device joins, so that none is there twice? Their people, actions and
                  links move to the network’s.
                </p>
                <fieldset class="checks">
                  <legend class="visually-hidden">Merge these</legend>
                  <For each={p().preview.alike}>
                    {(item) => (
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={!unticked().has(item)}
                          onChange={(e) => toggle(item, e.currentTarget.checked)}
                        />
                        <span class="wrap">
                          “{planTitle(item.there)}” <span class="muted">({PLAN_NOUNS[item.collection].one})</span>
                        </span>
                      </label>
                    )}
                  </For>
                </fieldset>
                <div class="row mt-m">
                  <button type="button" class="primary" onClick={() => finish(true)}>
                    Merge and sync
                  </button>
                  <button type="button" onClick={() => finish(false)}>
                    Keep both and sync
                  </button>
                </div>
              </div>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
