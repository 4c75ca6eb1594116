/**
 * Communities survive a spreadsheet round trip (issue 17 §3): Rapport's CSV
 * names each person's communities, and importing it back (or a backup into a
 * space that already has people) finds those communities by name here, or
 * creates them once, in the same undoable import. Real writer, real parser,
 * the real document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommunityId, Contact } from '../../src/model/index.ts';
import { add, readAll, update } from '../../src/store/index.ts';
import { applyImport } from '../../src/store/import.ts';
import { exportBackup } from '../../src/store/backup.ts';
import { backupToJson } from '../../src/io/backup.ts';
import { communityNamer } from '../../src/io/community-names.ts';
import { writeContactsCsv } from '../../src/io/csv-write.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { choiceKey, choosePlan, defaultChoices, planImport, type ImportPlan } from '../../src/io/match.ts';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const enc = new TextEncoder();

function community(doc: Y.Doc, name: string): CommunityId {
  const r = add(doc, 'communities', { name }, undefined, NOW);
  if (!r.ok) throw new Error('community not created');
  return r.value.id;
}
function person(doc: Y.Doc, values: Partial<Contact>): Contact {
  const r = add(doc, 'contacts', { name: 'Someone', ...values }, undefined, NOW);
  if (!r.ok) throw new Error('person not created');
  return r.value;
}
const live = <T extends { deletedAt: string | null; mergedIntoId: string | null }>(items: T[]) =>
  items.filter((c) => c.deletedAt === null && c.mergedIntoId === null);
const people = (doc: Y.Doc) => live(readAll(doc, 'contacts').items);
const communities = (doc: Y.Doc) => live(readAll(doc, 'communities').items);
const communityNamesOf = (doc: Y.Doc, p: Contact) => {
  const name = communityNamer(readAll(doc, 'communities').items);
  return p.communityIds.map((id) => name(id)).sort();
};
const byName = (doc: Y.Doc, name: string) => people(doc).find((p) => p.name === name) as Contact;

function csvOf(doc: Y.Doc): string {
  return writeContactsCsv(people(doc), communityNamer(readAll(doc, 'communities').items));
}
function preview(doc: Y.Doc, name: string, text: string): ImportPlan {
  const parsed = parseFile(name, enc.encode(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return planImport(
    parsed.report.drafts,
    readAll(doc, 'contacts').items,
    parsed.report.invalid,
    readAll(doc, 'communities').items,
  );
}
const importAll = (doc: Y.Doc, plan: ImportPlan) =>
  applyImport(doc, choosePlan(plan, defaultChoices(plan), '2026-12-05'), NOW);

/** A space with two communities and three people in them. */
function network() {
  const doc = new Y.Doc();
  const guild = community(doc, 'Climate Tech Guild');
  const alumni = community(doc, 'Alumni; Class of 2012');
  person(doc, { name: 'Ana Lima', emails: ['ana@acme.example'], communityIds: [guild, alumni] });
  person(doc, { name: 'Ben Carter', phones: ['+44 20 7946 0958'], communityIds: [guild] });
  person(doc, { name: 'Chloé Dupont, PhD', organisation: 'Pale Blue Dot' });
  return doc;
}

describe("Rapport's people CSV, read back", () => {
  it('is recognised as its own format and gives back every column, communities by name', () => {
    const source = new Y.Doc();
    const guild = community(source, 'Climate Tech Guild');
    const full = person(source, {
      name: 'José Núñez, "Pepe"',
      role: 'Head of Product',
      organisation: 'Climatebase',
      department: 'Product',
      emails: ['jose@climatebase.example', 'pepe@home.example'],
      phones: ['+44 20 7946 0958', '+34 612 345 678'],
      linkedin: 'https://www.linkedin.com/in/jose-nunez',
      website: 'https://jose.example',
      location: 'Madrid',
      birthday: '--03-14',
      tags: ['climate', 'back\\slash;semi'],
      communityIds: [guild],
      metOn: '2026-11-20',
      metPlace: 'Climate Week',
      metLine: 'ping him re: jobs',
      connectedOn: '2024-03-12',
      whatTheyDo: 'Builds hiring tools',
      interests: 'Cycling',
      needs: '=strong climate PMs',
      cadenceDays: 90,
      seenRegularly: true,
      power: 70,
      interest: 30,
      notes: 'Two lines,\nwith "quotes"',
    });
    const parsed = parseFile('people-2026-12-05.csv', enc.encode(csvOf(source)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.format).toBe('rapport-csv');
    expect(parsed.report.invalid).toEqual([]);
    expect(parsed.report.warnings).toEqual([]);
    const [draft] = parsed.report.drafts;
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, communityIds: _ids, ...expected } = full;
    expect(draft?.values).toEqual({ ...expected, communityIds: [] });
    expect(draft?.communities).toEqual(['Climate Tech Guild']);
  });

  it('into an empty space: the people come back in their communities, each community made once', () => {
    const doc = new Y.Doc();
    const plan = preview(doc, 'people.csv', csvOf(network()));
    // A ";" inside a name is escaped, so the name stays whole.
    expect(plan.newCommunities).toEqual(['Climate Tech Guild', 'Alumni; Class of 2012']);
    const done = importAll(doc, plan);
    expect(done.result.communities).toHaveLength(2);
    expect(
      communities(doc)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Alumni; Class of 2012', 'Climate Tech Guild']);
    expect(communityNamesOf(doc, byName(doc, 'Ana Lima'))).toEqual(['Alumni; Class of 2012', 'Climate Tech Guild']);
    expect(communityNamesOf(doc, byName(doc, 'Ben Carter'))).toEqual(['Climate Tech Guild']);
    expect(byName(doc, 'Chloé Dupont, PhD').communityIds).toEqual([]);

    done.undo();
    expect(people(doc)).toEqual([]);
    expect(communities(doc)).toEqual([]);
  });

  it('into a space that has them: finds the community by name (case and accents aside), adds only who is missing', () => {
    const doc = new Y.Doc();
    const guild = community(doc, 'climate tech guild');
    person(doc, { name: 'Ana Lima', emails: ['ana@acme.example'], communityIds: [guild] });
    person(doc, { name: 'Ben Carter', phones: ['+44 20 7946 0958'] });
    const plan = preview(doc, 'people.csv', csvOf(network()));
    expect(plan.newCommunities).toEqual(['Alumni; Class of 2012']);
    expect(plan.newPeople.map((d) => d.values.name)).toEqual(['Chloé Dupont, PhD']);
    const ben = plan.matches.find((m) => m.existingName === 'Ben Carter');
    expect(ben?.changes).toEqual([
      { field: 'communityIds', label: 'Communities', group: 'about', kind: 'add', value: ['Climate Tech Guild'] },
    ]);
    const ana = plan.matches.find((m) => m.existingName === 'Ana Lima');
    expect(ana?.changes.find((c) => c.field === 'communityIds')).toMatchObject({ value: ['Alumni; Class of 2012'] });

    importAll(doc, plan);
    expect(communities(doc).filter((c) => c.name.toLowerCase() === 'climate tech guild')).toHaveLength(1);
    expect(byName(doc, 'Ben Carter').communityIds).toEqual([guild]);
    expect(communityNamesOf(doc, byName(doc, 'Ana Lima'))).toEqual(['Alumni; Class of 2012', 'climate tech guild']);

    // The same file again changes nothing.
    const again = preview(doc, 'people.csv', csvOf(network()));
    expect(again.newCommunities).toEqual([]);
    expect(again.newPeople).toEqual([]);
    expect(again.matches.filter((m) => m.changes.length > 0)).toEqual([]);
  });

  it('leaving "Other details" for a person leaves their communities too', () => {
    const doc = new Y.Doc();
    const ben = person(doc, { name: 'Ben Carter', phones: ['+44 20 7946 0958'] });
    const plan = preview(doc, 'people.csv', csvOf(network()));
    const choices = defaultChoices(plan);
    const left = new Set(choices.left);
    left.add(choiceKey(ben.id, 'about'));
    applyImport(doc, choosePlan(plan, { ...choices, left }, '2026-12-05'), NOW);
    expect(byName(doc, 'Ben Carter').communityIds).toEqual([]);
    // Ana is new, so her communities are made and she is in them.
    expect(communityNamesOf(doc, byName(doc, 'Ana Lima'))).toEqual(['Alumni; Class of 2012', 'Climate Tech Guild']);
  });

  it('a community in the bin is not found by name: a new one is made', () => {
    const doc = new Y.Doc();
    const old = community(doc, 'Climate Tech Guild');
    update(doc, 'communities', old, { deletedAt: NOW.toISOString() } as never, undefined, NOW);
    const plan = preview(doc, 'people.csv', csvOf(network()));
    expect(plan.newCommunities).toContain('Climate Tech Guild');
  });
});

describe('a backup merged into a space that has people', () => {
  it('brings its people into their communities, by name', () => {
    const backup = backupToJson(exportBackup(network(), NOW).backup);
    const doc = new Y.Doc();
    const guild = community(doc, 'Climate Tech Guild');
    person(doc, { name: 'Ben Carter', phones: ['+44 20 7946 0958'] });
    const plan = preview(doc, 'rapport-backup.json', backup);
    expect(plan.newCommunities).toEqual(['Alumni; Class of 2012']);
    importAll(doc, plan);
    expect(byName(doc, 'Ben Carter').communityIds).toEqual([guild]);
    expect(communityNamesOf(doc, byName(doc, 'Ana Lima'))).toEqual(['Alumni; Class of 2012', 'Climate Tech Guild']);
  });
});
