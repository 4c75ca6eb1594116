/** The user's time zone and a "now" that moves on, so Today changes at midnight without a reload. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { localDay } from '../model/rules/index.ts';

export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function createNow(everyMs = 60_000): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}

export const todayIso = (now = new Date()) => localDay(now, TIME_ZONE);

/** A value for <input type="datetime-local"> in the user's zone. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
