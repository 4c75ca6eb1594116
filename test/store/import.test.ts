import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../src/model/index.ts';
import { collectionMap, add, readAll, readOne, update, type Origin } from '../../src/store/index.ts';
import { applyImport } from '../../src/store/import.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { planImport } from '../../src/io/match.ts';
import { writeVCards } from '../../src/io/vcard-write.ts';

const NOW = new Date('2026-03-04T10:00:00.000Z');
const LATER = new Date('2026-03-05T10:00:00.000Z');
const enc = new TextEncoder();

const sortedJson = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedJson)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortedJson(v)]),
        )
      : value;
const snapshot = (doc: Y.Doc) =>
  sortedJson(Object.fromEntries(COLLECTION_NAMES.map((n) => [n, collectionMap(doc, n).toJSON()])));

const FILE = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEMAIL:ANA@acme.example\r\nTITLE:CEO\r\nORG:Acme\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:New Person\r\nEMAIL:new@x.example\r\nCATEGORIES:imported\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nameless@x.example\r\nEND:VCARD\r\n`;

function space() {
  const doc = new Y.Doc();
  const ana = add(doc, 'contacts', { name: 'Ana Lima', emails: ['ana@acme.example'], role: 'CTO' }, undefined, NOW);
  const bo = add(doc, 'contacts', { name: 'Bo' }, undefined, NOW);
  if (!ana.ok || !bo.ok) throw new Error('setup');
  return { doc, ana: ana.value, bo: bo.value };
}

function preview(doc: Y.Doc, text = FILE) {
  const parsed = parseFile('contacts.vcf', enc.encode(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return planImport(parsed.report.drafts, readAll(doc, 'contacts').items, parsed.report.invalid);
}

describe('import into the document', () => {
  it('the preview writes nothing', () => {
    const { doc } = space();
    const vector = Y.encodeStateVector(doc);
    const state = Y.encodeStateAsUpdate(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const plan = preview(doc);
    expect(plan.newPeople).toHaveLength(1);
    expect(plan.matches).toHaveLength(1);
    expect(plan.invalid).toEqual([{ line: 14, reason: 'This entry has no name.' }]);
    expect(Y.encodeStateVector(doc)).toEqual(vector);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(transactions).toBe(0);
  });

  it('creates the new, merges the matched, in one transaction with the import origin', () => {
    const { doc, ana } = space();
    const plan = preview(doc);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const done = applyImport(doc, plan, LATER);
    expect(origins).toHaveLength(1);
    expect((origins[0] as Origin).kind).toBe('import');
    expect(done.result.created).toHaveLength(1);
    expect(done.result.updated).toEqual([ana.id]);
    expect(done.result.rejected).toEqual([]);
    const merged = readOne(doc, 'contacts', ana.id)!;
    // The file's role replaces the one here, which is kept in Notes.
    expect(merged.role).toBe('CEO');
    expect(merged.organisation).toBe('Acme');
    expect(merged.emails).toEqual(['ana@acme.example']);
    expect(merged.notes).toBe('Before the import of 5 March 2026: Role — CTO');
    expect(merged.updatedAt).toBe(LATER.toISOString());
    const created = readOne(doc, 'contacts', done.result.created[0]!)!;
    expect(created).toMatchObject({ name: 'New Person', tags: ['imported'], createdAt: LATER.toISOString() });
  });

  it('undo takes the whole import back, exactly, and keeps later edits by others', () => {
    const { doc, bo } = space();
    const before = snapshot(doc);
    const done = applyImport(doc, preview(doc), LATER);
    expect(snapshot(doc)).not.toEqual(before);
    expect(done.undo()).toBe(true);
    expect(snapshot(doc)).toEqual(before);
    expect(done.undo()).toBe(false);

    const again = applyImport(doc, preview(doc), LATER);
    update(doc, 'contacts', bo.id, { role: 'Designer' }, undefined, LATER);
    again.undo();
    expect(readOne(doc, 'contacts', bo.id)!.role).toBe('Designer');
    expect(readAll(doc, 'contacts').items).toHaveLength(2);
  });

  it("an edit between preview and confirm is kept, never overwritten (the file's value goes to Notes)", () => {
    const { doc, ana } = space();
    const plan = preview(doc);
    update(
      doc,
      'contacts',
      ana.id,
      { organisation: 'Acme Holdings', emails: ['ana@acme.example', 'a@b.example'] },
      undefined,
      NOW,
    );
    applyImport(doc, plan, LATER);
    const now = readOne(doc, 'contacts', ana.id)!;
    expect(now.organisation).toBe('Acme Holdings');
    expect(now.emails).toEqual(['ana@acme.example', 'a@b.example']);
    expect(now.role).toBe('CEO');
    expect(now.notes).toBe('Before the import of 5 March 2026: Role — CTO\nImported: Organisation — Acme');
  });

  it('a matched person trashed before confirm comes in as new', () => {
    const { doc, ana } = space();
    const plan = preview(doc);
    collectionMap(doc, 'contacts').get(ana.id)!.set('deletedAt', NOW.toISOString());
    const done = applyImport(doc, plan, LATER);
    expect(done.result.created).toHaveLength(2);
    expect(done.result.updated).toEqual([]);
  });

  it('re-importing our own export changes nothing', () => {
    const { doc } = space();
    applyImport(doc, preview(doc), LATER);
    const before = snapshot(doc);
    const exported = writeVCards(readAll(doc, 'contacts').items);
    const plan = preview(doc, exported);
    expect(plan.newPeople).toEqual([]);
    expect(plan.matches.filter((m) => m.changes.length > 0)).toEqual([]);
    applyImport(doc, plan, LATER);
    expect(snapshot(doc)).toEqual(before);
  });

  it('2,000 people parse, plan and apply (their speed is bench/io.bench.ts)', () => {
    const doc = new Y.Doc();
    const cards = Array.from(
      { length: 2000 },
      (_, i) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@x.example\r\nEND:VCARD\r\n`,
    ).join('');
    const done = applyImport(doc, preview(doc, cards), LATER);
    expect(done.result.created).toHaveLength(2000);
  });
});
