/**
 * The one place where a document becomes reminders, for the page (what to tell the relay) and
 * the service worker (what to show when woken) alike, so both use Today's own rules.
 */
import type * as Y from 'yjs';
import type { ContactId } from '../model/ids.ts';
import { computeToday, type TodayView } from '../model/rules/today.ts';
import { nextWakeTimes, type ReminderSettings } from '../model/rules/reminders.ts';
import { reminderDigest, type ReminderDigest } from '../model/rules/reminder-digest.ts';
import { readAll } from '../store/entities.ts';

function readNetwork(doc: Y.Doc) {
  return {
    contacts: readAll(doc, 'contacts').items,
    interactions: readAll(doc, 'interactions').items,
    actions: readAll(doc, 'actions').items,
    ledger: readAll(doc, 'ledger').items,
    events: readAll(doc, 'events').items,
  };
}

const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function wakeTimesFor(
  doc: Y.Doc,
  settings: ReminderSettings,
  now = Date.now(),
  timeZone = userTimeZone(),
): number[] {
  return nextWakeTimes({ ...readNetwork(doc), now, timeZone, settings });
}

export function digestFor(
  doc: Y.Doc,
  settings: ReminderSettings,
  now = Date.now(),
  timeZone = userTimeZone(),
): { digest: ReminderDigest | null; view: TodayView; network: ReturnType<typeof readNetwork> } {
  const network = readNetwork(doc);
  const view = computeToday({ ...network, now, timeZone });
  const names = new Map(network.contacts.map((c) => [c.id, c.name]));
  return { digest: reminderDigest(view, settings.kinds, (id: ContactId) => names.get(id)), view, network };
}
