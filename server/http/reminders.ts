/**
 * Reminders: a device hands the relay its push subscription and the next times to wake it
 * (epoch ms) — never what for. `PUT /api/spaces/:spaceId/reminders` (Bearer) sets both (the
 * subscription may be left out to change only the times); `DELETE` drops both;
 * `GET /api/push/key` gives the relay's VAPID public key to subscribe with.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Devices } from '../auth/devices.ts';
import type { SharedRateLimiter } from '../auth/rate-limit.ts';
import type { Logger } from '../log.ts';
import { checkEndpoint } from '../push/endpoint.ts';
import type { PushScheduler } from '../push/scheduler.ts';
import type { Storage } from '../storage/types.ts';
import { bearer, setCors } from './api.ts';
import { readJsonObject, sendBodyError } from './body.ts';
import { sendJson } from './headers.ts';
import type { Route } from './router.ts';

/** More wake times than this in one schedule are refused. */
const MAX_WAKE_TIMES = 32;
/** Wake times further ahead than this are refused (the device sends a new schedule long before). */
const MAX_AHEAD_MS = 62 * 86_400_000;

interface RemindersDeps {
  readonly devices: Devices;
  readonly storage: Storage;
  readonly scheduler: PushScheduler;
  readonly publicKey: string;
  readonly allowLocalHttp: boolean;
  /** Per device: schedules set or dropped. */
  readonly limiter: SharedRateLimiter;
  readonly log: Logger;
  readonly now?: () => number;
}

const ROUTE = /^\/api\/spaces\/([A-Za-z0-9_-]{1,64})\/reminders$/;
const P256DH = /^[A-Za-z0-9_-]{86,88}={0,2}$/; // 65 bytes
const AUTH = /^[A-Za-z0-9_-]{22,24}={0,2}$/; // 16 bytes

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseSubscription(
  raw: unknown,
  allowLocalHttp: boolean,
): Parsed<{ endpoint: string; p256dh: string; auth: string }> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'bad-request' };
  const { endpoint, keys } = raw as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } };
  const checked = checkEndpoint(endpoint, allowLocalHttp);
  if (!checked.ok) return { ok: false, error: checked.reason };
  const p256dh = keys?.p256dh;
  const auth = keys?.auth;
  if (typeof p256dh !== 'string' || typeof auth !== 'string' || !P256DH.test(p256dh) || !AUTH.test(auth))
    return { ok: false, error: 'bad-request' };
  return { ok: true, value: { endpoint: checked.url.href, p256dh, auth } };
}

function parseWakeTimes(raw: unknown, now: number): Parsed<number[]> {
  if (!Array.isArray(raw) || raw.length > MAX_WAKE_TIMES) return { ok: false, error: 'bad-request' };
  const out = new Set<number>();
  for (const at of raw) {
    if (typeof at !== 'number' || !Number.isSafeInteger(at) || at > now + MAX_AHEAD_MS)
      return { ok: false, error: 'bad-request' };
    if (at > now) out.add(at); // a time already past (a slow request) is simply not kept
  }
  return { ok: true, value: [...out].sort((a, b) => a - b) };
}

export function makeRemindersRoute(deps: RemindersDeps): Route {
  const now = deps.now ?? Date.now;
  const put = async (req: IncomingMessage, res: ServerResponse, deviceId: string) => {
    const body = await readJsonObject(req);
    if (!body.ok) return sendBodyError(req, res, body);
    const wakeAt = parseWakeTimes(body.value['wakeAt'], now());
    if (!wakeAt.ok) return sendJson(res, 400, { error: wakeAt.error });
    if (body.value['subscription'] === undefined) {
      if (!(await deps.storage.setWakes(deviceId, wakeAt.value)))
        return sendJson(res, 409, { error: 'no-subscription' });
    } else {
      const sub = parseSubscription(body.value['subscription'], deps.allowLocalHttp);
      if (!sub.ok) return sendJson(res, 400, { error: sub.error });
      // Revoked after it was authenticated, before its reminders were stored: nothing is kept.
      if (!(await deps.storage.setReminders({ deviceId, ...sub.value, updatedAt: now() }, wakeAt.value)))
        return sendJson(res, 403, { error: 'device-revoked' });
    }
    await deps.scheduler.rearm();
    deps.log('reminders.set', { device: deviceId.slice(0, 6), times: wakeAt.value.length });
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  };

  return async (req, res, path) => {
    if (path === '/api/push/key') {
      setCors(res);
      if (req.method === 'OPTIONS') return (res.writeHead(204).end(), true);
      if (req.method !== 'GET')
        return (res.setHeader('Allow', 'GET'), sendJson(res, 405, { error: 'method-not-allowed' }), true);
      sendJson(res, 200, { publicKey: deps.publicKey });
      return true;
    }
    const m = ROUTE.exec(path);
    if (m === null || m[1] === undefined) return false;
    setCors(res);
    if (req.method === 'OPTIONS') return (res.writeHead(204).end(), true);
    if (req.method !== 'PUT' && req.method !== 'DELETE') {
      res.setHeader('Allow', 'PUT, DELETE');
      sendJson(res, 405, { error: 'method-not-allowed' });
      return true;
    }
    const auth = await deps.devices.authenticate(m[1], bearer(req));
    if (!auth.ok) {
      sendJson(res, auth.error === 'token-required' ? 401 : 403, { error: auth.error });
      return true;
    }
    const deviceId = auth.device.id;
    const taken = await deps.limiter.take(deviceId);
    if (!taken.ok) {
      res.setHeader('Retry-After', String(Math.max(1, taken.retryAfter)));
      sendJson(res, 429, { error: 'rate-limited' });
      return true;
    }
    if (req.method === 'DELETE') {
      await deps.storage.dropPushSubscription(deviceId);
      await deps.scheduler.rearm();
      deps.log('reminders.dropped', { device: deviceId.slice(0, 6) });
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return true;
    }
    await put(req, res, deviceId);
    return true;
  };
}
