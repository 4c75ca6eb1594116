import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; error: string };

/** Reads a small JSON object body. An empty body is `{}`. */
export async function readJsonObject(req: IncomingMessage, maxBytes = 4096): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.destroy();
      return { ok: false, status: 413, error: 'body-too-large' };
    }
    chunks.push(chunk);
  }
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
