import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './headers.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

// Files that name the current version of the app: a stale copy would pin users to an old build.
const NO_CACHE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);

/** Paths that belong to the server and must never fall back to the app shell. */
const RESERVED = /^\/(?:api|sync|healthz|metrics)(?:\/|$)/;

function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file under `root`, or null when it cannot be one: undecodable, contains
 * NUL or backslash, any `.`/`..` segment or dotfile, or resolves outside the root.
 */
function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const full = path.resolve(root, `.${decoded}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

function cacheControl(urlPath: string): string {
  if (NO_CACHE.has(urlPath)) return 'no-cache';
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

function statFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats, urlPath: string): void {
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': stat.size,
    'Cache-Control': cacheControl(urlPath),
    'Last-Modified': stat.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Serves the built app; returns false when the request is not for a static file or the shell. */
export function makeStaticHandler(root: string) {
  const rootDir = path.resolve(root);
  return (req: IncomingMessage, res: ServerResponse, urlPath: string): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (RESERVED.test(urlPath)) return false;
    const target = urlPath === '/' ? '/index.html' : urlPath;
    const file = resolveStaticPath(rootDir, target);
    if (file === null) {
      sendText(res, 400, 'Bad path\n');
      return true;
    }
    const stat = statFile(file);
    if (stat !== null) {
      sendFile(req, res, file, stat, target);
      return true;
    }
    // Client-side routes (no extension) get the app shell; a missing asset is a real 404.
    if (path.posix.extname(target) === '') {
      const shell = path.join(rootDir, 'index.html');
      const shellStat = statFile(shell);
      if (shellStat !== null) {
        sendFile(req, res, shell, shellStat, '/index.html');
        return true;
      }
    }
    sendText(res, 404, 'Not found\n');
    return true;
  };
}
