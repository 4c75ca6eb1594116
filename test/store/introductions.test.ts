/** Introductions in the document: older entries, made → give and take in one undoable step, on two devices at once, outcome, follow-up, dismissals. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContactId, IntroductionId } from '../../src/model/index.ts';
import { computeBalances, introductionKey } from '../../src/model/rules/index.ts';
import {
  collectionMap,
  add,
  dismissIntroduction,
  followUpIntroduction,
  markIntroductionMade,
  newEntryMap,
  prepareSchema,
  readAll,
  readDismissed,
  readOne,
  setIntroductionOutcome,
  startIntroduction,
  undismissIntroduction,
} from '../../src/store/index.ts';

const NOW = new Date('2026-03-05T09:00:00Z');
const TODAY = '2026-03-05';
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function network() {
  const doc = new Y.Doc();
  prepareSchema(doc);
  const [ana, tom, kwame] = ['Ana Lima', 'Tom Reyes', 'Kwame Mensah'].map(
    (name) => must(add(doc, 'contacts', { name })).id,
  ) as [ContactId, ContactId, ContactId];
  return { doc, ana, tom, kwame };
}

const liveLedger = (doc: Y.Doc) => readAll(doc, 'ledger').items.filter((e) => e.deletedAt === null);

describe('introductions stored by the older shape', () => {
  it('read as valid made introductions, and can be given an outcome', () => {
    const { doc, ana, tom } = network();
    const id = 'intro-from-an-old-device' as IntroductionId;
    // What an older version wrote: no stage, no asked date, no outcome.
    doc.transact(() =>
      collectionMap(doc, 'introductions').set(
        id,
        newEntryMap({ personAId: ana, personBId: tom, on: '2025-11-20', createdAt: '2025-11-20T18:00:00.000Z' }),
      ),
    );
    const { items, problems } = readAll(doc, 'introductions');
    expect(problems).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id,
      stage: 'made',
      on: '2025-11-20',
      askedOn: null,
      outcome: '',
      outcomeOn: null,
    });
    must(setIntroductionOutcome(doc, id, 'helped', TODAY, NOW));
    expect(readOne(doc, 'introductions', id)).toMatchObject({ outcome: 'helped', outcomeOn: TODAY, on: '2025-11-20' });
    // Reading it did not write give-and-take entries for the past.
    expect(liveLedger(doc)).toEqual([]);
  });
});

describe('moving an introduction to made', () => {
  it('writes a give to each side in the same step, and Undo takes both back', () => {
    const { doc, ana, tom } = network();
    const started = must(startIntroduction(doc, { personAId: ana, personBId: tom }, '2026-03-02', NOW));
    const id = started.result.id;
    expect(readOne(doc, 'introductions', id)).toMatchObject({ stage: 'asked', askedOn: '2026-03-02', on: null });
    expect(liveLedger(doc)).toEqual([]);

    const made = must(markIntroductionMade(doc, id, TODAY, NOW));
    expect(made.result).toMatchObject({ stage: 'made', on: TODAY });
    const ledger = liveLedger(doc);
    expect(
      ledger.map((e) => [e.contactId, e.direction, e.kind, e.status, e.on, e.description, e.introductionId]).sort(),
    ).toEqual(
      [
        [ana, 'gave', 'introduction', 'done', TODAY, 'Introduced to Tom Reyes', id],
        [tom, 'gave', 'introduction', 'done', TODAY, 'Introduced to Ana Lima', id],
      ].sort(),
    );
    const balances = computeBalances(ledger, readAll(doc, 'contacts').items);
    expect(balances.byPerson.get(ana)).toMatchObject({ gave: 1, received: 0 });
    expect(balances.byPerson.get(tom)).toMatchObject({ gave: 1, received: 0 });

    expect(made.undo()).toBe(true);
    expect(readOne(doc, 'introductions', id)).toMatchObject({ stage: 'asked', on: null });
    expect(liveLedger(doc)).toEqual([]);
  });

  it('made by someone else for me: a take from them', () => {
    const { doc, ana, tom, kwame } = network();
    const id = must(startIntroduction(doc, { personAId: ana, personBId: tom, introducerId: kwame }, TODAY, NOW)).result
      .id;
    must(markIntroductionMade(doc, id, TODAY, NOW));
    expect(liveLedger(doc).map((e) => [e.contactId, e.direction, e.description])).toEqual([
      [kwame, 'received', 'Introduced Ana Lima to Tom Reyes'],
    ]);
  });

  it('made on two devices at once counts once after they meet', () => {
    const { doc: phone, ana, tom } = network();
    const id = must(startIntroduction(phone, { personAId: ana, personBId: tom }, TODAY, NOW)).result.id;
    const laptop = new Y.Doc();
    sync(phone, laptop);
    must(markIntroductionMade(phone, id, TODAY, NOW));
    must(markIntroductionMade(laptop, id, '2026-03-06', new Date('2026-03-06T10:00:00Z')));
    sync(phone, laptop);
    sync(laptop, phone);
    for (const doc of [phone, laptop]) {
      expect(liveLedger(doc)).toHaveLength(2);
      expect(computeBalances(liveLedger(doc), readAll(doc, 'contacts').items).totals.gave).toBe(2);
    }
  });

  it('only once, never with the same person twice or an introducer on a side, and an outcome only once made', () => {
    const { doc, ana, tom } = network();
    expect(startIntroduction(doc, { personAId: ana, personBId: ana }, TODAY, NOW)).toEqual({
      ok: false,
      error: { type: 'problem', problem: { type: 'SamePerson' } },
    });
    expect(startIntroduction(doc, { personAId: ana, personBId: tom, introducerId: tom }, TODAY, NOW).ok).toBe(false);
    expect(readAll(doc, 'introductions').items).toEqual([]);
    const id = must(startIntroduction(doc, { personAId: ana, personBId: tom }, TODAY, NOW)).result.id;
    expect(setIntroductionOutcome(doc, id, 'met', TODAY, NOW)).toEqual({
      ok: false,
      error: { type: 'problem', problem: { type: 'NotMadeYet' } },
    });
    must(markIntroductionMade(doc, id, TODAY, NOW));
    expect(markIntroductionMade(doc, id, TODAY, NOW)).toEqual({
      ok: false,
      error: { type: 'problem', problem: { type: 'AlreadyMade' } },
    });
    expect(liveLedger(doc)).toHaveLength(2);
  });

  it('started as made: the gives are written at once', () => {
    const { doc, ana, tom } = network();
    must(startIntroduction(doc, { personAId: ana, personBId: tom, stage: 'made' }, TODAY, NOW));
    expect(liveLedger(doc)).toHaveLength(2);
  });
});

describe('after it is made', () => {
  it('the follow-up with both sides is one interaction, due a week later; Undo removes it', () => {
    const { doc, ana, tom } = network();
    const id = must(startIntroduction(doc, { personAId: ana, personBId: tom, stage: 'made' }, TODAY, NOW)).result.id;
    const fu = must(followUpIntroduction(doc, id, NOW));
    expect(fu.result).toBe('2026-03-12');
    const [interaction] = readAll(doc, 'interactions').items;
    expect(interaction).toMatchObject({
      contactIds: [ana, tom],
      channel: 'email',
      followUpOn: '2026-03-12',
      followUpDone: false,
      at: NOW.toISOString(),
    });
    fu.undo();
    expect(readAll(doc, 'interactions').items).toEqual([]);
  });

  it('an outcome is recorded with its day and can be undone', () => {
    const { doc, ana, tom } = network();
    const id = must(startIntroduction(doc, { personAId: ana, personBId: tom, stage: 'made' }, TODAY, NOW)).result.id;
    const op = must(setIntroductionOutcome(doc, id, 'nothing', '2026-04-01', NOW));
    expect(readOne(doc, 'introductions', id)).toMatchObject({ outcome: 'nothing', outcomeOn: '2026-04-01' });
    op.undo();
    expect(readOne(doc, 'introductions', id)).toMatchObject({ outcome: '', outcomeOn: null });
  });
});

describe('dismissing a suggested introduction', () => {
  it('is kept in the same map as helper dismissals, whichever way round, syncs, and is undone only by its own mark', () => {
    const { doc, ana, tom } = network();
    const at = dismissIntroduction(doc, tom, ana, undefined, NOW);
    expect(readDismissed(doc)).toEqual(new Set([introductionKey(ana, tom)]));
    const other = new Y.Doc();
    sync(doc, other);
    expect(readDismissed(other).has(introductionKey(tom, ana))).toBe(true);
    // Dismissed again on the other device later: the first Undo does not bring it back.
    const later = dismissIntroduction(other, ana, tom, undefined, new Date('2026-03-06T09:00:00Z'));
    sync(other, doc);
    undismissIntroduction(doc, ana, tom, at);
    expect(readDismissed(doc).has(introductionKey(ana, tom))).toBe(true);
    undismissIntroduction(doc, ana, tom, later);
    expect(readDismissed(doc).size).toBe(0);
  });
});
