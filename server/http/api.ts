/**
 * The JSON API for spaces, devices and pairing. Auth is a bearer device token; responses carry
 * `{ error: '<kebab-case reason>' }` on failure. No cookies are involved, so any origin may call
 * it (the app may be served from elsewhere than its relay).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeviceRecord } from '../storage/types.ts';
import { cleanDeviceName, type Devices } from '../auth/devices.ts';
import type { SharedRateLimiter } from '../auth/rate-limit.ts';
import { sameSecret } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { readJsonObject, sendBodyError } from './body.ts';
import { makeRecentAnswers, REQUEST_ID } from './recent-answers.ts';
import { sendJson } from './headers.ts';
import type { Route } from './router.ts';

interface ApiDeps {
  readonly devices: Devices;
  readonly inviteCode: string | null;
  readonly spaceLimiter: SharedRateLimiter;
  readonly pairingLimiter: SharedRateLimiter;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Closes the revoked device's live connections. */
  readonly disconnectDevice: (deviceId: string) => number;
  /** Erases a space's stored document and revokes its devices; resolves to the connections cut. */
  readonly eraseSpace: (spaceId: string) => Promise<number>;
}

const SPACE = '([A-Za-z0-9_-]{1,64})';
const ROUTES = {
  spaces: /^\/api\/spaces$/,
  space: new RegExp(`^/api/spaces/${SPACE}$`),
  pairings: new RegExp(`^/api/spaces/${SPACE}/pairings$`),
  devices: new RegExp(`^/api/spaces/${SPACE}/devices$`),
  device: new RegExp(`^/api/spaces/${SPACE}/devices/${SPACE}$`),
  pair: /^\/api\/pair$/,
};

export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header.trim());
  return match?.[1] ?? null;
}

export function setCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Invite-Code');
  res.setHeader('Access-Control-Max-Age', '600');
}

export function makeApiRoute(deps: ApiDeps): Route {
  const { devices, metrics, log } = deps;
  const recentSpaces = makeRecentAnswers<{ spaceId: string; deviceId: string; token: string }>();
  const ipOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

  const limited = async (res: ServerResponse, limiter: SharedRateLimiter, ip: string): Promise<boolean> => {
    const taken = await limiter.take(ip);
    if (taken.ok) return false;
    metrics.reject('http-rate-limited');
    res.setHeader('Retry-After', String(Math.max(1, taken.retryAfter)));
    sendJson(res, 429, { error: 'rate-limited' });
    return true;
  };

  /** The calling device, or an answer has been sent and null is returned. */
  const authorize = async (
    req: IncomingMessage,
    res: ServerResponse,
    spaceId: string,
  ): Promise<DeviceRecord | null> => {
    const auth = await devices.authenticate(spaceId, bearer(req));
    if (auth.ok) return auth.device;
    metrics.reject('http-unauthorized');
    sendJson(res, auth.error === 'token-required' ? 401 : 403, { error: auth.error });
    return null;
  };

  const createSpace = async (req: IncomingMessage, res: ServerResponse) => {
    const ip = ipOf(req);
    const body = await readJsonObject(req);
    if (!body.ok) return sendBodyError(req, res, body);
    if (deps.inviteCode !== null) {
      const offered = body.value['inviteCode'] ?? req.headers['x-invite-code'];
      if (typeof offered !== 'string' || !sameSecret(offered, deps.inviteCode)) {
        metrics.reject('http-unauthorized');
        return sendJson(res, 403, { error: 'invite-required' });
      }
    }
    // A retry of a creation whose answer was lost gets that answer again, not a second space
    // (and is not a new creation for the rate limit).
    const requestId = body.value['requestId'];
    const retried = typeof requestId === 'string' && REQUEST_ID.test(requestId) ? requestId : null;
    const earlier = retried === null ? undefined : recentSpaces.get(retried);
    if (earlier !== undefined) return sendJson(res, 201, earlier);
    if (await limited(res, deps.spaceLimiter, ip)) return;
    const created = await devices.createSpace(cleanDeviceName(body.value['deviceName'], 'First device'));
    if (retried !== null) recentSpaces.set(retried, created);
    log('space.created', { space: created.spaceId.slice(0, 6), ip });
    sendJson(res, 201, created);
  };

  const createPairing = async (req: IncomingMessage, res: ServerResponse, spaceId: string) => {
    if (await limited(res, deps.pairingLimiter, ipOf(req))) return;
    const device = await authorize(req, res, spaceId);
    if (device === null) return;
    const pairing = await devices.createPairing(device);
    // Revoked after it was authorized, before the code was stored.
    if (pairing === null) {
      metrics.reject('http-unauthorized');
      return sendJson(res, 403, { error: 'device-revoked' });
    }
    sendJson(res, 201, pairing);
    log('pairing.created', { space: spaceId.slice(0, 6) });
  };

  const pair = async (req: IncomingMessage, res: ServerResponse) => {
    if (await limited(res, deps.pairingLimiter, ipOf(req))) return;
    const body = await readJsonObject(req);
    if (!body.ok) return sendBodyError(req, res, body);
    const { spaceId, code, deviceName } = body.value;
    if (typeof spaceId !== 'string' || typeof code !== 'string') return sendJson(res, 400, { error: 'bad-request' });
    const result = await devices.pair(spaceId, code, cleanDeviceName(deviceName, 'New device'));
    if (!result.ok) {
      metrics.reject('http-unauthorized');
      log('pairing.refused', { space: spaceId.slice(0, 6) });
      return sendJson(res, 403, { error: 'code-invalid' });
    }
    log('pairing.redeemed', { space: spaceId.slice(0, 6), device: result.deviceId.slice(0, 6) });
    sendJson(res, 201, { deviceId: result.deviceId, token: result.token });
  };

  return async (req, res, path) => {
    if (!path.startsWith('/api/')) return false;
    setCors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return true;
    }
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if (ROUTES.spaces.test(path)) {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      await createSpace(req, res);
    } else if ((m = ROUTES.space.exec(path)) !== null && m[1] !== undefined) {
      // Erasing a space: what a device does when it moves the network to a new, private space.
      if (method !== 'DELETE') return methodNotAllowed(res, 'DELETE');
      const device = await authorize(req, res, m[1]);
      if (device === null) return true;
      const cut = await deps.eraseSpace(m[1]);
      log('space.erased', { space: m[1].slice(0, 6), device: device.id.slice(0, 6), connections: cut });
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    } else if (ROUTES.pair.test(path)) {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      await pair(req, res);
    } else if ((m = ROUTES.pairings.exec(path)) !== null && m[1] !== undefined) {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      await createPairing(req, res, m[1]);
    } else if ((m = ROUTES.devices.exec(path)) !== null && m[1] !== undefined) {
      if (method !== 'GET') return methodNotAllowed(res, 'GET');
      const device = await authorize(req, res, m[1]);
      if (device !== null) sendJson(res, 200, { devices: await devices.list(m[1], device.id) });
    } else if ((m = ROUTES.device.exec(path)) !== null && m[1] !== undefined && m[2] !== undefined) {
      if (method !== 'DELETE') return methodNotAllowed(res, 'DELETE');
      const device = await authorize(req, res, m[1]);
      if (device === null) return true;
      if (!(await devices.revoke(m[1], m[2]))) {
        sendJson(res, 404, { error: 'device-not-found' });
        return true;
      }
      const cut = deps.disconnectDevice(m[2]);
      log('device.revoked', { space: m[1].slice(0, 6), device: m[2].slice(0, 6), connections: cut });
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    } else {
      sendJson(res, 404, { error: 'not-found' });
    }
    return true;
  };
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { error: 'method-not-allowed' });
  return true;
}
