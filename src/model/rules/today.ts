/**
 * The Today page: what to do now, each item with one plain sentence saying why.
 * Sections, in the order the page shows them: follow-ups due, promises to keep,
 * keep-in-touch rhythms come round, actions due this week, people met recently.
 * A person appears once among the person reminders: a due follow-up outranks a
 * recent meeting, which outranks a lapsed rhythm. A snoozed person appears in no
 * section until the snooze ends.
 */
import type { Interaction, LedgerEntry, RapportEvent } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate, IsoDateTime } from '../fields.ts';
import type { ActionId, ContactId, EventId, InteractionId, LedgerEntryId } from '../ids.ts';
import type { Action } from '../plan.ts';
import { actionsDueSoon, type ActionDue } from './actions.ts';
import { lapsedCadences, type LapsedCadence } from './cadence.ts';
import { addDays, daysBetween, instantMs, localDay, relativeDay, type Instant } from './dates.ts';
import {
  contactSinceMeeting,
  dueFollowUps,
  isSnoozed,
  makeFollowUpAnswered,
  metRecentlyNotFollowedUp,
  plannedFollowUps,
  type DueFollowUp,
  type RecentMeeting,
} from './followups.ts';
import { lastContactByPerson, lastContactDayByPerson } from './history.ts';
import { activePeople, connectedOnlineOn, makeIdResolver, metInPersonOn } from './people-status.ts';
import { personSubtitle } from './subtitle.ts';
import { CHANNEL_PAST, cadenceWords, listNames, plural } from './words.ts';

/** A promise without a date comes up this many days after it was made. */
export const PROMISE_DUE_AFTER_DAYS = 7;
/** Connections made online in this many days are counted in one line, never listed one by one. */
const NEW_CONNECTIONS_DAYS = 30;

export interface TodayInput {
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  actions: readonly Action[];
  /** Give and take: what I promised comes up when due. Optional. */
  ledger?: readonly LedgerEntry[];
  /** Names events in sentences ("you met at KubeCon"); optional. */
  events?: readonly RapportEvent[];
  now: Instant;
  /** IANA name, e.g. 'Europe/London'. */
  timeZone: string;
  /**
   * lastContactByPerson(interactions, { until: now, resolve }) when the caller
   * already has it (the People list sorts by it): saves a pass over every interaction.
   */
  lastContact?: ReadonlyMap<ContactId, IsoDateTime>;
  /** Build at most this many items per section (the page shows the most urgent); counts stay whole. */
  limitPerSection?: number;
}

interface ItemBase {
  /** Stable across recomputation, for list keys and for remembering a dismissal. */
  key: string;
  /** The whole story in one sentence: the row's accessible description. */
  reason: string;
  /** The row in three short parts: who (or what), one line of context, and when. */
  title: string;
  context: string;
  when: string;
  /** Items from one event are grouped when there are several ("7 from Climate Week"). */
  group: { key: string; label: string } | null;
  contactIds: ContactId[];
}
interface FollowUpItem extends ItemBase {
  kind: 'follow-up';
  interactionId: InteractionId;
  dueOn: IsoDate;
  overdueDays: number;
}
interface KeepInTouchItem extends ItemBase {
  kind: 'keep-in-touch';
  contactId: ContactId;
  lastContactOn: IsoDate | null;
  cadenceDays: number;
  overdueDays: number;
}
interface MetRecentlyItem extends ItemBase {
  kind: 'met-recently';
  contactId: ContactId;
  metOn: IsoDate;
  followUpPlannedOn: IsoDate | null;
}
export interface ActionItem extends ItemBase {
  kind: 'action';
  actionId: ActionId;
  dueOn: IsoDate;
  /** Negative when overdue. */
  daysUntil: number;
}
interface PromiseItem extends ItemBase {
  kind: 'promise';
  ledgerId: LedgerEntryId;
  contactId: ContactId;
  dueOn: IsoDate;
}
export type TodayItem = FollowUpItem | PromiseItem | KeepInTouchItem | MetRecentlyItem | ActionItem;

type TodaySectionKey = 'follow-ups' | 'promises' | 'keep-in-touch' | 'actions' | 'met-recently';
export interface TodaySection<K extends TodaySectionKey = TodaySectionKey, I extends TodayItem = TodayItem> {
  key: K;
  title: string;
  /** The first `limitPerSection` items, most urgent first (all of them without a limit). */
  items: I[];
  /** How many items the section has in all: "and 212 more". */
  total: number;
}

export interface TodayView {
  today: IsoDate;
  followUps: TodaySection<'follow-ups', FollowUpItem>;
  promises: TodaySection<'promises', PromiseItem>;
  keepInTouch: TodaySection<'keep-in-touch', KeepInTouchItem>;
  actions: TodaySection<'actions', ActionItem>;
  metRecently: TodaySection<'met-recently', MetRecentlyItem>;
  /** The sections in display order. */
  sections: TodaySection[];
  /**
   * People connected online (a LinkedIn import) in the last NEW_CONNECTIONS_DAYS: one calm
   * line on Today, never an item each. Null when there are none.
   */
  newConnections: { count: number; sentence: string } | null;
  /** Everyone who needs a follow-up today: the People list's "needs follow-up" filter. */
  needsFollowUp: Set<ContactId>;
  isEmpty: boolean;
}

export function computeToday(input: TodayInput): TodayView {
  const { timeZone } = input;
  const nowMs = instantMs(input.now);
  const today = localDay(nowMs, timeZone);
  const people = activePeople(input.contacts);
  const resolve = makeIdResolver(input.contacts);
  const eventNames = new Map<EventId, string>();
  for (const e of input.events ?? []) if (e.deletedAt === null) eventNames.set(e.id, e.name);
  const nameOf = (id: ContactId) => people.get(id)?.name ?? 'someone';

  const last = input.lastContact ?? lastContactByPerson(input.interactions, { until: nowMs, resolve });
  const lastDay = lastContactDayByPerson(last, timeZone);
  const answered = makeFollowUpAnswered(last, timeZone, resolve);
  const due = dueFollowUps(input.interactions, people, today, resolve, answered);
  const planned = plannedFollowUps(input.interactions, today, resolve, answered);
  const sinceMeeting = contactSinceMeeting(input.interactions, people, today, timeZone, resolve);
  const recent = metRecentlyNotFollowedUp(people, sinceMeeting, today);
  const lapsed = lapsedCadences(people, lastDay, today, timeZone);
  const soon = actionsDueSoon(input.actions, today);
  const promises = promisesDue(input.ledger ?? [], people, today, timeZone);

  // Sentences are built only for the items a section shows; `total` counts them all.
  const limit = input.limitPerSection ?? Infinity;
  const seen = new Set<ContactId>();
  for (const f of due) for (const id of f.contactIds) seen.add(id);
  const subtitleOf = (id: ContactId) => {
    const p = people.get(id);
    return p === undefined ? '' : personSubtitle(p);
  };
  const followUpItems = due
    .slice(0, limit)
    .map((f) => followUpItem(f, today, timeZone, nameOf, eventNames, subtitleOf));
  const metItems: MetRecentlyItem[] = [];
  let metTotal = 0;
  for (const r of recent) {
    if (seen.has(r.contact.id)) continue;
    seen.add(r.contact.id);
    if (metTotal++ < limit)
      metItems.push(metRecentlyItem(r, today, planned.get(r.contact.id) ?? null, eventNames, subtitleOf));
  }
  const keepItems: KeepInTouchItem[] = [];
  let keepTotal = 0;
  for (const l of lapsed) {
    if (seen.has(l.contact.id)) continue;
    seen.add(l.contact.id);
    if (keepTotal++ < limit) keepItems.push(keepInTouchItem(l, today, subtitleOf));
  }
  const actionItems = soon.slice(0, limit).map((a) => actionItem(a, today, nameOf, people));
  const promiseItems = promises.slice(0, limit).map((p) => promiseItem(p, today, nameOf));

  const followUps = { key: 'follow-ups' as const, title: 'Follow-ups due', items: followUpItems, total: due.length };
  const promisesSection = {
    key: 'promises' as const,
    title: 'Promises to keep',
    items: promiseItems,
    total: promises.length,
  };
  const keepInTouch = { key: 'keep-in-touch' as const, title: 'Time to catch up', items: keepItems, total: keepTotal };
  const actions = { key: 'actions' as const, title: 'Plan actions this week', items: actionItems, total: soon.length };
  const metRecently = { key: 'met-recently' as const, title: 'Met recently', items: metItems, total: metTotal };
  return {
    today,
    followUps,
    promises: promisesSection,
    keepInTouch,
    actions,
    metRecently,
    sections: [followUps, promisesSection, keepInTouch, actions, metRecently],
    newConnections: newConnectionsLine(people, today),
    needsFollowUp: seen,
    isEmpty: due.length + promises.length + keepTotal + soon.length + metTotal === 0,
  };
}

interface PromiseDue {
  entry: LedgerEntry;
  dueOn: IsoDate;
}

/** What I promised and have not done yet, once due (a promise without a date: a week after it was made). */
function promisesDue(
  ledger: readonly LedgerEntry[],
  people: ReadonlyMap<ContactId, Contact>,
  today: IsoDate,
  timeZone: string,
): PromiseDue[] {
  const out: PromiseDue[] = [];
  for (const entry of ledger) {
    if (entry.deletedAt !== null || entry.status !== 'promised' || entry.direction !== 'gave') continue;
    const person = people.get(entry.contactId);
    if (person === undefined || isSnoozed(person, today)) continue;
    const dueOn = entry.on ?? addDays(localDay(entry.createdAt, timeZone), PROMISE_DUE_AFTER_DAYS);
    if (dueOn <= today) out.push({ entry, dueOn });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

const PROMISE_KIND_WORDS: Record<LedgerEntry['kind'], string> = {
  introduction: 'an introduction',
  advice: 'some advice',
  referral: 'a referral',
  help: 'some help',
  favour: 'a favour',
  other: 'something',
};

function promiseItem(p: PromiseDue, today: IsoDate, nameOf: (id: ContactId) => string): PromiseItem {
  const { entry, dueOn } = p;
  const what = entry.description.trim() || PROMISE_KIND_WORDS[entry.kind];
  const when = dueWords(dueOn, today);
  return {
    kind: 'promise',
    key: `promise:${entry.id}`,
    reason: `You promised ${nameOf(entry.contactId)}: ${what} — ${when}.`,
    title: nameOf(entry.contactId),
    context: `You promised: ${what}`,
    when,
    group: null,
    contactIds: [entry.contactId],
    ledgerId: entry.id,
    contactId: entry.contactId,
    dueOn,
  };
}

function newConnectionsLine(people: ReadonlyMap<ContactId, Contact>, today: IsoDate): TodayView['newConnections'] {
  const earliest = addDays(today, -NEW_CONNECTIONS_DAYS);
  let count = 0;
  for (const c of people.values()) {
    const on = connectedOnlineOn(c);
    if (on !== null && on >= earliest && on <= today && daysBetween(on, today) <= NEW_CONNECTIONS_DAYS) count++;
  }
  if (count === 0) return null;
  return { count, sentence: `${plural(count, 'new connection')} from LinkedIn in the last month.` };
}

/** "due today", "due tomorrow", "due 3 days ago". */
export const dueWords = (dueOn: IsoDate, today: IsoDate) =>
  dueOn === today ? 'due today' : `due ${relativeDay(dueOn, today)}`;

function eventGroup(eventId: EventId | null, eventNames: ReadonlyMap<EventId, string>): ItemBase['group'] {
  const name = eventId === null ? undefined : eventNames.get(eventId);
  return name === undefined || eventId === null ? null : { key: eventId, label: name };
}

const firstLine = (text: string) => text.split('\n', 1)[0]?.trim() ?? '';

function where(
  interaction: { eventId: EventId | null; place: string },
  eventNames: ReadonlyMap<EventId, string>,
): string {
  const event = interaction.eventId === null ? undefined : eventNames.get(interaction.eventId);
  if (event) return ` at ${event}`;
  return interaction.place ? ` at ${interaction.place}` : '';
}

function followUpItem(
  f: DueFollowUp,
  today: IsoDate,
  timeZone: string,
  nameOf: (id: ContactId) => string,
  eventNames: ReadonlyMap<EventId, string>,
  subtitleOf: (id: ContactId) => string,
): FollowUpItem {
  const i = f.interaction;
  const names = f.contactIds.length === 1 ? nameOf(f.contactIds[0] as ContactId) : listNames(f.contactIds.map(nameOf));
  const when = i.at === null ? '' : ` ${relativeDay(localDay(i.at, timeZone), today)}`;
  const due = f.overdueDays > 0 ? `; this was due ${relativeDay(f.dueOn, today)}` : '';
  return {
    kind: 'follow-up',
    key: `follow-up:${i.id}`,
    reason: `Follow up with ${names} — ${CHANNEL_PAST[i.channel]}${where(i, eventNames)}${when}${due}.`,
    title: names,
    // The line written at the time, else what they do.
    context: firstLine(i.notes) || subtitleOf(f.contactIds[0] as ContactId),
    when: dueWords(f.dueOn, today),
    group: eventGroup(i.eventId, eventNames),
    contactIds: f.contactIds,
    interactionId: i.id,
    dueOn: f.dueOn,
    overdueDays: f.overdueDays,
  };
}

function metRecentlyItem(
  r: RecentMeeting,
  today: IsoDate,
  plannedOn: IsoDate | null,
  eventNames: ReadonlyMap<EventId, string>,
  subtitleOf: (id: ContactId) => string,
): MetRecentlyItem {
  const c = r.contact;
  const at = where({ eventId: c.metEventId, place: c.metPlace }, eventNames);
  const plan = plannedOn
    ? `; a follow-up is planned for ${relativeDay(plannedOn, today)}`
    : ' and have not been in touch since';
  return {
    kind: 'met-recently',
    key: `met-recently:${c.id}`,
    reason: `Follow up with ${c.name} — you met${at} ${relativeDay(r.metOn, today)}${plan}.`,
    title: c.name,
    context: subtitleOf(c.id),
    when: `met ${relativeDay(r.metOn, today)}`,
    group: eventGroup(c.metEventId, eventNames),
    contactIds: [c.id],
    contactId: c.id,
    metOn: r.metOn,
    followUpPlannedOn: plannedOn,
  };
}

function keepInTouchItem(l: LapsedCadence, today: IsoDate, subtitleOf: (id: ContactId) => string): KeepInTouchItem {
  const c = l.contact;
  const since =
    l.lastContactOn !== null
      ? `you were last in touch ${relativeDay(l.lastContactOn, today)}`
      : metInPersonOn(c) !== null
        ? `you have not been in touch since you met ${relativeDay(l.countedFrom, today)}`
        : `you have not been in touch since you added them ${relativeDay(l.countedFrom, today)}`;
  return {
    kind: 'keep-in-touch',
    key: `keep-in-touch:${c.id}`,
    reason: `Time to catch up with ${c.name} — ${since}, and you meant to keep in touch ${cadenceWords(l.cadenceDays)}.`,
    title: c.name,
    context: subtitleOf(c.id),
    when:
      l.lastContactOn !== null
        ? `last in touch ${relativeDay(l.lastContactOn, today)}`
        : `since ${relativeDay(l.countedFrom, today)}`,
    group: null,
    contactIds: [c.id],
    contactId: c.id,
    lastContactOn: l.lastContactOn,
    cadenceDays: l.cadenceDays,
    overdueDays: l.overdueDays,
  };
}

function actionItem(
  a: ActionDue,
  today: IsoDate,
  nameOf: (id: ContactId) => string,
  people: ReadonlyMap<ContactId, Contact>,
): ActionItem {
  const action = a.action;
  const who = action.contactId !== null && people.has(action.contactId) ? ` (with ${nameOf(action.contactId)})` : '';
  return {
    kind: 'action',
    key: `action:${action.id}`,
    // The title is the user's own words (it may hold quotes): no quotes around it.
    reason: `${action.title}${who} — ${dueWords(a.dueOn, today)}.`,
    title: action.title,
    context: who === '' ? 'Plan action' : `With ${nameOf(action.contactId as ContactId)}`,
    when: dueWords(a.dueOn, today),
    group: null,
    contactIds: action.contactId !== null && people.has(action.contactId) ? [action.contactId] : [],
    actionId: action.id,
    dueOn: a.dueOn,
    daysUntil: a.daysUntil,
  };
}

/** A run of a section's items; `label` is set for several from one event ("7 from Climate Week"). */
interface TodayItemGroup<I extends TodayItem = TodayItem> {
  label: string | null;
  items: I[];
}

/**
 * Gathers items from the same event when there are at least `min` of them, where the first of
 * them stands; the others keep their order, so the most urgent stay on top.
 */
export function groupByEvent<I extends TodayItem>(items: readonly I[], min = 3): TodayItemGroup<I>[] {
  const byKey = new Map<string, I[]>();
  for (const item of items) if (item.group) byKey.set(item.group.key, [...(byKey.get(item.group.key) ?? []), item]);
  const out: TodayItemGroup<I>[] = [];
  const emitted = new Set<string>();
  let loose: I[] = [];
  for (const item of items) {
    const members = item.group ? byKey.get(item.group.key) : undefined;
    if (item.group === null || members === undefined || members.length < min) {
      loose.push(item);
      continue;
    }
    if (emitted.has(item.group.key)) continue;
    emitted.add(item.group.key);
    if (loose.length) out.push({ label: null, items: loose });
    loose = [];
    out.push({ label: `${members.length} from ${item.group.label}`, items: members });
  }
  if (loose.length) out.push({ label: null, items: loose });
  return out;
}
