/** Small pieces of plain English the rules' sentences share. */
import type { Channel } from '../activity.ts';

/** "Ana", "Ana and Ben", "Ana, Ben and Chloé", "Ana, Ben and 3 others". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return 'someone';
  if (names.length === 1) return names[0] as string;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - (max - 1);
  return `${names.slice(0, max - 1).join(', ')} and ${rest} others`;
}

/** "Ana" / "Ana and Ben" — joins alternatives with "or". */
export function listAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function times(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${n} times`;
}

let grouping: Intl.NumberFormat | null = null;
/**
 * A count with its thousands grouped, "6,917": the same as `n.toLocaleString('en')`, which
 * makes a formatter on every call (a few of them cost the Map's first render on a phone).
 */
export function grouped(n: number): string {
  grouping ??= new Intl.NumberFormat('en');
  return grouping.format(n);
}

/** "1 person", "6,917 people". */
export function personCount(n: number): string {
  return `${grouped(n)} ${n === 1 ? 'person' : 'people'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How a keep-in-touch rhythm is said: "every week", "every month", "every 10 days". */
export function cadenceWords(days: number): string {
  if (days === 1) return 'every day';
  if (days === 7) return 'every week';
  if (days % 7 === 0 && days <= 28) return `every ${days / 7} weeks`;
  if (days === 30 || days === 31) return 'every month';
  if (days % 30 === 0 && days < 360) return `every ${days / 30} months`;
  if (days === 365) return 'every year';
  return `every ${days} days`;
}

export const CHANNEL_PAST: Record<Channel, string> = {
  'in-person': 'you met',
  call: 'you spoke on the phone',
  video: 'you had a video call',
  email: 'you emailed',
  message: 'you exchanged messages',
  social: 'you were in touch online',
  other: 'you were in touch',
};

/** Quotes a title the way the app's sentences do: *Be known in climate tech*. */
export const titled = (title: string) => `*${title}*`;
