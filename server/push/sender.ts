/**
 * Sends one wake-up to one subscription. web-push does the protocol (RFC 8291 encryption of
 * the payload, RFC 8292 VAPID signature, RFC 8030 headers); the request itself is made here,
 * so that the address it goes to is checked when the connection is made (guardedLookup).
 */
import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import { checkEndpoint, guardedLookup } from './endpoint.ts';
import type { VapidKeys } from './vapid.ts';

export interface PushTarget {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

/** The HTTP status from the push service, or the reason no request was made or answered. */
export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; reason: string };

export type Send = (target: PushTarget, payload: string) => Promise<SendResult>;

interface SenderOptions {
  readonly vapid: VapidKeys;
  /** VAPID `sub`: a mailto: or https: contact for the push service's operator. */
  readonly subject: string;
  readonly allowLocalHttp: boolean;
  /** How long the push service may hold the message for an offline device. */
  readonly ttlSeconds?: number;
  readonly timeoutMs?: number;
}

/** A VAPID JWT is valid for this long (RFC 8292 allows up to 24 h) … */
const VAPID_VALID_S = 12 * 3600;
/** … and is reused for this long: signing costs ~6 ms (web-push converts the key in JS each time). */
const VAPID_REUSE_MS = 3600_000;

export function makeSender(options: SenderOptions): Send {
  const lookup = guardedLookup(options.allowLocalHttp);
  // Kept-alive connections: at 9:00 many pushes go to the same few push services, and a TLS
  // handshake each would cost more than the push. Every new connection still goes through `lookup`.
  const agents = {
    https: new https.Agent({ keepAlive: true, maxSockets: 32, lookup: lookup as never }),
    http: new http.Agent({ keepAlive: true, maxSockets: 32, lookup: lookup as never }),
  };
  const vapidByAudience = new Map<string, { authorization: string; madeAt: number }>();
  const vapidFor = (endpoint: URL): string => {
    const audience = endpoint.origin;
    const cached = vapidByAudience.get(audience);
    if (cached !== undefined && Date.now() - cached.madeAt < VAPID_REUSE_MS) return cached.authorization;
    const expiration = Math.floor(Date.now() / 1000) + VAPID_VALID_S;
    const headers = webpush.getVapidHeaders(
      audience,
      options.subject,
      options.vapid.publicKey,
      options.vapid.privateKey,
      'aes128gcm',
      expiration,
    );
    if (vapidByAudience.size > 1000) vapidByAudience.clear();
    vapidByAudience.set(audience, { authorization: headers.Authorization, madeAt: Date.now() });
    return headers.Authorization;
  };
  return (target, payload) =>
    new Promise<SendResult>((resolve) => {
      const checked = checkEndpoint(target.endpoint, options.allowLocalHttp);
      if (!checked.ok) return resolve({ ok: false, status: null, reason: checked.reason });
      let details: ReturnType<typeof webpush.generateRequestDetails>;
      try {
        details = webpush.generateRequestDetails(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          payload,
          {
            // Signed once per push service and reused (vapidFor); the payload is encrypted afresh each time.
            headers: { Authorization: vapidFor(checked.url) },
            TTL: options.ttlSeconds ?? 4 * 3600,
            urgency: 'normal',
            // A newer wake-up replaces one still waiting at the push service.
            topic: 'rapport-reminder',
            contentEncoding: 'aes128gcm',
          },
        );
      } catch {
        return resolve({ ok: false, status: null, reason: 'bad-subscription' });
      }
      const secure = checked.url.protocol === 'https:';
      const req = (secure ? https : http).request(checked.url, {
        method: details.method,
        headers: details.headers as http.OutgoingHttpHeaders,
        lookup: lookup as never,
        timeout: options.timeoutMs ?? 15_000,
        agent: secure ? agents.https : agents.http,
      });
      req.on('response', (res) => {
        res.resume(); // the body is the push service's business
        const status = res.statusCode ?? 0;
        resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, reason: 'rejected' });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve({
          ok: false,
          status: null,
          reason: error.code === 'EADDRREFUSED' ? 'endpoint-refused' : 'unreachable',
        }),
      );
      req.end(details.body ?? undefined);
    });
}
