import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendJson } from './headers.ts';

type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; error: string };

/** The largest JSON body any route reads: a body declared larger is refused before it is sent. */
const MAX_JSON_BODY = 16 * 1024;

const declaredLength = (req: IncomingMessage): number | null => {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
};

/**
 * Reads a small JSON object body. An empty body is `{}`. A body over `maxBytes`
 * (declared so, or found so while reading) is refused as 413 without reading
 * the rest: `sendBodyError` answers first, then drains it.
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

/** Stops reading the body until the answer is written (see sendBodyError). */
function tooLarge(req: IncomingMessage): BodyResult {
  req.pause();
  drainAfterAnswer.add(req);
  return { ok: false, status: 413, error: 'body-too-large' };
}
const drainAfterAnswer = new WeakSet<IncomingMessage>();

/** Past this much of a refused body, the connection is closed rather than read to its end. */
const MAX_DRAIN = 1024 * 1024;

/**
 * Reads and drops the rest of a refused body once the answer is out. Closing
 * with unread bytes instead would make the kernel reset the connection, and a
 * client still sending could lose the answer it had not read yet. A body larger
 * than MAX_DRAIN is not worth reading: then the connection is closed.
 */
function drain(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DRAIN) req.socket.destroy();
  });
  req.resume();
}

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

/** Answers a refused body with its JSON error; after a 413 the rest of the body is read and dropped. */
export function sendBodyError(
  req: IncomingMessage,
  res: ServerResponse,
  body: Extract<BodyResult, { ok: false }>,
): void {
  if (drainAfterAnswer.has(req)) {
    const declared = declaredLength(req);
    if (declared !== null && declared > MAX_DRAIN) res.setHeader('Connection', 'close');
    res.once('finish', () => drain(req));
  }
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
