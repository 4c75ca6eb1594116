/**
 * What a reminder says when it arrives: one notification for everything of the chosen kinds
 * on Today, built from Today's own view. "3 follow-ups today" / "Ben Carter, Oliver Grant
 * and 1 other". Null when nothing of those kinds is due: the worker then shows nothing.
 */
import type { ContactId } from '../ids.ts';
import type { ReminderKind } from './reminders.ts';
import type { TodayItem, TodayView } from './today.ts';
import { plural } from './words.ts';

export interface ReminderDigest {
  title: string;
  body: string;
  /** Every item the reminder is about, for "snooze all to tomorrow". */
  items: TodayItem[];
  /** Where a click leads: the person, when it is about one person; Today otherwise. */
  url: string;
  /** Stable for one day: a second reminder that day replaces the first rather than stacking. */
  tag: string;
}

/** Today's items a reminder of `kind` is about. Actions: those due today or overdue, not "this week". */
function reminderItems(view: TodayView, kind: ReminderKind): TodayItem[] {
  if (kind === 'follow-ups') return [...view.followUps.items, ...view.metRecently.items];
  if (kind === 'promises') return [...view.promises.items];
  if (kind === 'keep-in-touch') return [...view.keepInTouch.items];
  return view.actions.items.filter((a) => a.daysUntil <= 0);
}

const KIND_WORDS: Record<ReminderKind, [string, string]> = {
  'follow-ups': ['follow-up', 'follow-ups'],
  promises: ['promise to keep', 'promises to keep'],
  'keep-in-touch': ['catch-up', 'catch-ups'],
  actions: ['plan action', 'plan actions'],
};

/** "Ben Carter", "Ben Carter and Oliver Grant", "Ben Carter, Oliver Grant and 1 other". */
function namesLine(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  const rest = names.length - 2;
  return `${names[0]}, ${names[1]} and ${plural(rest, 'other')}`;
}

/** "3 follow-ups", "3 follow-ups and 1 promise to keep", "2 follow-ups, 1 catch-up and 1 plan action". */
function countsLine(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function reminderDigest(
  view: TodayView,
  kinds: readonly ReminderKind[],
  nameOf: (id: ContactId) => string | undefined,
): ReminderDigest | null {
  const items: TodayItem[] = [];
  const parts: string[] = [];
  for (const kind of kinds) {
    const of = reminderItems(view, kind);
    if (of.length === 0) continue;
    items.push(...of);
    const [one, many] = KIND_WORDS[kind];
    parts.push(plural(of.length, one, many));
  }
  if (items.length === 0) return null;
  const people: ContactId[] = [];
  for (const item of items) for (const id of item.contactIds) if (!people.includes(id)) people.push(id);
  const names = people.map(nameOf).filter((n): n is string => n !== undefined && n !== '');
  // Actions without a person are named by their own title.
  const titles = items.filter((i) => i.kind === 'action' && i.contactIds.length === 0).map((i) => i.title);
  const body = namesLine([...names, ...titles]);
  const one = people.length === 1 && titles.length === 0 ? people[0] : undefined;
  return {
    title: `${countsLine(parts)} today`,
    body,
    items,
    url: one !== undefined ? `/people/${encodeURIComponent(one)}` : '/',
    tag: `rapport-reminder-${view.today}`,
  };
}
