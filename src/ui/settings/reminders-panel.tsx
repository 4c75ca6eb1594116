/**
 * Settings → Reminders, for this device: on or off, when, on which days, about what — and,
 * first, whether they will arrive here, and if not, what to do. The notification permission
 * is asked for only from the switch, never on load.
 */
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import {
  DEFAULT_REMINDER_SETTINGS,
  REMINDER_KINDS,
  type ReminderKind,
  type ReminderSettings,
} from '../../model/rules/reminders.ts';
import {
  changeReminderSettings,
  pushSupport,
  reminderDelivery,
  turnOffReminders,
  turnOnReminders,
  type Delivery,
} from '../../pwa/reminders.ts';
import { loadReminderRecord } from '../../sync/device-store.ts';
import { createObserved } from '../components/update-prompt.tsx';
import { useSpace } from '../space.tsx';
import './reminders.css';

const KIND_LABELS: Record<ReminderKind, string> = {
  'follow-ups': 'Follow-ups due (and people met recently)',
  promises: 'Promises due',
  'keep-in-touch': 'Keep-in-touch rhythms come round',
  actions: 'Plan actions due',
};
/** Monday first, as most of the world's calendars. */
const DAYS: { day: number; short: string; long: string }[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
];

const CALENDAR_HINT =
  'Or download the calendar below (Export → Download calendar): your calendar app reminds you of follow-ups and actions.';

function nextWords(ms: number): string {
  const d = new Date(ms);
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(d);
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(d);
  return `${day} at ${time}`;
}

function DeliveryLine(props: { delivery: Delivery }) {
  const d = () => props.delivery;
  return (
    <p role="status" data-testid="reminders-status" data-state={d().kind}>
      <Show when={d().kind === 'off'}>
        <strong>Reminders are off on this device.</strong> Turn them on to get one notification on the days something is
        due — even with Rapport closed.
      </Show>
      <Show when={d().kind === 'arriving'}>
        <strong>On.</strong>{' '}
        {(d() as { next: number | null }).next !== null
          ? `Next reminder: ${nextWords((d() as { next: number }).next)}, if it is still due then.`
          : 'Nothing is due in the coming weeks; a reminder comes when something is.'}
      </Show>
      <Show when={d().kind === 'no-sync'}>
        <strong>On, but they cannot arrive yet:</strong> reminders come through your relay. Turn on sync above and they
        will.
      </Show>
      <Show when={d().kind === 'denied'}>
        <strong>Notifications are blocked for Rapport in this browser.</strong> Allow them in the browser’s site
        settings (the icon beside the address), then turn reminders on again. {CALENDAR_HINT}
      </Show>
      <Show when={d().kind === 'unsupported' && (d() as { support: string }).support === 'ios-install-first'}>
        <strong>On iPhone and iPad, reminders need the installed app.</strong> In Safari tap Share, then “Add to Home
        Screen”; open Rapport from the Home Screen and turn reminders on there. {CALENDAR_HINT}
      </Show>
      <Show when={d().kind === 'unsupported' && (d() as { support: string }).support !== 'ios-install-first'}>
        <strong>This browser cannot receive reminders.</strong> Chrome, Edge, Firefox and Safari can; so can the
        installed app. {CALENDAR_HINT}
      </Show>
      <Show when={d().kind === 'failed'}>
        <strong>On, but they cannot arrive yet:</strong> {(d() as { detail: string }).detail}. {CALENDAR_HINT}
      </Show>
    </p>
  );
}

export function RemindersPanel() {
  const { doc, syncSettings } = useSpace();
  const delivery = createObserved(reminderDelivery);
  const [settings, setSettings] = createSignal<ReminderSettings>({ ...DEFAULT_REMINDER_SETTINGS });
  const [busy, setBusy] = createSignal(false);
  let alive = true;
  onCleanup(() => (alive = false));
  onMount(() => {
    if (pushSupport() !== 'supported' && reminderDelivery.get().kind === 'off')
      reminderDelivery.set({ kind: 'unsupported', support: pushSupport() });
    void loadReminderRecord().then((r) => alive && setSettings(r.settings));
  });
  const relay = () => {
    const s = syncSettings();
    return s === null || s.revoked
      ? null
      : { relayUrl: s.relayUrl, spaceId: s.spaceId, deviceId: s.deviceId, token: s.token };
  };

  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      if (!on) {
        setSettings({ ...settings(), enabled: false });
        await turnOffReminders();
        return;
      }
      const d = await turnOnReminders(doc, settings(), relay());
      setSettings({ ...settings(), enabled: d.kind !== 'denied' && d.kind !== 'unsupported' });
    } finally {
      setBusy(false);
    }
  };
  const change = (next: ReminderSettings) => {
    setSettings(next);
    void changeReminderSettings(doc, next);
  };
  const toggleIn = <T,>(list: readonly T[], item: T, checked: boolean): T[] =>
    checked ? [...new Set([...list, item])] : list.filter((x) => x !== item);

  return (
    <section
      class="card reminders-panel"
      id="reminders"
      aria-labelledby="reminders-title"
      data-testid="reminders-panel"
    >
      <h2 id="reminders-title">Reminders</h2>
      <DeliveryLine delivery={delivery()} />
      <label class="switch">
        <input
          type="checkbox"
          // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox states its own checked state
          role="switch"
          checked={settings().enabled}
          disabled={busy()}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <span>Remind me on this device</span>
      </label>
      <Show when={settings().enabled}>
        <div class="reminder-when">
          <div class="field">
            <label for="reminder-time">At</label>
            <input
              id="reminder-time"
              type="time"
              value={settings().time}
              required
              onChange={(e) => e.currentTarget.value && change({ ...settings(), time: e.currentTarget.value })}
            />
          </div>
          <fieldset class="checks days">
            <legend>On</legend>
            <For each={DAYS}>
              {(d) => (
                <label class="check day">
                  <input
                    type="checkbox"
                    checked={settings().days.includes(d.day)}
                    onChange={(e) =>
                      change({ ...settings(), days: toggleIn(settings().days, d.day, e.currentTarget.checked).sort() })
                    }
                  />
                  <span>
                    <span aria-hidden="true">{d.short}</span>
                    <span class="visually-hidden">{d.long}</span>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </div>
        <fieldset class="checks">
          <legend>About</legend>
          <For each={REMINDER_KINDS}>
            {(kind) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings().kinds.includes(kind)}
                  onChange={(e) =>
                    change({
                      ...settings(),
                      kinds: REMINDER_KINDS.filter((k) =>
                        k === kind ? e.currentTarget.checked : settings().kinds.includes(k),
                      ),
                    })
                  }
                />
                <span>{KIND_LABELS[kind]}</span>
              </label>
            )}
          </For>
        </fieldset>
        <p class="muted small">
          Your relay is told only when to wake this device — never who or what it is about. The reminder itself is
          worked out here, from what is on Today then.
        </p>
      </Show>
    </section>
  );
}
