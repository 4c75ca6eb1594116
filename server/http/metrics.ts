/**
 * GET /metrics: serves the counters kept in `../metrics.ts` to whoever may read them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from '../auth/tokens.ts';
import type { Metrics } from '../metrics.ts';

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * The figures say when the user's devices are online, so they are
 * not for everyone: with RAPPORT_METRICS_TOKEN set, a request needs
 * `Authorization: Bearer <token>`; without it, only this machine may read them.
 */
export function makeMetricsRoute(
  metrics: Metrics,
  gauges: () => { connections: number; spacesLoaded: number },
  token: string | null,
): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  return (req, res, path) => {
    if (path !== '/metrics') return false;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const allowed =
      token !== null
        ? bearer !== undefined && sameSecret(bearer, token)
        : LOOPBACK.test(req.socket.remoteAddress ?? '');
    if (!allowed) {
      res.writeHead(token !== null ? 401 : 403, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(token !== null ? { 'WWW-Authenticate': 'Bearer' } : {}),
      });
      res.end(
        token !== null
          ? 'Metrics need the metrics token.\n'
          : 'Metrics are served to this machine only; set RAPPORT_METRICS_TOKEN to read them from elsewhere.\n',
      );
      return true;
    }
    const text = metrics.render(gauges());
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
    return true;
  };
}
