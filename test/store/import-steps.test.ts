import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../src/model/index.ts';
import { collectionMap, add, readAll, readOne, update } from '../../src/store/index.ts';
import { applyImportInSteps } from '../../src/store/import-steps.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { planImport } from '../../src/io/match.ts';
import { writeVCards } from '../../src/io/vcard-write.ts';

const NOW = new Date('2026-03-04T10:00:00.000Z');
const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sorted(x)]),
        )
      : v;
const snapshot = (doc: Y.Doc) =>
  sorted(Object.fromEntries(COLLECTION_NAMES.map((n) => [n, collectionMap(doc, n).toJSON()])));

function setUp(count: number) {
  const doc = new Y.Doc();
  const ana = add(doc, 'contacts', { name: 'Ana Lima', emails: ['person0@example.org'], role: 'CTO' }, undefined, NOW);
  if (!ana.ok) throw new Error('setup');
  const people = Array.from({ length: count }, (_, i) => ({
    name: `Person ${i}`,
    emails: [`person${i}@example.org`],
    organisation: 'Acme',
  }));
  const parsed = parseFile('people.vcf', new TextEncoder().encode(writeVCards(people)));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return {
    doc,
    ana: ana.value,
    plan: planImport(parsed.report.drafts, readAll(doc, 'contacts').items, parsed.report.invalid),
  };
}

describe('import in steps', () => {
  it('writes the whole plan in steps, reports progress, and one undo takes every step back', async () => {
    const { doc, ana, plan } = setUp(1_050);
    const before = snapshot(doc);
    const transactions: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));
    const progress: [number, number][] = [];
    let pauses = 0;
    const done = await applyImportInSteps(doc, plan, {
      stepSize: 500,
      onProgress: (d, t) => progress.push([d, t]),
      pause: async () => void pauses++,
      now: NOW,
    });
    expect(done.result.created).toHaveLength(1_049);
    expect(done.result.updated).toEqual([ana.id]);
    expect(progress).toEqual([
      [1, 1_050],
      [501, 1_050],
      [1_001, 1_050],
      [1_050, 1_050],
    ]);
    expect(pauses).toBe(3);
    expect(transactions).toHaveLength(4);
    expect(readOne(doc, 'contacts', ana.id)?.organisation).toBe('Acme');
    expect(done.undo()).toBe(true);
    expect(snapshot(doc)).toEqual(before);
    expect(done.undo()).toBe(false);
  });

  it('an edit made during the import is kept through its undo', async () => {
    const { doc, ana, plan } = setUp(600);
    const done = await applyImportInSteps(doc, plan, {
      stepSize: 200,
      pause: async () => void update(doc, 'contacts', ana.id, { role: 'Chief Technology Officer' }),
    });
    done.undo();
    expect(readAll(doc, 'contacts').items.map((c) => c.name)).toEqual(['Ana Lima']);
    expect(readOne(doc, 'contacts', ana.id)?.role).toBe('Chief Technology Officer');
  });
});
