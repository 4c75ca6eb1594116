import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../src/model/index.ts';
import {
  collectionMap,
  add,
  markNotDuplicates,
  meMap,
  metaMap,
  moveToTrash,
  prepareSchema,
  readAll,
  readNotDuplicates,
  SCHEMA_VERSION,
  update,
  updateMe,
} from '../../src/store/index.ts';
import { exportBackup, restoreBackup } from '../../src/store/backup.ts';
import { backupToJson, parseBackup } from '../../src/io/backup.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { minimalDrafts, NOW } from '../support/drafts.ts';

const LATER = new Date('2026-03-05T11:30:00.000Z');

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
/** What the space holds, as the store reads it (a restore writes each entity as one item, so the items differ). */
const documentJson = (doc: Y.Doc) =>
  sortedJson({
    ...Object.fromEntries(
      COLLECTION_NAMES.map((n) => [n, readAll(doc, n).items.sort((a, b) => a.id.localeCompare(b.id))]),
    ),
    me: meMap(doc).toJSON(),
    meta: metaMap(doc).toJSON(),
  });

/** A space with something in every collection, an edited entry and a trashed one. */
function fullSpace() {
  const doc = new Y.Doc();
  prepareSchema(doc);
  for (const name of COLLECTION_NAMES) {
    const made = add(doc, name, minimalDrafts[name] as never, undefined, NOW);
    if (!made.ok) throw new Error(name);
  }
  const ana = add(
    doc,
    'contacts',
    {
      name: 'Ana Lima',
      emails: ['ana@acme.example'],
      tags: ['rust'],
      birthday: '--03-15',
      cadenceDays: 30,
      notes: 'multi\nline',
    },
    undefined,
    NOW,
  );
  const gone = add(doc, 'contacts', { name: 'Gone' }, undefined, NOW);
  if (!ana.ok || !gone.ok) throw new Error('setup');
  update(doc, 'contacts', ana.value.id, { role: 'CTO' }, undefined, LATER);
  moveToTrash(doc, 'contacts', gone.value.id, undefined, LATER);
  markNotDuplicates(doc, ana.value.id, gone.value.id);
  updateMe(doc, { name: 'Me Myself', emails: ['me@x.example'], headline: 'I build things' });
  return doc;
}

describe('backup and restore', () => {
  it('restoring into an empty space gives back exactly what was there (ids, timestamps, trash, me, schema)', () => {
    const source = fullSpace();
    const { backup, problems } = exportBackup(source, LATER);
    expect(problems).toEqual([]);
    expect(backup.collections.contacts).toHaveLength(3);
    expect(backup.collections.contacts.filter((c) => c.deletedAt === LATER.toISOString())).toHaveLength(1);

    const text = backupToJson(backup);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.problems).toEqual([]);

    const target = new Y.Doc();
    const restored = restoreBackup(target, parsed.value.backup);
    expect(restored.ok).toBe(true);
    expect(documentJson(target)).toEqual(documentJson(source));
    expect(backup.notDuplicates).toHaveLength(1);
    expect(readNotDuplicates(target)).toEqual(readNotDuplicates(source));
    const again = exportBackup(target, LATER).backup;
    expect(sortedJson(again)).toEqual(sortedJson(backup));
  });

  it('the backup file goes through parseFile as a backup, people available for merging', () => {
    const { backup } = exportBackup(fullSpace(), LATER);
    const r = parseFile('rapport-backup.json', new TextEncoder().encode(backupToJson(backup)));
    if (!r.ok || r.format !== 'rapport-backup') throw new Error('not a backup');
    // Live people only; the trashed one stays in the backup.
    expect(r.report.drafts.map((d) => d.values.name).sort()).toEqual(['Ana', 'Ana Lima']);
    expect(r.backup.collections.contacts).toHaveLength(3);
  });

  it('restore refuses a space that is not empty, and a backup from a newer schema', () => {
    const { backup } = exportBackup(fullSpace(), LATER);
    const busy = new Y.Doc();
    add(busy, 'contacts', { name: 'Someone' });
    const r = restoreBackup(busy, backup);
    expect(r).toEqual({ ok: false, error: { type: 'not-empty', message: expect.stringMatching(/empty space/) } });
    const newer = restoreBackup(new Y.Doc(), { ...backup, schemaVersion: SCHEMA_VERSION + 1 });
    expect(newer).toMatchObject({ ok: false, error: { type: 'newer-schema' } });
  });

  it('a restore can be undone as a whole', () => {
    const { backup } = exportBackup(fullSpace(), LATER);
    const target = new Y.Doc();
    const r = restoreBackup(target, backup);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.result.contacts).toBe(3);
    r.value.undo();
    for (const name of COLLECTION_NAMES) expect(collectionMap(target, name).size).toBe(0);
    expect(meMap(target).size).toBe(0);
    expect(readNotDuplicates(target).size).toBe(0);
  });

  it('parseBackup reports every invalid entity with its place and keeps the rest', () => {
    const { backup } = exportBackup(fullSpace(), LATER);
    const raw = JSON.parse(backupToJson(backup));
    raw.collections.contacts.push({ id: 'bad', name: '' }, 'not a record', { ...raw.collections.contacts[0] });
    raw.collections.actions[0].status = 42; // not an option a newer version could have added: those are kept
    raw.collections.bogus = 'not a list';
    raw.me.emails = ['not an email'];
    raw.notDuplicates.push('not a pair', 42);
    const parsed = parseBackup(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { problems, backup: b } = parsed.value;
    expect(b.collections.contacts).toHaveLength(3);
    expect(b.collections.actions).toHaveLength(0);
    expect(b.me.emails).toEqual([]);
    expect(b.me.name).toBe('Me Myself');
    expect(problems.map((p) => [p.collection, p.index])).toEqual([
      ['file', 0],
      ['contacts', 4],
      ['contacts', 5],
      ['contacts', 6],
      ['actions', 1],
      ['me', 0],
      ['file', 0],
    ]);
    expect(problems[6]!.reason).toMatch(/2 “not the same person” pairs were unreadable/);
    expect(b.notDuplicates).toHaveLength(1);
    expect(problems[1]!.reason).toMatch(/id is missing or malformed.*Name is required/);
    expect(problems[3]!.reason).toMatch(/same id/);
  });

  fcTest.prop([fc.jsonValue()], { numRuns: 300 })('parseBackup never throws on any JSON', (value) => {
    const text = JSON.stringify({
      format: 'rapport-backup',
      schemaVersion: 1,
      collections: { contacts: [value], events: value },
      me: value,
    });
    expect(() => parseBackup(text)).not.toThrow();
    expect(() => parseBackup(JSON.stringify(value))).not.toThrow();
  });
});
