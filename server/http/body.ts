import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendJson } from './headers.ts';

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; error: string };

/** The largest JSON body any route reads: a body declared larger is refused before it is sent. */
export const MAX_JSON_BODY = 16 * 1024;

const declaredLength = (req: IncomingMessage): number | null => {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
};

/**
 * Reads a small JSON object body. An empty body is `{}`. A body over `maxBytes`
 * (declared so, or found so while reading) is refused as 413 without reading
 * the rest: `sendBodyError` then answers and closes the connection.
 */
export function readJsonObject(req: IncomingMessage, maxBytes = 4096): Promise<BodyResult> {
  const declared = declaredLength(req);
  if (declared !== null && declared > maxBytes) return Promise.resolve(tooLarge(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd);
      resolve(tooLarge(req));
    };
    const onEnd = () => resolve(parseBody(req, chunks, size));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** Marks the request so its answer closes the connection: the rest of the body is never read. */
function tooLarge(req: IncomingMessage): BodyResult {
  req.pause();
  closeAfterAnswer.add(req);
  return { ok: false, status: 413, error: 'body-too-large' };
}
const closeAfterAnswer = new WeakSet<IncomingMessage>();

function parseBody(req: IncomingMessage, chunks: Buffer[], size: number): BodyResult {
  if (size === 0) return { ok: true, value: {} };
  // A JSON content type forces a CORS preflight, so a cross-site form cannot post here.
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return { ok: false, status: 415, error: 'json-required' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'bad-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, error: 'bad-json' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** Answers a refused body with its JSON error; after a 413 the connection closes (the client may still be sending). */
export function sendBodyError(req: IncomingMessage, res: ServerResponse, body: Extract<BodyResult, { ok: false }>): void {
  if (closeAfterAnswer.has(req)) res.setHeader('Connection', 'close');
  sendJson(res, body.status, { error: body.error });
}

/**
 * "Expect: 100-continue" with a body larger than any route reads: answered 413
 * at once, so the client never sends it. Otherwise the client is told to go on.
 */
export function refuseLargeBodiesBeforeSending(server: Server): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > MAX_JSON_BODY) {
      res.setHeader('Connection', 'close');
      sendJson(res, 413, { error: 'body-too-large' });
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}
