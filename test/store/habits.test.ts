import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContactId } from '../../src/model/index.ts';
import { computeToday, followUpsClosedBy, planFollowUp, snoozeChanges } from '../../src/model/rules/index.ts';
import {
  applyFollowUpPlan,
  applySnooze,
  add,
  logInteraction,
  readAll,
  readOne,
  runUndoable,
} from '../../src/store/index.ts';

const ZONE = 'UTC';

function network() {
  const doc = new Y.Doc();
  const mei = add(doc, 'contacts', { name: 'Mei Lin', metOn: '2026-03-02' });
  if (!mei.ok) throw new Error('person');
  const id = mei.value.id as ContactId;
  const captured = add(doc, 'interactions', {
    at: '2026-03-02T19:00:00.000Z',
    contactIds: [id],
    followUpOn: '2026-03-04',
    notes: 'ping re: portfolio jobs',
  });
  const other = add(doc, 'interactions', {
    at: '2026-03-01T10:00:00.000Z',
    contactIds: [id],
    followUpOn: '2026-03-05',
  });
  if (!captured.ok || !other.ok) throw new Error('interactions');
  return { doc, id, captured: captured.value, other: other.value };
}

describe('logging closes what it answers, in one step', () => {
  it('marks the closed follow-ups done and the kept one kept open, in one transaction', () => {
    const { doc, id, captured, other } = network();
    const at = '2026-03-03T08:00:00.000Z';
    const closing = followUpsClosedBy({ at, contactIds: [id] }, readAll(doc, 'interactions').items, ZONE);
    expect(closing.map((i) => i.id)).toEqual([captured.id, other.id]);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const r = logInteraction(
      doc,
      { at, contactIds: [id], channel: 'email' },
      { close: [captured.id], keepOpen: [other.id] },
    );
    expect(r.ok).toBe(true);
    expect(transactions).toBe(1);
    const read = (iid: typeof captured.id) => readOne(doc, 'interactions', iid);
    expect(read(captured.id)?.followUpDone).toBe(true);
    expect(read(other.id)).toMatchObject({ followUpDone: false, followUpKeptOpenAt: at });
    const today = computeToday({
      contacts: readAll(doc, 'contacts').items,
      interactions: readAll(doc, 'interactions').items,
      actions: [],
      now: '2026-03-05T09:00:00Z',
      timeZone: ZONE,
    });
    expect(today.followUps.items.map((i) => i.interactionId)).toEqual([other.id]);
  });

  it('an invalid interaction writes nothing', () => {
    const { doc, captured } = network();
    const r = logInteraction(doc, { at: 'not a time', contactIds: [] }, { close: [captured.id], keepOpen: [] });
    expect(r.ok).toBe(false);
    expect(readAll(doc, 'interactions').items.every((i) => !i.followUpDone)).toBe(true);
  });
});

describe('snooze', () => {
  it('writes the person and their follow-ups together, and one Undo takes it back', () => {
    const { doc, captured } = network();
    const input = () => ({
      contacts: readAll(doc, 'contacts').items,
      interactions: readAll(doc, 'interactions').items,
      actions: [],
      now: '2026-03-04T09:00:00Z',
      timeZone: ZONE,
    });
    const item = computeToday(input()).followUps.items[0]!;
    expect(item.interactionId).toBe(captured.id);
    const changes = snoozeChanges(
      item,
      '2026-03-04',
      new Map(readAll(doc, 'contacts').items.map((c) => [c.id, c])),
      readAll(doc, 'interactions').items,
    );
    const op = runUndoable(doc, 'local', (origin) => applySnooze(doc, changes, origin));
    expect(computeToday(input()).isEmpty).toBe(true);
    op.undo();
    expect(computeToday(input()).followUps.items.map((i) => i.interactionId)).toEqual([captured.id]);
  });
});

describe('Follow up from a person’s page', () => {
  it('goes on the last interaction with them, reopened with the new date', () => {
    const { doc, id, captured } = network();
    const contact = readAll(doc, 'contacts').items[0]!;
    const plan = planFollowUp(contact, readAll(doc, 'interactions').items, '2026-03-20');
    expect(plan).toEqual({ kind: 'on-interaction', interactionId: captured.id, dueOn: '2026-03-20' });
    expect(applyFollowUpPlan(doc, id, plan)).toBe(true);
    expect(readOne(doc, 'interactions', captured.id)).toMatchObject({ followUpOn: '2026-03-20', followUpDone: false });
  });

  it('with no interaction yet, is a plan action for them that Today shows when due', () => {
    const doc = new Y.Doc();
    const made = add(doc, 'contacts', { name: 'Ana Lima' });
    if (!made.ok) throw new Error('person');
    const plan = planFollowUp(made.value, [], '2026-03-05');
    expect(plan).toEqual({ kind: 'action', title: 'Follow up with Ana Lima', dueOn: '2026-03-05' });
    expect(applyFollowUpPlan(doc, made.value.id, plan)).toBe(true);
    const today = computeToday({
      contacts: readAll(doc, 'contacts').items,
      interactions: [],
      actions: readAll(doc, 'actions').items,
      now: '2026-03-05T09:00:00Z',
      timeZone: ZONE,
    });
    expect(today.actions.items.map((i) => [i.title, i.contactIds])).toEqual([
      ['Follow up with Ana Lima', [made.value.id]],
    ]);
  });
});
