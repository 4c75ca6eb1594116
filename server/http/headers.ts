import type { IncomingMessage, ServerResponse } from 'node:http';

// A Host header is attacker-controlled and lands inside a CSP header: accept only the shapes a
// real host can have (name or IPv4 with optional port, or a bracketed IPv6 literal).
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

function safeHost(req: IncomingMessage): string | null {
  const host = req.headers.host;
  return host !== undefined && HOST.test(host) ? host.toLowerCase() : null;
}

/**
 * The page may talk to its own origin and to the relay on the same host (ws:// or wss://,
 * depending on whether TLS is terminated in front of us), plus any configured relay origins.
 */
function contentSecurityPolicy(host: string | null, relayOrigins: readonly string[]): string {
  const connect = ["'self'"];
  if (host !== null) connect.push(`ws://${host}`, `wss://${host}`);
  connect.push(...relayOrigins);
  return [
    "default-src 'self'",
    // Compiling WebAssembly (the QR decoder, for browsers without BarcodeDetector) needs
    // 'wasm-unsafe-eval'; it allows no eval() of JavaScript and no inline script.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, relayOrigins: readonly string[]): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(safeHost(req), relayOrigins));
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
