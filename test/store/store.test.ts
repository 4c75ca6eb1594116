import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, type ContactId } from '../../src/model/index.ts';
import {
  collectionMap,
  add,
  INITIAL,
  metaMap,
  moveToTrash,
  prepareSchema,
  readAll,
  readMe,
  readOne,
  restoreFromTrash,
  runUndoable,
  SCHEMA_VERSION,
  toEntryMap,
  update,
  updateMe,
  watchCollection,
} from '../../src/store/index.ts';
import { minimalDrafts, NOW } from '../support/drafts.ts';

/** Two devices that have exchanged everything. */
function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

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

describe('store round trip', () => {
  for (const name of COLLECTION_NAMES) {
    it(`${name}: what is written reads back equal, in this document and in a synced one`, () => {
      const doc = new Y.Doc();
      const made = add(doc, name, minimalDrafts[name] as never, undefined, NOW);
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(readOne(doc, name, made.value.id as never)).toEqual(made.value);
      const other = new Y.Doc();
      syncBoth(doc, other);
      expect(readAll(other, name)).toEqual({ items: [made.value], problems: [] });
    });
  }

  it('stores a new entry as one item of its non-empty fields, so empty fields cost nothing', () => {
    const doc = new Y.Doc();
    const made = add(doc, 'contacts', { name: 'Ana', emails: [] }, undefined, NOW);
    if (!made.ok) throw new Error('create failed');
    const entry = collectionMap(doc, 'contacts').get(made.value.id)!;
    expect([...entry.keys()]).toEqual([INITIAL]);
    expect(JSON.parse(entry.get(INITIAL) as string)).toEqual({ name: 'Ana', createdAt: NOW.toISOString() });
  });

  it('an invalid draft writes nothing', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const r = add(doc, 'contacts', { name: '', emails: ['nope'] });
    expect(r.ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('an invalid update writes nothing and says why', () => {
    const doc = new Y.Doc();
    const made = add(doc, 'contacts', { name: 'Ana' });
    if (!made.ok) throw new Error('create failed');
    const before = Y.encodeStateVector(doc);
    const r = update(doc, 'contacts', made.value.id, { name: 'Ana', emails: ['ana@'] });
    expect(r).toMatchObject({ ok: false, error: { type: 'invalid' } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('clearing a field reads back as empty, here and on another device', () => {
    const doc = new Y.Doc();
    const made = add(doc, 'contacts', { name: 'Ana', role: 'CTO' });
    if (!made.ok) throw new Error('create failed');
    update(doc, 'contacts', made.value.id, { role: '', organisation: 'Acme' });
    update(doc, 'contacts', made.value.id, { organisation: '' });
    const other = new Y.Doc();
    syncBoth(doc, other);
    for (const d of [doc, other])
      expect(readOne(d, 'contacts', made.value.id)).toMatchObject({ role: '', organisation: '' });
    const entry = collectionMap(doc, 'contacts').get(made.value.id)!;
    // An initial value is hidden behind a null; an edit that was never initial is simply removed.
    expect(entry.get('role')).toBeNull();
    expect(entry.has('organisation')).toBe(false);
  });

  it('restores from the Trash an entry that was written already trashed, as a restored backup writes it', () => {
    const doc = new Y.Doc();
    const id = 'BBBBBBBBBBBBBBBBBBBBBB' as ContactId;
    collectionMap(doc, 'contacts').set(
      id,
      toEntryMap({ name: 'Gone', createdAt: NOW.toISOString(), deletedAt: NOW.toISOString() }),
    );
    expect(readOne(doc, 'contacts', id)?.deletedAt).toBe(NOW.toISOString());
    expect(restoreFromTrash(doc, 'contacts', id)).toBe(true);
    expect(readOne(doc, 'contacts', id)?.deletedAt).toBeNull();
  });

  it('reads entries of schema version 1, one key per field, and edits them', () => {
    const doc = new Y.Doc();
    const map = collectionMap(doc, 'contacts');
    const id = 'AAAAAAAAAAAAAAAAAAAAAA' as ContactId;
    map.set(
      id,
      new Y.Map<unknown>([
        ['name', 'Ana'],
        ['role', 'CTO'],
        ['createdAt', NOW.toISOString()],
      ]),
    );
    expect(readOne(doc, 'contacts', id)).toMatchObject({ id, name: 'Ana', role: 'CTO', createdAt: NOW.toISOString() });
    update(doc, 'contacts', id, { role: '' });
    expect(map.get(id)!.has('role')).toBe(false);
    expect(readOne(doc, 'contacts', id)?.role).toBe('');
  });

  it('the user card round-trips and rejects a malformed email', () => {
    const doc = new Y.Doc();
    expect(updateMe(doc, { name: 'Sam', emails: ['sam@example.org'] }).ok).toBe(true);
    expect(readMe(doc)).toMatchObject({ ok: true, value: { name: 'Sam', emails: ['sam@example.org'] } });
    expect(updateMe(doc, { emails: ['sam@'] }).ok).toBe(false);
    expect(readMe(doc)).toMatchObject({ ok: true, value: { emails: ['sam@example.org'] } });
  });
});

describe('concurrent edits on two devices', () => {
  function twoDevicesWithAna() {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const made = add(a, 'contacts', { name: 'Ana', role: 'Engineer' });
    if (!made.ok) throw new Error('create failed');
    syncBoth(a, b);
    return { a, b, id: made.value.id };
  }

  it('edits to different fields of one contact both survive', () => {
    const { a, b, id } = twoDevicesWithAna();
    update(a, 'contacts', id, { role: 'CTO' });
    update(b, 'contacts', id, { organisation: 'Acme', tags: ['climate'] });
    syncBoth(a, b);
    for (const doc of [a, b]) {
      expect(readOne(doc, 'contacts', id)).toMatchObject({
        name: 'Ana',
        role: 'CTO',
        organisation: 'Acme',
        tags: ['climate'],
      });
    }
    expect(sortedJson(a.toJSON())).toEqual(sortedJson(b.toJSON()));
  });

  it('a delete on one device and an edit on the other: in the Trash with the edit kept, and restorable', () => {
    const { a, b, id } = twoDevicesWithAna();
    moveToTrash(a, 'contacts', id);
    update(b, 'contacts', id, { notes: 'Met at KubeCon, loves Rust' });
    syncBoth(a, b);
    for (const doc of [a, b]) {
      const ana = readOne(doc, 'contacts', id);
      expect(ana?.deletedAt).not.toBeNull();
      expect(ana?.notes).toBe('Met at KubeCon, loves Rust');
    }
    restoreFromTrash(b, 'contacts', id);
    syncBoth(a, b);
    expect(readOne(a, 'contacts', id)).toMatchObject({ deletedAt: null, notes: 'Met at KubeCon, loves Rust' });
  });
});

describe('reading what a buggy or older device wrote', () => {
  it('skips and reports a malformed entry, and reads the rest', () => {
    const doc = new Y.Doc();
    const good = add(doc, 'contacts', { name: 'Ana' });
    if (!good.ok) throw new Error('create failed');
    const map = collectionMap(doc, 'contacts');
    doc.transact(() => {
      map.set(
        'badEmail0001',
        new Y.Map<unknown>([
          ['name', 'Bo'],
          ['emails', 'not-a-list'],
          ['createdAt', NOW.toISOString()],
        ]),
      );
      map.set('noName000001', new Y.Map<unknown>([['createdAt', NOW.toISOString()]]));
      map.set(
        'bad key!',
        new Y.Map<unknown>([
          ['name', 'Cy'],
          ['createdAt', NOW.toISOString()],
        ]),
      );
      map.set('notAMap00001', 'just a string' as never);
      map.set('notJson00001', new Y.Map<unknown>([[INITIAL, '{"name": "Di",']]));
      map.set('jsonList0001', new Y.Map<unknown>([[INITIAL, '["Ed"]']]));
      map.set('notText00001', new Y.Map<unknown>([[INITIAL, { name: 'Flo', createdAt: NOW.toISOString() }]]));
    });
    const { items, problems } = readAll(doc, 'contacts');
    expect(items.map((c) => c.name)).toEqual(['Ana']);
    expect(problems.map((p) => p.id).sort()).toEqual([
      'bad key!',
      'badEmail0001',
      'jsonList0001',
      'noName000001',
      'notAMap00001',
      'notJson00001',
      'notText00001',
    ]);
    expect(problems.find((p) => p.id === 'noName000001')?.errors[0]?.message).toBe('Name is required.');
    expect(readOne(doc, 'contacts', 'badEmail0001' as ContactId)).toBeNull();
  });
});

describe('schema version', () => {
  it('stamps a new document with the current version', () => {
    const doc = new Y.Doc();
    expect(prepareSchema(doc)).toEqual({ state: 'current', version: SCHEMA_VERSION });
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('leaves a document from a newer version untouched and says so', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateVector(doc);
    expect(prepareSchema(doc)).toEqual({ state: 'newer', version: SCHEMA_VERSION + 1 });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('undoable operations', () => {
  it('undo takes back exactly the operation, keeping edits made by others meanwhile', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ana = add(a, 'contacts', { name: 'Ana' });
    if (!ana.ok) throw new Error('create failed');
    syncBoth(a, b);
    const op = runUndoable(a, 'import', (origin) => {
      add(a, 'contacts', { name: 'Imported One' }, origin);
      update(a, 'contacts', ana.value.id, { role: 'From import' }, origin);
    });
    update(b, 'contacts', ana.value.id, { notes: 'edited on the phone' });
    syncBoth(a, b);
    expect(op.undo()).toBe(true);
    syncBoth(a, b);
    const names = readAll(b, 'contacts').items.map((c) => c.name);
    expect(names).toEqual(['Ana']);
    expect(readOne(b, 'contacts', ana.value.id)).toMatchObject({ role: '', notes: 'edited on the phone' });
  });
});

describe('watching a collection', () => {
  it('reports creates, edits and trash without re-reading untouched entries', () => {
    const doc = new Y.Doc();
    const views: string[][] = [];
    const stop = watchCollection(doc, 'contacts', (v) =>
      views.push(
        v.items
          .filter((c) => !c.deletedAt)
          .map((c) => c.name)
          .sort(),
      ),
    );
    const ana = add(doc, 'contacts', { name: 'Ana' });
    add(doc, 'contacts', { name: 'Bo' });
    if (!ana.ok) throw new Error('create failed');
    update(doc, 'contacts', ana.value.id, { name: 'Ana Lima' });
    moveToTrash(doc, 'contacts', ana.value.id);
    stop();
    add(doc, 'contacts', { name: 'Cy' });
    expect(views).toEqual([[], ['Ana'], ['Ana', 'Bo'], ['Ana Lima', 'Bo'], ['Bo']]);
  });
});
