import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, type ContactId } from '../../src/model/index.ts';
import { collectionMap, add, LOCAL, readAll, readOne, update, type Origin } from '../../src/store/index.ts';
import { mergeContactGroupsInDoc, mergeContactGroupsInSteps, mergeContactsInDoc } from '../../src/store/merge.ts';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const MERGE_TIME = new Date('2026-03-05T10:00:00.000Z');
const RELAY: Origin = { kind: 'relay' };

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
const documentJson = (doc: Y.Doc) =>
  sortedJson(Object.fromEntries(COLLECTION_NAMES.map((n) => [n, collectionMap(doc, n).toJSON()])));

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Two records of Ana, everything that can point at a person pointing at the duplicate, and bystanders. */
function space() {
  const doc = new Y.Doc();
  const keep = must(
    add(doc, 'contacts', { name: 'Ana López', role: 'CTO', emails: ['ana@acme.com'], cadenceDays: 60 }, LOCAL, NOW),
  );
  const drop = must(
    add(
      doc,
      'contacts',
      {
        name: 'Ana Lopez',
        role: 'VP',
        emails: ['ana@home.org'],
        metOn: '2025-01-10',
        cadenceDays: 30,
        tags: ['climbing'],
      },
      LOCAL,
      NOW,
    ),
  );
  const ben = must(add(doc, 'contacts', { name: 'Ben', introducedById: drop.id }, LOCAL, NOW));
  const cat = must(add(doc, 'contacts', { name: 'Cat' }, LOCAL, NOW));
  const onlyDrop = must(
    add(
      doc,
      'interactions',
      { at: '2026-02-01T10:00:00.000Z', contactIds: [drop.id], followUpOn: '2026-02-03' },
      LOCAL,
      NOW,
    ),
  );
  const both = must(
    add(doc, 'interactions', { at: '2026-02-02T10:00:00.000Z', contactIds: [drop.id, keep.id, cat.id] }, LOCAL, NOW),
  );
  const other = must(add(doc, 'interactions', { at: '2026-02-03T10:00:00.000Z', contactIds: [cat.id] }, LOCAL, NOW));
  const gift = must(add(doc, 'ledger', { contactId: drop.id, direction: 'received' }, LOCAL, NOW));
  const intro = must(
    add(doc, 'introductions', { introducerId: drop.id, personAId: ben.id, personBId: cat.id }, LOCAL, NOW),
  );
  const intro2 = must(add(doc, 'introductions', { personAId: drop.id, personBId: ben.id }, LOCAL, NOW));
  const act = must(add(doc, 'actions', { title: 'Offer Ana a review', contactId: drop.id }, LOCAL, NOW));
  const goal = must(add(doc, 'objectives', { title: 'Launch the climate fund' }, LOCAL, NOW));
  const stake = must(
    add(doc, 'stakes', { contactId: drop.id, objectiveId: goal.id, power: 80, interest: 70 }, LOCAL, NOW),
  );
  return { doc, keep, drop, ben, cat, onlyDrop, both, other, gift, intro, intro2, act, goal, stake };
}

describe('mergeContactsInDoc', () => {
  test('the kept record takes the merged values and everything points at it', () => {
    const s = space();
    const undoable = must(mergeContactsInDoc(s.doc, s.keep.id, s.drop.id, { now: MERGE_TIME }));
    expect(undoable.result.repointed).toEqual({
      interactions: 2,
      ledger: 1,
      introductions: 2,
      actions: 1,
      contacts: 1,
      stakes: 1,
    });
    expect(readOne(s.doc, 'stakes', s.stake.id)?.contactId).toBe(s.keep.id);

    const keep = readOne(s.doc, 'contacts', s.keep.id)!;
    expect(keep.role).toBe('CTO');
    expect(keep.emails).toEqual(['ana@acme.com', 'ana@home.org']);
    expect(keep.tags).toEqual(['climbing']);
    expect(keep.metOn).toBe('2025-01-10');
    expect(keep.cadenceDays).toBe(30);
    expect(keep.notes).toContain('Also: Role — VP');
    expect(keep.notes).toContain('Also: Name — Ana Lopez');
    expect(keep.deletedAt).toBeNull();

    const drop = readOne(s.doc, 'contacts', s.drop.id)!;
    expect(drop.mergedIntoId).toBe(s.keep.id);
    expect(drop.deletedAt).toBe(MERGE_TIME.toISOString());

    expect(readOne(s.doc, 'interactions', s.onlyDrop.id)?.contactIds).toEqual([s.keep.id]);
    expect(readOne(s.doc, 'interactions', s.both.id)?.contactIds).toEqual([s.keep.id, s.cat.id]);
    expect(readOne(s.doc, 'interactions', s.other.id)?.contactIds).toEqual([s.cat.id]);
    expect(readOne(s.doc, 'ledger', s.gift.id)?.contactId).toBe(s.keep.id);
    expect(readOne(s.doc, 'introductions', s.intro.id)?.introducerId).toBe(s.keep.id);
    expect(readOne(s.doc, 'introductions', s.intro2.id)?.personAId).toBe(s.keep.id);
    expect(readOne(s.doc, 'actions', s.act.id)?.contactId).toBe(s.keep.id);
    expect(readOne(s.doc, 'contacts', s.ben.id)?.introducedById).toBe(s.keep.id);
    // nothing malformed was written
    for (const name of COLLECTION_NAMES) expect(readAll(s.doc, name).problems).toEqual([]);
  });

  test('undo restores the document exactly', () => {
    const s = space();
    const before = documentJson(s.doc);
    const undoable = must(mergeContactsInDoc(s.doc, s.keep.id, s.drop.id, { now: MERGE_TIME }));
    expect(documentJson(s.doc)).not.toEqual(before);
    expect(undoable.undo()).toBe(true);
    expect(documentJson(s.doc)).toEqual(before);
    expect(undoable.undo()).toBe(false);
  });

  test('undo takes back only the merge: an edit made since stays', () => {
    const s = space();
    const undoable = must(mergeContactsInDoc(s.doc, s.keep.id, s.drop.id, { now: MERGE_TIME }));
    must(update(s.doc, 'contacts', s.cat.id, { role: 'Designer' }, LOCAL, MERGE_TIME));
    undoable.undo();
    expect(readOne(s.doc, 'contacts', s.cat.id)?.role).toBe('Designer');
    expect(readOne(s.doc, 'contacts', s.drop.id)?.mergedIntoId).toBeNull();
    expect(readOne(s.doc, 'interactions', s.onlyDrop.id)?.contactIds).toEqual([s.drop.id]);
  });

  test('two devices converge on the merge, on concurrent edits, and on its undo', () => {
    const s = space();
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(s.doc), RELAY);
    const exchange = () => {
      const toPhone = Y.encodeStateAsUpdate(s.doc, Y.encodeStateVector(phone));
      const toLaptop = Y.encodeStateAsUpdate(phone, Y.encodeStateVector(s.doc));
      Y.applyUpdate(phone, toPhone, RELAY);
      Y.applyUpdate(s.doc, toLaptop, RELAY);
    };

    const undoable = must(mergeContactsInDoc(s.doc, s.keep.id, s.drop.id, { now: MERGE_TIME }));
    // meanwhile, offline, the phone edits the kept person and logs an interaction with Cat
    must(update(phone, 'contacts', s.keep.id, { location: 'Lisbon' }, LOCAL, MERGE_TIME));
    const logged = must(
      add(phone, 'interactions', { at: '2026-03-04T09:00:00.000Z', contactIds: [s.cat.id] }, LOCAL, MERGE_TIME),
    );
    exchange();
    expect(documentJson(phone)).toEqual(documentJson(s.doc));
    const merged = readOne(phone, 'contacts', s.keep.id)!;
    expect(merged.location).toBe('Lisbon');
    expect(merged.emails).toEqual(['ana@acme.com', 'ana@home.org']);
    expect(readOne(phone, 'contacts', s.drop.id)?.mergedIntoId).toBe(s.keep.id);

    undoable.undo();
    exchange();
    expect(documentJson(phone)).toEqual(documentJson(s.doc));
    const restored = readOne(phone, 'contacts', s.keep.id)!;
    expect(restored.emails).toEqual(['ana@acme.com']);
    expect(restored.location).toBe('Lisbon'); // the phone's edit survives the undo
    expect(readOne(phone, 'contacts', s.drop.id)?.deletedAt).toBeNull();
    expect(readOne(phone, 'interactions', s.onlyDrop.id)?.contactIds).toEqual([s.drop.id]);
    expect(readOne(phone, 'interactions', logged.id)).not.toBeNull();
  });

  test('refuses to keep a person who is in the Trash', () => {
    const s = space();
    must(update(s.doc, 'contacts', s.cat.id, {}, LOCAL, NOW));
    const trashedAt = '2026-03-02T00:00:00.000Z';
    collectionMap(s.doc, 'contacts').get(s.cat.id)?.set('deletedAt', trashedAt);
    expect(mergeContactsInDoc(s.doc, s.cat.id, s.keep.id)).toEqual({
      ok: false,
      error: { type: 'in-trash', id: s.cat.id },
    });
    // a trashed duplicate may still be merged into a live person
    expect(mergeContactsInDoc(s.doc, s.keep.id, s.cat.id).ok).toBe(true);
  });

  test('refuses to merge a person into themselves, an unknown person, or one already merged', () => {
    const s = space();
    expect(mergeContactsInDoc(s.doc, s.keep.id, s.keep.id)).toEqual({ ok: false, error: { type: 'same-person' } });
    const ghost = 'ghost-person-id' as ContactId;
    expect(mergeContactsInDoc(s.doc, s.keep.id, ghost)).toEqual({ ok: false, error: { type: 'not-found', id: ghost } });
    must(mergeContactsInDoc(s.doc, s.keep.id, s.drop.id));
    expect(mergeContactsInDoc(s.doc, s.cat.id, s.drop.id)).toEqual({
      ok: false,
      error: { type: 'already-merged', id: s.drop.id },
    });
    // the dropped record is now in the Trash: it cannot be the one kept
    expect(mergeContactsInDoc(s.doc, s.drop.id, s.cat.id)).toMatchObject({ ok: false });
    const before = documentJson(s.doc);
    mergeContactsInDoc(s.doc, s.drop.id, s.cat.id);
    expect(documentJson(s.doc)).toEqual(before);
  });
});

describe('merging many groups at once ("merge all sure matches")', () => {
  /** Three records of Ana and two of Ben, with interactions, a ledger entry and an introduction pointing at the ones that go. */
  function crowd() {
    const doc = new Y.Doc();
    const person = (name: string, emails: string[]) => must(add(doc, 'contacts', { name, emails }, LOCAL, NOW));
    const ana = [
      person('Ana Lima', ['ana@acme.com']),
      person('Ana L.', ['ana@acme.com']),
      person('A. Lima', ['ana@home.org']),
    ];
    const ben = [person('Ben Carter', ['ben@x.org']), person('Benjamin Carter', ['ben@x.org'])];
    const cat = person('Cat', []);
    must(
      add(
        doc,
        'interactions',
        { at: '2026-02-01T10:00:00.000Z', contactIds: [ana[1]!.id, ana[2]!.id, ben[1]!.id] },
        LOCAL,
        NOW,
      ),
    );
    must(add(doc, 'ledger', { contactId: ana[2]!.id, direction: 'gave' }, LOCAL, NOW));
    must(add(doc, 'introductions', { introducerId: ben[1]!.id, personAId: ana[1]!.id, personBId: cat.id }, LOCAL, NOW));
    const groups = [
      { keepId: ana[0]!.id, dropIds: [ana[1]!.id, ana[2]!.id] },
      { keepId: ben[0]!.id, dropIds: [ben[1]!.id] },
    ];
    return { doc, ana, ben, cat, groups };
  }
  const live = (doc: Y.Doc) =>
    readAll(doc, 'contacts')
      .items.filter((c) => c.deletedAt === null)
      .map((c) => c.name)
      .sort();

  test('every group goes into its kept record, every reference follows, and one undo takes all of it back', () => {
    const { doc, ana, ben, cat, groups } = crowd();
    const before = documentJson(doc);
    const r = mergeContactGroupsInDoc(doc, groups, { now: MERGE_TIME });
    expect(r.result.merged).toBe(3);
    expect(live(doc)).toEqual(['Ana Lima', 'Ben Carter', 'Cat']);
    expect(readOne(doc, 'contacts', ana[0]!.id)?.emails.sort()).toEqual(['ana@acme.com', 'ana@home.org']);
    expect(readAll(doc, 'interactions').items[0]?.contactIds.sort()).toEqual([ana[0]!.id, ben[0]!.id].sort());
    expect(readAll(doc, 'ledger').items[0]?.contactId).toBe(ana[0]!.id);
    expect(readAll(doc, 'introductions').items[0]).toMatchObject({
      introducerId: ben[0]!.id,
      personAId: ana[0]!.id,
      personBId: cat.id,
    });
    expect(r.undo()).toBe(true);
    expect(documentJson(doc)).toEqual(before);
  });

  test('in steps of one group: the same document as at once, and one undo for all the steps', async () => {
    const once = crowd();
    mergeContactGroupsInDoc(once.doc, once.groups, { now: MERGE_TIME });
    const stepped = crowd();
    const before = documentJson(stepped.doc);
    const progress: number[] = [];
    const r = await mergeContactGroupsInSteps(stepped.doc, stepped.groups, {
      stepSize: 1,
      now: MERGE_TIME,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2]);
    expect(r.result.merged).toBe(3);
    const shape = (doc: Y.Doc) =>
      readAll(doc, 'contacts')
        .items.map((c) => [c.name, c.emails.slice().sort(), c.deletedAt !== null])
        .sort();
    expect(shape(stepped.doc)).toEqual(shape(once.doc));
    r.undo();
    expect(documentJson(stepped.doc)).toEqual(before);
  });

  test('a record merged or trashed since is skipped, not merged twice', () => {
    const { doc, ana, groups } = crowd();
    must(mergeContactsInDoc(doc, ana[0]!.id, ana[1]!.id, { now: MERGE_TIME }));
    expect(mergeContactGroupsInDoc(doc, groups, { now: MERGE_TIME }).result.merged).toBe(2);
    expect(live(doc)).toEqual(['Ana Lima', 'Ben Carter', 'Cat']);
  });
});
