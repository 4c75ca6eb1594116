/**
 * The relay's side of reminders: its VAPID public key, and handing it this device's push
 * subscription and the next wake times (instants only). Failures are values.
 */
import { err, ok, type Result } from '../model/result.ts';
import type { SpaceCredentials } from './relay-api.ts';

export type RemindersApiError = {
  kind: 'unreachable' | 'refused' | 'rate-limited' | 'revoked';
  code: string;
  retryAfterS?: number;
};

async function call(url: string, init: RequestInit): Promise<Result<Response, RemindersApiError>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store' });
  } catch {
    return err({ kind: 'unreachable', code: 'unreachable' });
  }
  if (response.ok) return ok(response);
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  const code = body?.error ?? `http-${response.status}`;
  if (response.status === 429)
    return err({ kind: 'rate-limited', code, retryAfterS: Number(response.headers.get('retry-after') ?? '60') || 60 });
  return err({ kind: code === 'device-revoked' ? 'revoked' : 'refused', code });
}

export async function fetchPushKey(relayUrl: string): Promise<Result<string, RemindersApiError>> {
  const r = await call(`${relayUrl}/api/push/key`, {});
  if (!r.ok) return r;
  const body = (await r.value.json().catch(() => null)) as { publicKey?: unknown } | null;
  return typeof body?.publicKey === 'string' ? ok(body.publicKey) : err({ kind: 'refused', code: 'bad-answer' });
}

const remindersUrl = (c: SpaceCredentials) => `${c.relayUrl}/api/spaces/${encodeURIComponent(c.spaceId)}/reminders`;

/** `subscription` from PushSubscription.toJSON(); left out, only the times change. */
export async function sendSchedule(
  creds: SpaceCredentials,
  wakeAt: readonly number[],
  subscription?: PushSubscriptionJSON,
): Promise<Result<true, RemindersApiError>> {
  const r = await call(remindersUrl(creds), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
    body: JSON.stringify(subscription === undefined ? { wakeAt } : { subscription, wakeAt }),
  });
  return r.ok ? ok(true) : r;
}

export async function dropSchedule(creds: SpaceCredentials): Promise<Result<true, RemindersApiError>> {
  const r = await call(remindersUrl(creds), { method: 'DELETE', headers: { authorization: `Bearer ${creds.token}` } });
  return r.ok ? ok(true) : r;
}
