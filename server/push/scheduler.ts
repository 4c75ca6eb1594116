/**
 * Wakes devices at the times they asked for. The times live in SQLite (so a restart loses
 * none); one timer is armed for the earliest, and re-armed at start, after every change and
 * after every firing. The clock and the timer are injectable for tests. Nothing personal is
 * known here, so nothing personal can be logged: only short device-id prefixes and statuses.
 */
import type { Logger } from '../log.ts';
import type { Storage, WakeRecord } from '../storage/types.ts';
import type { Send } from './sender.ts';

/** A wake-up more than this late (the relay was down) is dropped: yesterday's reminder helps no one. */
export const MAX_LATE_MS = 6 * 3600_000;
/** Long timers are re-checked at least this often (setTimeout's limit is ~24.8 days). */
const MAX_TIMER_MS = 3600_000;
/** After storage failed to hand over the due times, they are asked for again this much later. */
const RETRY_MS = 5_000;
/** Pushes in flight at once: 9:00 comes for many devices together, and each push is a TLS request. */
const SEND_CONCURRENCY = 32;

interface SchedulerOptions {
  readonly storage: Storage;
  readonly send: Send;
  readonly log: Logger;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /**
   * How often storage is asked again when nothing is due sooner (and after it failed to answer).
   * With several nodes a schedule set through another node arms only that one; if it dies, this is
   * how long its wake-ups wait for another node to look.
   */
  readonly recheckMs?: number;
  /** Heard after each send, for metrics and tests. */
  readonly onSent?: (result: { deviceId: string; at: number; status: number | null; ok: boolean }) => void;
}

export interface PushScheduler {
  /**
   * Re-reads the earliest wake time (after a device changed its schedule); resolves once the
   * timer is armed. Of calls that overlap, the last one to start arms the timer.
   */
  rearm(): Promise<void>;
  /** Sends what is due now; resolves when every send in flight has been answered. */
  fireDue(): Promise<void>;
  stop(): Promise<void>;
}

export function makePushScheduler(options: SchedulerOptions): PushScheduler {
  const { storage, send, log } = options;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const recheckMs = options.recheckMs ?? MAX_TIMER_MS;
  let timer: unknown = null;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  let generation = 0;

  const rearm = async () => {
    const mine = ++generation;
    let next: number | null;
    try {
      next = stopped ? null : await storage.nextWakeAt();
    } catch (error) {
      // The times stay stored; storage is asked again shortly, as after a firing.
      log('push.rearm-failed', { error: String(error) });
      if (mine !== generation) return;
      if (timer !== null) clearTimer(timer);
      timer = stopped ? null : setTimer(() => void rearmFromTimer(), RETRY_MS);
      return;
    }
    if (mine !== generation) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (stopped) return;
    // Nothing due: look again later all the same (another node may take a schedule, and die).
    if (next === null) {
      timer = setTimer(() => void rearmFromTimer(), recheckMs);
      return;
    }
    const delay = Math.max(0, Math.min(recheckMs, next - now()));
    timer = setTimer(() => {
      timer = null;
      void fireDue();
    }, delay);
  };
  const rearmFromTimer = () => {
    timer = null;
    return rearm();
  };

  const wake = async (deviceId: string, at: number) => {
    const target = await storage.getPushSubscription(deviceId);
    if (target === null) return;
    // No names, no content: only "wake up, it is time", and for which scheduled time.
    const result = await send(target, JSON.stringify({ type: 'wake', at }));
    const short = deviceId.slice(0, 6);
    if (result.ok) log('push.sent', { device: short, status: result.status, lateMs: now() - at });
    else if (result.status === 404 || result.status === 410) {
      await storage.dropPushSubscription(deviceId);
      log('push.gone', { device: short, status: result.status });
    } else log('push.failed', { device: short, status: result.status, reason: result.reason });
    options.onSent?.({ deviceId, at, status: result.status, ok: result.ok });
  };

  const fireDue = async () => {
    const t = now();
    let due: WakeRecord[];
    try {
      due = await storage.takeDueWakes(t);
    } catch (error) {
      // Storage is unreachable: the times stay stored; try again shortly rather than spin.
      log('push.take-failed', { error: String(error) });
      if (!stopped && timer === null) {
        timer = setTimer(() => {
          timer = null;
          void fireDue();
        }, RETRY_MS);
      }
      return;
    }
    // One wake-up per device, for its latest time now due.
    const latest = new Map<string, number>();
    for (const w of due) latest.set(w.deviceId, Math.max(latest.get(w.deviceId) ?? 0, w.at));
    const queue: [string, number][] = [];
    for (const [deviceId, at] of latest) {
      if (t - at > MAX_LATE_MS) log('push.stale', { device: deviceId.slice(0, 6), lateMs: t - at });
      else queue.push([deviceId, at]);
    }
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [deviceId, at] = next;
        await wake(deviceId, at).catch((error: unknown) =>
          log('push.error', { device: deviceId.slice(0, 6), error: String(error) }),
        );
      }
    };
    const sends = Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, () => {
      const p = worker();
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      return p;
    });
    const armed = rearm();
    // Sends started by an earlier firing (the timer's) are waited for too.
    await Promise.all([...sends, ...inFlight, armed]);
  };

  void rearm();
  return {
    rearm,
    fireDue,
    async stop() {
      stopped = true;
      generation++;
      if (timer !== null) clearTimer(timer);
      timer = null;
      await Promise.all(inFlight);
    },
  };
}
