/**
 * A push service on loopback standing in for FCM / Mozilla / Apple: it records each request,
 * checks its VAPID signature (RFC 8292) and decrypts its payload (RFC 8291 / 8188 aes128gcm)
 * with the keys of the "browser" that subscribed — written here from the RFCs, not with the
 * library the relay uses, so that a mistake there cannot hide behind the same mistake here.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBrowserKeys {
  /** What PushSubscription.toJSON() gives the app. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  ecdh: crypto.ECDH;
  authSecret: Buffer;
}

export interface PushReceived {
  receivedAt: number;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FakePushService {
  url: string;
  received: PushReceived[];
  /** The status the next requests get (201 by default; 410 = "gone"). */
  respondWith(status: number): void;
  /** A subscription for a browser of this push service. */
  subscribe(id: string): FakeBrowserKeys;
  close(): Promise<void>;
}

export async function startFakePushService(): Promise<FakePushService> {
  const received: PushReceived[] = [];
  let status = 201;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ receivedAt: Date.now(), path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    respondWith: (s) => void (status = s),
    subscribe(id) {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = crypto.randomBytes(16);
      return {
        ecdh,
        authSecret,
        subscription: {
          endpoint: `${url}/push/${id}`,
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
        },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Verifies `Authorization: vapid t=<JWT>, k=<key>`; returns the JWT's claims and the key. */
export function verifyVapid(
  headers: http.IncomingHttpHeaders,
  endpoint: string,
): { claims: { aud: string; exp: number; sub: string }; publicKey: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  if (m === null) throw new Error(`no VAPID authorization: ${headers.authorization}`);
  const [, jwt = '', k = ''] = m;
  const [head = '', payload = '', signature = ''] = jwt.split('.');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg: string };
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = crypto.createPublicKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
  });
  const ok = crypto.verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    aud: string;
    exp: number;
    sub: string;
  };
  if (claims.aud !== new URL(endpoint).origin) throw new Error(`aud ${claims.aud}`);
  return { claims, publicKey: k };
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, length));

/** Decrypts an aes128gcm Web Push body with the subscriber's private key and auth secret. */
export function decryptPush(body: Buffer, browser: FakeBrowserKeys): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20] as number;
  const senderKey = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (records.length > rs) throw new Error('more than one record');
  const uaPublic = browser.ecdh.getPublicKey();
  const secret = browser.ecdh.computeSecret(senderKey);
  const ikm = hkdf(
    browser.authSecret,
    secret,
    Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderKey]),
    32,
  );
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const plain = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('no last-record delimiter');
  return plain.subarray(0, end).toString('utf8');
}
