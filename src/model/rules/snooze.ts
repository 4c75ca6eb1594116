/**
 * What snoozing a Today item changes. Snoozing someone hides them from every Today section
 * until the date (see isSnoozed), and moves their open follow-ups due before it to that day,
 * so they come back as one item on the day rather than as overdue ones. Pure: the page writes
 * the changes in one transaction.
 */
import type { Interaction } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { ActionId, ContactId, InteractionId, LedgerEntryId } from '../ids.ts';
import { snoozeTo } from './dates.ts';
import type { TodayItem } from './today.ts';

/** How long each kind of item is snoozed for. */
const SNOOZE_DAYS: Record<TodayItem['kind'], number> = {
  'follow-up': 3,
  promise: 3,
  'keep-in-touch': 7,
  'met-recently': 3,
  action: 7,
};

export interface SnoozeChanges {
  until: IsoDate;
  contacts: { id: ContactId; snoozedUntil: IsoDate }[];
  followUps: { id: InteractionId; followUpOn: IsoDate }[];
  actions: { id: ActionId; dueOn: IsoDate }[];
  promises: { id: LedgerEntryId; on: IsoDate }[];
}

export function snoozeChanges(
  item: TodayItem,
  today: IsoDate,
  people: ReadonlyMap<ContactId, Pick<Contact, 'snoozedUntil'>>,
  interactions: readonly Interaction[],
  resolve: (id: ContactId) => ContactId = (id) => id,
  days: number = SNOOZE_DAYS[item.kind],
): SnoozeChanges {
  const until = snoozeTo(today, days);
  const changes: SnoozeChanges = { until, contacts: [], followUps: [], actions: [], promises: [] };
  // A promise or a plan action is snoozed on its own: it moves, the person stays.
  if (item.kind === 'action') return { ...changes, actions: [{ id: item.actionId, dueOn: until }] };
  if (item.kind === 'promise') return { ...changes, promises: [{ id: item.ledgerId, on: until }] };
  const who = new Set(item.contactIds);
  for (const id of who) {
    const current = people.get(id)?.snoozedUntil ?? null;
    if (current === null || current < until) changes.contacts.push({ id, snoozedUntil: until });
  }
  for (const i of interactions) {
    const due = i.followUpOn;
    if (due === null || due >= until || i.followUpDone || i.deletedAt !== null) continue;
    if (i.contactIds.some((id) => who.has(resolve(id)))) changes.followUps.push({ id: i.id, followUpOn: until });
  }
  return changes;
}

/**
 * Snoozing several items to one day ("snooze all to tomorrow" on a reminder): each item's
 * changes, gathered so that one transaction writes them.
 */
export function snoozeAllChanges(
  items: readonly TodayItem[],
  today: IsoDate,
  people: ReadonlyMap<ContactId, Pick<Contact, 'snoozedUntil'>>,
  interactions: readonly Interaction[],
  resolve: (id: ContactId) => ContactId = (id) => id,
  days = 1,
): SnoozeChanges {
  const all: SnoozeChanges = { until: snoozeTo(today, days), contacts: [], followUps: [], actions: [], promises: [] };
  const seen = new Set<string>();
  const add = <T extends { id: string }>(into: T[], from: readonly T[]) => {
    for (const c of from) if (!seen.has(c.id)) seen.add(c.id), into.push(c);
  };
  for (const item of items) {
    const c = snoozeChanges(item, today, people, interactions, resolve, days);
    add(all.contacts, c.contacts);
    add(all.followUps, c.followUps);
    add(all.actions, c.actions);
    add(all.promises, c.promises);
  }
  return all;
}
