/**
 * The relay's HTTP API: create a space, make a pairing code, pair, list and
 * revoke devices. Failures are values with a sentence for the user.
 */
import { err, ok, type Result } from '../model/index.ts';

export interface SpaceCredentials {
  relayUrl: string; // http(s) origin of the relay, e.g. https://rapport.example.org
  spaceId: string;
  deviceId: string;
  token: string;
}

export interface DeviceInfo {
  deviceId: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  current: boolean;
}

export type ApiError = { kind: 'unreachable' | 'denied' | 'revoked' | 'rate-limited' | 'rejected'; message: string };

const MESSAGES: Record<string, string> = {
  'token-required': 'This device has no access to the network on the relay.',
  'token-invalid': 'The relay did not accept this device’s access.',
  'device-revoked': 'This device was removed from your network.',
  'invite-required': 'This relay needs an invite code.',
  'code-invalid': 'That pairing code is wrong, already used or expired. Make a new one on your other device.',
  'rate-limited': 'Too many attempts. Wait a minute and try again.',
};

async function call<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<Result<T, ApiError>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers,
      referrerPolicy: 'no-referrer',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return err({ kind: 'unreachable', message: 'The relay cannot be reached. Check the address and your connection.' });
  }
  if (response.status === 204) return ok(null as T);
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (response.ok && body) return ok(body);
  const code = body?.error ?? `http-${response.status}`;
  const kind: ApiError['kind'] =
    response.status === 429
      ? 'rate-limited'
      : code === 'device-revoked'
        ? 'revoked'
        : response.status === 401 || response.status === 403
          ? 'denied'
          : 'rejected';
  return err({ kind, message: MESSAGES[code] ?? `The relay refused (${code}).` });
}

const normaliseRelayUrl = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * `requestId`: the same for every try of one turning on, so that a retry after a lost answer
 * gets the space the relay already made instead of a second one.
 */
export async function registerSpace(
  relayUrl: string,
  deviceName: string,
  opts: { inviteCode?: string | undefined; requestId?: string } = {},
): Promise<Result<SpaceCredentials, ApiError>> {
  const base = normaliseRelayUrl(relayUrl);
  const r = await call<{ spaceId: string; deviceId: string; token: string }>(`${base}/api/spaces`, {
    method: 'POST',
    body: JSON.stringify({
      deviceName,
      ...(opts.inviteCode ? { inviteCode: opts.inviteCode } : {}),
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
    }),
  });
  return r.ok ? ok({ relayUrl: base, ...r.value }) : r;
}

export function requestPairing(
  creds: SpaceCredentials,
): Promise<Result<{ code: string; expiresAt: string }, ApiError>> {
  return call(`${creds.relayUrl}/api/spaces/${encodeURIComponent(creds.spaceId)}/pairings`, {
    method: 'POST',
    token: creds.token,
    body: '{}',
  });
}

export async function pairDevice(
  relayUrl: string,
  spaceId: string,
  code: string,
  deviceName: string,
): Promise<Result<SpaceCredentials, ApiError>> {
  const base = normaliseRelayUrl(relayUrl);
  const r = await call<{ deviceId: string; token: string }>(`${base}/api/pair`, {
    method: 'POST',
    body: JSON.stringify({ spaceId, code, deviceName }),
  });
  return r.ok ? ok({ relayUrl: base, spaceId, ...r.value }) : r;
}

export async function listDevices(creds: SpaceCredentials): Promise<Result<DeviceInfo[], ApiError>> {
  const r = await call<{ devices: DeviceInfo[] }>(
    `${creds.relayUrl}/api/spaces/${encodeURIComponent(creds.spaceId)}/devices`,
    { token: creds.token },
  );
  return r.ok ? ok(r.value.devices) : r;
}

export async function revokeDevice(creds: SpaceCredentials, deviceId: string): Promise<Result<true, ApiError>> {
  const r = await call<unknown>(
    `${creds.relayUrl}/api/spaces/${encodeURIComponent(creds.spaceId)}/devices/${encodeURIComponent(deviceId)}`,
    { method: 'DELETE', token: creds.token },
  );
  return r.ok ? ok(true) : r;
}

/** Erases the space's stored document on the relay and revokes all its devices (moving to a private space). */
export async function eraseSpace(creds: SpaceCredentials): Promise<Result<true, ApiError>> {
  const r = await call<unknown>(`${creds.relayUrl}/api/spaces/${encodeURIComponent(creds.spaceId)}`, {
    method: 'DELETE',
    token: creds.token,
  });
  return r.ok ? ok(true) : r;
}

/**
 * The pairing link carries its secrets in the fragment, which browsers never send to a server,
 * so they cannot end up in any request line or log: the pairing code and, for a private space,
 * the space key of the day.
 */
export function pairingLink(appOrigin: string, creds: SpaceCredentials, code: string, key?: string): string {
  const payload = new URLSearchParams({ relay: creds.relayUrl, space: creds.spaceId, code, ...(key ? { key } : {}) });
  return `${appOrigin}/pair#${payload.toString()}`;
}

export interface PairingFragment {
  relayUrl: string;
  spaceId: string;
  code: string;
  /** The space key, for a private space. */
  key?: string;
}

export function readPairingFragment(hash: string): PairingFragment | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const relayUrl = params.get('relay');
  const spaceId = params.get('space');
  const code = params.get('code');
  const key = params.get('key');
  if (!relayUrl || !spaceId || !code || !/^https?:\/\//.test(relayUrl)) return null;
  return { relayUrl, spaceId, code, ...(key ? { key } : {}) };
}
