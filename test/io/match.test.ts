import { describe, expect, it } from 'vitest';
import { contactSpec, makeEntity, parseValues, type Contact, type ContactId } from '../../src/model/index.ts';
import { planImport } from '../../src/io/match.ts';
import type { ContactDraft } from '../../src/io/types.ts';

const NOW = new Date('2026-03-04T10:00:00.000Z');
const draft = (line: number, raw: Record<string, unknown>): ContactDraft => {
  const r = parseValues(contactSpec, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { line, values: r.value, notes: [] };
};
const contact = (raw: Record<string, unknown>): Contact => {
  const r = makeEntity<typeof contactSpec, ContactId>(contactSpec, raw, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('planImport', () => {
  const ana = contact({ name: 'Ana Lima', emails: ['Ana@Acme.example'], role: 'CTO', tags: ['rust'] });
  const kwame = contact({ name: 'Kwame Mensah', phones: ['+1 (415) 555-0132'] });
  const li = contact({ name: 'Li Wei', linkedin: 'https://www.linkedin.com/in/LiWei/' });
  const trashed = contact({ name: 'Gone', emails: ['gone@x.example'] });
  trashed.deletedAt = NOW.toISOString();

  it('matches by email (any case), phone digits and normalised LinkedIn URL; others are new', () => {
    const plan = planImport(
      [
        draft(1, { name: 'Ana L.', emails: ['ana@acme.example'] }),
        draft(2, { name: 'Kwame', phones: ['14155550132'] }),
        draft(3, { name: 'Li Wei', linkedin: 'https://uk.linkedin.com/in/liwei?trk=x' }),
        draft(4, { name: 'New Person', emails: ['new@x.example'] }),
        draft(5, { name: 'Gone again', emails: ['gone@x.example'] }),
      ],
      [ana, kwame, li, trashed],
      [{ line: 9, reason: 'This entry has no name.' }],
    );
    expect(plan.matches.map((m) => [m.draft.line, m.existingId, m.matchedBy])).toEqual([
      [1, ana.id, 'same email ana@acme.example'],
      [2, kwame.id, 'same phone +1 (415) 555-0132'],
      [3, li.id, 'same LinkedIn profile'],
    ]);
    expect(plan.newPeople.map((d) => d.line)).toEqual([4, 5]);
    expect(plan.invalid).toEqual([{ line: 9, reason: 'This entry has no name.' }]);
    // Li Wei's profile link is the same profile however it is written: no change.
    expect(plan.matches.filter((m) => m.changes.length > 0)).toHaveLength(2);
    expect(plan.uncertain).toEqual([]);
    expect(plan.mergedInFile).toEqual([]);
  });

  it('shows field by field what taking the file in changes: fills, replacements (from → to), list entries added', () => {
    const plan = planImport(
      [
        draft(1, {
          name: 'Ana Lima-Souza',
          emails: ['ANA@acme.example', 'ana@home.example'],
          role: 'CEO',
          organisation: 'Acme',
          tags: ['Rust', 'rust', 'speaker'],
          notes: 'From LinkedIn',
        }),
      ],
      [ana],
    );
    expect(plan.matches[0]!.changes).toEqual([
      { field: 'name', label: 'Name', group: 'name', kind: 'replace', value: 'Ana Lima-Souza', from: 'Ana Lima' },
      { field: 'role', label: 'Role', group: 'work', kind: 'replace', value: 'CEO', from: 'CTO' },
      { field: 'organisation', label: 'Organisation', group: 'work', kind: 'fill', value: 'Acme' },
      { field: 'emails', label: 'Emails', group: 'contact', kind: 'add', value: ['ana@home.example'] },
      // Tags differ only in case from an existing one: not added twice.
      { field: 'tags', label: 'Tags', group: 'about', kind: 'add', value: ['speaker'] },
      { field: 'notes', label: 'Notes', group: 'about', kind: 'fill', value: 'From LinkedIn' },
    ]);
  });

  it('a person already up to date is a match with no changes', () => {
    const plan = planImport([draft(1, { name: 'Ana Lima', emails: ['ana@acme.example'], role: 'cto' })], [ana]);
    expect(plan.matches[0]!.changes).toEqual([]);
  });

  it('duplicates within the file are folded into one person, nothing lost', () => {
    const plan = planImport(
      [
        draft(1, { name: 'Zoë', emails: ['zoe@x.example'] }),
        draft(5, { name: 'Zoe A.', emails: ['ZOE@x.example'], phones: ['+41 22 123 45 67'], role: 'Researcher' }),
        draft(9, {
          name: 'Zoë Å',
          phones: ['0041 22 123 45 67'.replace('0041', '+41')],
          website: 'https://zoe.example',
        }),
      ],
      [],
    );
    expect(plan.newPeople).toHaveLength(1);
    const z = plan.newPeople[0]!.values;
    expect(z.name).toBe('Zoë');
    expect(z.emails).toEqual(['zoe@x.example']);
    expect(z.phones).toEqual(['+41 22 123 45 67']);
    expect(z.role).toBe('Researcher');
    expect(z.website).toBe('https://zoe.example/');
    expect(z.notes).toBe('Imported: Name — Zoe A.\n\nImported: Name — Zoë Å');
    expect(plan.mergedInFile).toEqual([
      { line: 5, intoLine: 1 },
      { line: 9, intoLine: 1 },
    ]);
  });

  it('two file entries that lead to the same existing person are one match', () => {
    const plan = planImport(
      [
        draft(1, { name: 'Ana', emails: ['ana@acme.example'] }),
        draft(2, { name: 'Ana', linkedin: 'linkedin.com/in/x', phones: ['+1 (415) 555-0132'] }),
      ],
      [ana, kwame],
    );
    // Line 2 matches Kwame by phone: distinct people stay distinct.
    expect(plan.matches.map((m) => m.existingId)).toEqual([ana.id, kwame.id]);
    const plan2 = planImport(
      [
        draft(1, { name: 'A', emails: ['ana@acme.example'] }),
        draft(2, { name: 'B', emails: ['other@x.example'], phones: ['+1 (415) 555-0132'] }),
        draft(3, { name: 'C', emails: ['other@x.example'] }),
      ],
      [kwame],
    );
    expect(plan2.matches).toHaveLength(1);
    expect(plan2.newPeople.map((d) => d.line)).toEqual([1]);
    // Different keys in the file, one person here: folded into one match.
    const kw = contact({ name: 'Kwame', phones: ['+1 (415) 555-0132'], emails: ['kwame@x.example'] });
    const plan3 = planImport(
      [
        draft(1, { name: 'K', phones: ['4155550132'.replace(/^/, '+1 ')], role: 'Partner' }),
        draft(2, { name: 'K', emails: ['kwame@x.example'], location: 'Accra' }),
      ],
      [kw],
    );
    expect(plan3.matches).toHaveLength(1);
    expect(plan3.mergedInFile).toEqual([{ line: 2, intoLine: 1 }]);
    expect(plan3.matches[0]!.changes.filter((c) => c.kind === 'fill').map((c) => [c.field, c.value])).toEqual([
      ['role', 'Partner'],
      ['location', 'Accra'],
    ]);
  });

  it('short phone numbers never identify anyone; national and international forms agree', () => {
    const plan = planImport([draft(1, { name: 'A', phones: ['112'] })], [contact({ name: 'B', phones: ['112'] })]);
    const uk = contact({ name: 'C', phones: ['+44 20 7946 0958'] });
    expect(planImport([draft(1, { name: 'C', phones: ['020 7946 0958'] })], [uk]).matches).toHaveLength(1);
    expect(plan.newPeople).toHaveLength(1);
  });

  it('the same name matches for certain only when neither record holds an organisation or contact detail; otherwise it is uncertain', () => {
    const bo = contact({ name: 'Bo  Berg' });
    const boWithEmail = contact({ name: 'Cy', emails: ['cy@x.example'] });
    const plan = planImport(
      [
        draft(1, { name: 'bo berg', role: 'Designer' }),
        draft(2, { name: 'Cy' }),
        draft(3, { name: 'Bo Berg', emails: ['bo@x.example'] }),
      ],
      [bo, boWithEmail],
    );
    expect(plan.matches.map((m) => [m.draft.line, m.existingId, m.matchedBy])).toEqual([
      [1, bo.id, 'same name, nothing else to compare'],
    ]);
    expect(plan.newPeople.map((d) => d.line)).toEqual([2]);
    expect(plan.uncertain.map((m) => [m.draft.line, m.existingId, m.matchedBy])).toEqual([
      [3, bo.id, 'same name only'],
    ]);
  });
});
