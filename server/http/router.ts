import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { redactUrl } from '../log.ts';
import { sendJson, sendText, setSecurityHeaders } from './headers.ts';
import { refuseLargeBodiesBeforeSending } from './body.ts';
import { makeStaticHandler } from './static.ts';

/** A route handler answers the request and returns true, or returns false to pass it on. */
export type Route = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

interface HttpOptions {
  readonly staticDir: string;
  readonly relayOrigins: readonly string[];
  readonly log: Logger;
  /** Tried in order before static files. */
  readonly routes?: readonly Route[];
  readonly onRequest?: (req: IncomingMessage, status: number) => void;
}

function pathOf(req: IncomingMessage): string | null {
  const url = req.url ?? '/';
  if (!url.startsWith('/')) return null;
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function createHttpServer(options: HttpOptions): http.Server {
  const serveStatic = makeStaticHandler(options.staticDir);
  const routes: Route[] = [
    (_req, res, path) => {
      if (path !== '/healthz') return false;
      sendJson(res, 200, { ok: true });
      return true;
    },
    ...(options.routes ?? []),
    (req, res, path) => serveStatic(req, res, path),
  ];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(req, res, options.relayOrigins);
    const path = pathOf(req);
    if (path === null) {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    for (const route of routes) {
      if (await route(req, res, path)) return;
    }
    sendText(res, 404, 'Not found\n');
  };

  const server = http.createServer((req, res) => {
    res.on('finish', () => options.onRequest?.(req, res.statusCode));
    handle(req, res).catch((error: unknown) => {
      options.log('http.error', { method: req.method, path: redactUrl(req.url), error: String(error) });
      if (!res.headersSent) sendText(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  refuseLargeBodiesBeforeSending(server);
  // Slow-loris protection: a client gets this long to send its headers and body.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  return server;
}
