/**
 * Reminders on this device, as the page drives them: whether push can work here, turning
 * reminders on (the only place the notification permission is asked for) and off, and keeping
 * the relay's wake times current as the network changes. The relay learns instants only.
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from '../model/result.ts';
import type { ReminderSettings } from '../model/rules/reminders.ts';
import { loadReminderRecord, saveReminderRecord, type ReminderRecord } from '../sync/device-store.ts';
import type { SpaceCredentials } from '../sync/relay-api.ts';
import { dropSchedule, fetchPushKey, sendSchedule, type RemindersApiError } from '../sync/reminders-api.ts';
import { makeObservable } from './observable.ts';
import { wakeTimesFor } from './reminder-rules.ts';

type PushSupport = 'supported' | 'ios-install-first' | 'unsupported';

/** What this browser can do, without asking anything. */
export function pushSupport(): PushSupport {
  const ios =
    /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  const standalone =
    matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
  // iOS and iPadOS (16.4+) have Web Push only for an app added to the Home Screen.
  if (ios && !standalone) return 'ios-install-first';
  if (!('serviceWorker' in navigator) || typeof PushManager === 'undefined' || typeof Notification === 'undefined')
    return 'unsupported';
  return 'supported';
}

const notificationPermission = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** Whether reminders will arrive, and if not, why (each reason has its own sentence in the UI). */
export type Delivery =
  | { kind: 'off' }
  | { kind: 'arriving'; next: number | null }
  | { kind: 'no-sync' }
  | { kind: 'denied' }
  | { kind: 'unsupported'; support: PushSupport }
  | { kind: 'failed'; detail: string };

export const reminderDelivery = makeObservable<Delivery>({ kind: 'off' });

function urlBase64ToBytes(base64url: string): Uint8Array {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

const sameKey = (sub: PushSubscription, key: Uint8Array) => {
  const had = sub.options.applicationServerKey;
  if (had === null || had === undefined) return false;
  const a = new Uint8Array(had);
  return a.length === key.length && a.every((b, i) => b === key[i]);
};

async function subscribe(relayUrl: string): Promise<Result<PushSubscription, string>> {
  const key = await fetchPushKey(relayUrl);
  if (!key.ok)
    return err(
      key.error.kind === 'unreachable' ? 'the relay cannot be reached' : `the relay refused (${key.error.code})`,
    );
  const bytes = urlBase64ToBytes(key.value);
  try {
    const registration = await navigator.serviceWorker.ready;
    let sub = await registration.pushManager.getSubscription();
    // Subscribed with another relay's key (the relay changed): start again.
    if (sub !== null && !sameKey(sub, bytes)) {
      await sub.unsubscribe();
      sub = null;
    }
    sub ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: bytes as BufferSource,
    });
    return ok(sub);
  } catch (error) {
    return err(
      `this browser could not sign up for push messages (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

const apiProblem = (e: RemindersApiError) =>
  e.kind === 'unreachable'
    ? 'the relay cannot be reached; reminders will be set up when it can'
    : e.kind === 'revoked'
      ? 'this device was removed from your network'
      : `the relay refused (${e.code})`;

/** Hands the relay the subscription (when given) and the wake times; notes what was sent. */
async function handOver(doc: Y.Doc, record: ReminderRecord, subscription?: PushSubscription): Promise<Delivery> {
  if (record.relay === null) return { kind: 'no-sync' };
  const times = wakeTimesFor(doc, record.settings);
  const r = await sendSchedule(record.relay, times, subscription?.toJSON());
  if (!r.ok) return { kind: 'failed', detail: apiProblem(r.error) };
  await saveReminderRecord({ ...record, sent: times });
  return { kind: 'arriving', next: times[0] ?? null };
}

/**
 * Turns reminders on with `settings`. Asks for the notification permission (only here, from the
 * person's own click); then subscribes through the relay and hands it the first wake times.
 */
export async function turnOnReminders(
  doc: Y.Doc,
  settings: ReminderSettings,
  relay: SpaceCredentials | null,
): Promise<Delivery> {
  const support = pushSupport();
  if (support !== 'supported') return publish({ kind: 'unsupported', support });
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return publish({ kind: 'denied' });
  const record: ReminderRecord = { settings: { ...settings, enabled: true }, relay, sent: [] };
  await saveReminderRecord(record);
  if (relay === null) return publish({ kind: 'no-sync' });
  const sub = await subscribe(relay.relayUrl);
  if (!sub.ok) return publish({ kind: 'failed', detail: sub.error });
  return publish(await handOver(doc, record, sub.value));
}

export async function turnOffReminders(): Promise<void> {
  const record = await loadReminderRecord();
  await saveReminderRecord({ ...record, settings: { ...record.settings, enabled: false }, sent: [] });
  publish({ kind: 'off' });
  if (record.relay !== null) await dropSchedule(record.relay);
  try {
    const sub = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
    await sub?.unsubscribe();
  } catch {
    // Nothing to undo where push never worked.
  }
}

/** Saves changed settings (time, days, kinds) and, when on, hands the relay the new times. */
export async function changeReminderSettings(doc: Y.Doc, settings: ReminderSettings): Promise<Delivery> {
  const record = await loadReminderRecord();
  const next = { ...record, settings };
  await saveReminderRecord(next);
  if (!settings.enabled) return publish({ kind: 'off' });
  return publish(await handOver(doc, next));
}

function publish(d: Delivery): Delivery {
  reminderDelivery.set(d);
  return d;
}

/** How long after a change the wake times are worked out again: edits come in bursts. */
const DEBOUNCE_MS = 3000;

/**
 * Keeps the relay's wake times current: after a change to the network (a follow-up done,
 * snoozed, a new one planned — here, on another device, or by the worker) and when sync
 * settings change. Sends only when the times differ from those last sent.
 */
export function keepRemindersCurrent(
  doc: Y.Doc,
  relay: () => SpaceCredentials | null,
  onError: (e: unknown) => void,
): { stop(): void; now(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    const record = await loadReminderRecord();
    if (!record.settings.enabled) return void publish({ kind: 'off' });
    const creds = relay();
    let current = { ...record, relay: creds };
    if (JSON.stringify(creds) !== JSON.stringify(record.relay)) {
      // Sync turned off or moved: the old relay stops waking this device; the new one starts from nothing.
      if (record.relay !== null) void dropSchedule(record.relay);
      current = { ...current, sent: [] };
      await saveReminderRecord(current);
    }
    const permission = notificationPermission();
    if (permission === 'unsupported') return void publish({ kind: 'unsupported', support: pushSupport() });
    if (permission === 'denied') return void publish({ kind: 'denied' });
    if (permission === 'default')
      return void publish({
        kind: 'failed',
        detail: 'notifications are not allowed on this device yet — turn reminders off and on again to allow them',
      });
    if (creds === null) return void publish({ kind: 'no-sync' });
    const times = wakeTimesFor(doc, current.settings);
    if (times.length === current.sent.length && times.every((t, i) => t === current.sent[i]))
      return void publish({ kind: 'arriving', next: times[0] ?? null });
    let d = await handOver(doc, current);
    // The relay forgot the subscription (it was gone at the push service, or the relay is new): sign up again.
    if (d.kind === 'failed' && /no-subscription/.test(d.detail)) {
      const sub = await subscribe(creds.relayUrl);
      d = sub.ok ? await handOver(doc, current, sub.value) : { kind: 'failed', detail: sub.error };
    }
    publish(d);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(onError), DEBOUNCE_MS);
  };
  doc.on('update', schedule);
  void refresh().catch(onError);
  return {
    stop() {
      clearTimeout(timer);
      doc.off('update', schedule);
    },
    now: () => refresh(),
  };
}
