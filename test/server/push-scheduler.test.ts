/**
 * The relay's reminder timer with its clock and timer injected (no waiting on the wall clock),
 * over the real SQLite storage; and the endpoint rules on their own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDevices } from '../../server/auth/devices.ts';
import { checkEndpoint, guardedLookup, isPublicAddress } from '../../server/push/endpoint.ts';
import { makePushScheduler, MAX_LATE_MS } from '../../server/push/scheduler.ts';
import type { PushTarget, SendResult } from '../../server/push/sender.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { makeTempDir } from './relay-process.ts';

const KEYS = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) };
let storage: Storage | null = null;
afterEach(async () => {
  await storage?.close();
  storage = null;
});

function setup(
  answer: (target: PushTarget) => SendResult = () => ({ ok: true, status: 201 }),
  opts: { recheckMs?: number } = {},
) {
  storage = openSqliteStorage({ dataDir: makeTempDir(), synchronous: 'NORMAL', checkpointMs: 0 });
  const store = storage;
  let clock = 1_000_000;
  const timers: { at: number; fn: () => void }[] = [];
  const sent: { endpoint: string; payload: string }[] = [];
  const scheduler = makePushScheduler({
    storage: store,
    log: () => undefined,
    now: () => clock,
    setTimer: (fn, ms) => {
      const t = { at: clock + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => void timers.splice(timers.indexOf(h as (typeof timers)[number]) >>> 0, 1),
    ...opts,
    send: async (target, payload) => {
      sent.push({ endpoint: target.endpoint, payload });
      return answer(target);
    },
  });
  const devices = makeDevices(store, () => clock);
  /** A device sets its schedule through this node (or, with `elsewhere`, through another one, which arms only itself). */
  const device = async (endpoint: string, wakeAt: number[], elsewhere = false) => {
    const { deviceId } = await devices.createSpace('Phone');
    await store.setReminders({ deviceId, endpoint, ...KEYS, updatedAt: clock }, wakeAt);
    if (!elsewhere) await scheduler.rearm();
    return deviceId;
  };
  /** Moves the clock to `t` and runs the timer if it is due by then. */
  const advance = async (t: number) => {
    clock = t;
    const due = timers.filter((x) => x.at <= t);
    for (const x of due) timers.splice(timers.indexOf(x), 1);
    for (const x of due) x.fn();
    await scheduler.fireDue(); // settles anything the timer started
  };
  return { scheduler, store, sent, device, advance, timers: () => timers.map((t) => t.at) };
}

describe('the reminder timer', () => {
  it('with nothing due, asks storage again after a while: a schedule set through another node is found', async () => {
    const s = setup(undefined, { recheckMs: 60_000 });
    await s.scheduler.rearm();
    expect(s.timers()).toEqual([1_060_000]);
    await s.device('https://push.example.com/a', [1_090_000], true);
    await s.advance(1_060_000);
    expect(s.timers()).toEqual([1_090_000]);
    await s.advance(1_090_000);
    expect(s.sent.map((x) => JSON.parse(x.payload))).toEqual([{ type: 'wake', at: 1_090_000 }]);
  });

  it('is armed for the earliest wake time, fires at it, and re-arms for the next', async () => {
    const s = setup();
    await s.device('https://push.example.com/a', [1_005_000, 1_009_000]);
    await s.device('https://push.example.com/b', [1_003_000]);
    expect(s.timers()).toEqual([1_003_000]);
    await s.advance(1_002_999);
    expect(s.sent).toEqual([]);
    await s.advance(1_003_000);
    expect(s.sent.map((x) => [x.endpoint, JSON.parse(x.payload)])).toEqual([
      ['https://push.example.com/b', { type: 'wake', at: 1_003_000 }],
    ]);
    expect(s.timers()).toEqual([1_005_000]);
    await s.advance(1_009_500);
    // Both of a's times had come: one wake-up, for the latest.
    expect(s.sent.slice(1).map((x) => JSON.parse(x.payload))).toEqual([{ type: 'wake', at: 1_009_000 }]);
    expect(await s.store.nextWakeAt()).toBeNull();
  });

  it('drops a wake-up that is hours late (the relay was down) instead of sending yesterday’s reminder', async () => {
    const s = setup();
    await s.device('https://push.example.com/a', [1_005_000]);
    await s.advance(1_005_000 + MAX_LATE_MS + 1);
    expect(s.sent).toEqual([]);
    expect(await s.store.nextWakeAt()).toBeNull();
  });

  it('forgets a subscription the push service calls gone (404 or 410), keeps one that failed otherwise', async () => {
    const s = setup((t) =>
      t.endpoint.endsWith('/gone')
        ? { ok: false, status: 410, reason: 'rejected' }
        : t.endpoint.endsWith('/lost')
          ? { ok: false, status: 404, reason: 'rejected' }
          : { ok: false, status: 503, reason: 'rejected' },
    );
    const gone = await s.device('https://push.example.com/gone', [1_001_000, 1_090_000]);
    const lost = await s.device('https://push.example.com/lost', [1_001_000]);
    const busy = await s.device('https://push.example.com/busy', [1_001_000, 1_090_000]);
    await s.advance(1_001_000);
    expect(await s.store.getPushSubscription(gone)).toBeNull();
    expect(await s.store.getPushSubscription(lost)).toBeNull();
    expect(await s.store.getPushSubscription(busy)).not.toBeNull();
    expect(await s.store.nextWakeAt()).toBe(1_090_000);
  });
});

describe('push endpoints', () => {
  it('only public addresses', () => {
    for (const a of ['8.8.8.8', '142.250.180.10', '2a00:1450:4009:81f::200a']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd12::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
      'localhost',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('loopback http only with the test setting', () => {
    expect(checkEndpoint('http://127.0.0.1:4000/push/1', false)).toMatchObject({ ok: false });
    expect(checkEndpoint('http://127.0.0.1:4000/push/1', true)).toMatchObject({ ok: true });
    expect(checkEndpoint('http://10.0.0.1:4000/push/1', true)).toMatchObject({ ok: false });
    expect(checkEndpoint('https://updates.push.services.mozilla.com/wpush/v2/abc', false)).toMatchObject({ ok: true });
    expect(checkEndpoint('https://web.push.apple.com/QGx', false)).toMatchObject({ ok: true });
  });

  it('a name that resolves to a private address is refused when connecting (DNS rebinding)', async () => {
    const lookup = guardedLookup(false);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', {}, (e) => resolve(e)),
    );
    expect(error?.code).toBe('EADDRREFUSED');
    const allowed = await new Promise<string | unknown>((resolve) =>
      guardedLookup(true)('localhost', {}, (e, address) => resolve(e ?? address)),
    );
    expect(String(allowed)).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
