import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMetricsRoute } from '../../server/http/metrics.ts';
import { makeMetrics } from '../../server/metrics.ts';
import { makeTempDir, startRelay, type RelayProcess } from './relay-process.ts';

let relay: RelayProcess;
let staticDir: string;
const BIG_SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${i} * 2;\n`).join('');

beforeAll(async () => {
  staticDir = makeTempDir('rapport-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  fs.writeFileSync(path.join(staticDir, 'sw.js'), 'self.x=1');
  fs.writeFileSync(path.join(staticDir, 'manifest.webmanifest'), '{}');
  fs.writeFileSync(path.join(staticDir, 'icon.svg'), '<svg/>');
  fs.writeFileSync(path.join(staticDir, 'favicon.ico'), 'ico');
  fs.writeFileSync(path.join(staticDir, 'icon.png'), 'png');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(staticDir, 'assets', 'big-abc123.js'), BIG_SCRIPT);
  fs.writeFileSync(path.join(staticDir, 'assets', 'zxing.wasm'), 'wasm');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  relay = await startRelay({ staticDir, env: { RAPPORT_RELAY_ORIGINS: 'wss://relay.example.org' } });
});

afterAll(async () => {
  await relay?.stop();
});

const get = (p: string, init?: RequestInit) => fetch(relay.url + p, init);

describe('HTTP server', () => {
  it('prints the listening line with the real port', () => {
    expect(relay.port).toBeGreaterThan(0);
    expect(relay.stdout()).toBe(`Rapport listening on http://127.0.0.1:${relay.port}\n`);
  });

  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each([
    ['/', 'text/html', 'no-cache'],
    ['/index.html', 'text/html', 'no-cache'],
    ['/sw.js', 'text/javascript', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/icon.svg', 'image/svg+xml', null],
    ['/favicon.ico', 'image/x-icon', null],
    ['/icon.png', 'image/png', null],
    ['/assets/app-abc123.js', 'text/javascript', 'public, max-age=31536000, immutable'],
    ['/assets/app-abc123.css', 'text/css', 'public, max-age=31536000, immutable'],
    ['/assets/zxing.wasm', 'application/wasm', 'public, max-age=31536000, immutable'],
  ])('serves %s as %s', async (p, type, cache) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    if (cache !== null) expect(res.headers.get('cache-control')).toBe(cache);
    else expect(res.headers.get('cache-control')).not.toContain('immutable');
  });

  it('falls back to index.html for app routes only', async () => {
    const route = await get('/people/abc');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Rapport</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await get('/sync')).status).toBe(404);
    expect((await get('/metricsx')).status).toBe(200); // not reserved: an app route
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..%00/x',
    '/%E0%A4%A',
  ])('refuses traversal %s', async (p) => {
    const res = await get(p);
    expect([400, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('secret');
  });

  it('sets the security headers on every response', async () => {
    for (const p of ['/', '/healthz', '/missing.js', '/assets/app-abc123.js']) {
      const res = await get(p);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      // No inline styles either: every style is in the app's own stylesheets.
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain(
        `connect-src 'self' ws://127.0.0.1:${relay.port} wss://127.0.0.1:${relay.port} wss://relay.example.org`,
      );
      expect(csp).not.toMatch(/ws: |wss: /);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('does not echo a hostile Host header into the CSP', async () => {
    const http = await import('node:http');
    const csp = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: relay.port, path: '/', headers: { Host: 'evil; script-src *' } },
        (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(csp).not.toContain('evil');
    expect(csp).toContain("script-src 'self'");
  });
});

describe('static files on a slow link', () => {
  /** node:http, not fetch: fetch decodes the body and hides what was sent. */
  function raw(p: string, headers: Record<string, string>) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: relay.port, path: p, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['gzip, deflate, br', 'br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ['br;q=0, gzip;q=0.5', 'gzip', (b: Buffer) => zlib.gunzipSync(b)],
  ])(
    'a script asked for with Accept-Encoding "%s" comes %s, and decodes to the file',
    async (accept, encoding, decode) => {
      const res = await raw('/assets/big-abc123.js', { 'Accept-Encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['vary']).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(BIG_SCRIPT.length / 4);
      expect(decode(res.body).toString()).toBe(BIG_SCRIPT);
    },
  );

  it('sends the file as it is to a client that asks for no encoding, and small or binary files always', async () => {
    const plain = await raw('/assets/big-abc123.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);
    const small = await raw('/assets/app-abc123.js', { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
    const png = await raw('/icon.png', { 'Accept-Encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 to a client that has this version in this encoding, and the file to one that has another', async () => {
    const first = await raw('/assets/big-abc123.js', { 'Accept-Encoding': 'br' });
    const etag = String(first.headers['etag']);
    const again = await raw('/assets/big-abc123.js', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await raw('/assets/big-abc123.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(otherEncoding.status).toBe(200);
    expect(zlib.gunzipSync(otherEncoding.body).toString()).toBe(BIG_SCRIPT);
    const shell = await raw('/', {});
    const shellAgain = await raw('/people', { 'If-None-Match': String(shell.headers['etag']) });
    expect(shellAgain.status).toBe(304);
  });
});

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('exits cleanly on %s', async (signal) => {
    const own = await startRelay();
    expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    const exit = await own.stop(signal);
    expect(exit.code).toBe(0);
  });
});

describe('/metrics is not for everyone', () => {
  it('with RAPPORT_METRICS_TOKEN set, needs it as a bearer token', async () => {
    const guarded = await startRelay({ env: { RAPPORT_METRICS_TOKEN: 'metrics-secret-1' } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { Authorization: 'Bearer metrics-secret-1' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^rapport_/m);
    } finally {
      await guarded.stop();
    }
  });

  it('without a token, answers this machine and refuses any other address', () => {
    const metrics = makeMetrics();
    const route = makeMetricsRoute(metrics, () => ({ connections: 0, spacesLoaded: 0 }), null);
    // A request from another machine cannot be made here, so its two facts are given by hand.
    const ask = (remoteAddress: string) => {
      const sent = { status: 0, body: '' };
      const res = { writeHead: (status: number) => (sent.status = status), end: (body: string) => (sent.body = body) };
      route({ headers: {}, socket: { remoteAddress } } as never, res as never, '/metrics');
      return sent;
    };
    expect(ask('127.0.0.1').status).toBe(200);
    expect(ask('::1').status).toBe(200);
    expect(ask('::ffff:127.0.0.1').status).toBe(200);
    const outside = ask('203.0.113.7');
    expect(outside.status).toBe(403);
    expect(outside.body).toMatch(/RAPPORT_METRICS_TOKEN/);
    expect(ask('::ffff:10.0.0.5').status).toBe(403);
  });
});

/** A POST by a real HTTP client (node:http), reading whatever comes back: status, body, and whether "100 Continue" was sent. */
function post(
  url: string,
  body: Buffer | (() => AsyncIterable<Buffer>),
  headers: Record<string, string>,
): Promise<{ status: number; text: string; continued: boolean }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), continued }),
      );
      res.on('error', reject);
    });
    // The server may close once it has answered: what was not sent yet is of no interest.
    req.on('error', (e) =>
      (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(e),
    );
    if (Buffer.isBuffer(body)) {
      if (headers['Expect']) req.on('continue', () => ((continued = true), req.end(body)));
      else req.end(body);
    } else {
      void (async () => {
        for await (const chunk of body()) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        req.end();
      })().catch(() => undefined);
    }
  });
}

describe('a JSON body over the limit', () => {
  const big = (bytes: number) => Buffer.from(JSON.stringify({ deviceName: 'x'.repeat(bytes) }));

  it('20 KB with its length declared: answered 413 with the JSON error', async () => {
    const body = big(20_000);
    const r = await post(`${relay.url}/api/spaces`, body, {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ error: 'body-too-large' });
  });

  it('5 MB asking "Expect: 100-continue": 413 at once, never "100 Continue"', async () => {
    const body = big(5_000_000);
    const r = await post(`${relay.url}/api/spaces`, body, {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
      Expect: '100-continue',
    });
    expect(r).toMatchObject({ status: 413, continued: false });
    expect(JSON.parse(r.text)).toEqual({ error: 'body-too-large' });
  });

  it('chunked, with no length declared: 413 once the limit is passed', async () => {
    const r = await post(
      `${relay.url}/api/pair`,
      async function* () {
        for (let i = 0; i < 64; i++) yield Buffer.alloc(1024, 0x20);
      },
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ error: 'body-too-large' });
  });

  it('the relay still answers afterwards', async () => {
    expect((await get('/healthz')).status).toBe(200);
  });
});
