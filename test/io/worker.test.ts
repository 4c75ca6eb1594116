import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResponse } from '../../src/io/worker-protocol.ts';
import { decodeFileBytes } from '../../src/io/decode.ts';
import { parseFile } from '../../src/io/parse-file.ts';

/** Loads the worker module against a stand-in for its global scope and returns what it posts. */
async function runWorker(name: string, bytes: Uint8Array): Promise<ImportResponse[]> {
  const posted: ImportResponse[] = [];
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: ImportResponse) => void } = {
    onmessage: null,
    postMessage: (m) => posted.push(m),
  };
  (globalThis as { self?: unknown }).self = scope;
  vi.resetModules();
  await import('../../src/io/import.worker.ts');
  scope.onmessage!({ data: { name, bytes } });
  return posted;
}

afterEach(() => {
  delete (globalThis as { self?: unknown }).self;
});

const cards = (n: number) =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P${i}\r\nEND:VCARD\r\n`).join(''),
  );

describe('import worker', () => {
  it('posts progress, the people in parts of a thousand (each received in its own task), then the result', async () => {
    const posted = await runWorker('big.vcf', cards(30_000));
    const last = posted.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result' || !last.report.ok) throw new Error('no result');
    expect(last.report.format).toBe('vcard');
    const parts = posted.flatMap((m) => (m.type === 'drafts' ? [m.drafts] : []));
    expect(parts.map((p) => p.length)).toEqual(Array.from({ length: 30 }, () => 1000));
    expect(parts.flat().map((d) => d.line)).toEqual([...parts.flat().map((d) => d.line)].sort((a, b) => a - b));
    expect(last.report.report.drafts).toEqual([]);
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) if (p.type === 'progress') expect(p.done).toBeLessThanOrEqual(p.total);
  });

  it('an expected failure arrives as a result, not an error', async () => {
    const posted = await runWorker('x.txt', new TextEncoder().encode('hello'));
    expect(posted.at(-1)).toEqual({
      type: 'result',
      report: { ok: false, error: expect.objectContaining({ type: 'unknown-format' }) },
    });
  });
});

describe('parseFile', () => {
  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    parseFile('x.vcf', cards(100), (done, total) => calls.push([done, total]));
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });

  it('reads UTF-16 files with a byte-order mark', () => {
    const text = 'BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    expect(decodeFileBytes(le).text).toBe(text);
    const r = parseFile('x.vcf', le);
    expect(r.ok && r.report.drafts[0]!.values.name).toBe('Zoë');
  });
});
