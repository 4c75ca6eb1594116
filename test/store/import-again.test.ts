/**
 * Importing people who are already here (issue 17 §1): a vCard then a LinkedIn
 * export of the same people adds nobody; the same file twice adds and changes
 * nothing; a newer LinkedIn export lists who changed role and who is new, and
 * can plan a congratulation; a name alone is a question, not a merge. Real
 * parsing, the real document, the one same-person rule.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, type Contact } from '../../src/model/index.ts';
import { findDuplicates } from '../../src/model/rules/index.ts';
import { collectionMap, add, readAll } from '../../src/store/index.ts';
import { applyImport } from '../../src/store/import.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { choiceKey, choosePlan, defaultChoices, planImport, workChange, type ImportPlan } from '../../src/io/match.ts';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const TODAY = '2026-12-05';
const enc = new TextEncoder();

const VCARD = [
  'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José Núñez\r\nN:Núñez;José;;;\r\nORG:Climatebase\r\nTITLE:Senior PM\r\nEMAIL:jose@climatebase.example\r\nTEL:+44 20 7946 0958\r\nEND:VCARD',
  'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kwame Mensah\r\nORG:Climatebase\r\nTEL:+233 24 412 3456\r\nEND:VCARD',
  'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Rossi\r\nORG:Climatebase Inc.\r\nTITLE:Talent Partner\r\nEND:VCARD',
].join('\r\n');

const LINKEDIN_HEAD =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
const LINKEDIN = `${LINKEDIN_HEAD}José,Núñez,https://www.linkedin.com/in/jose-nunez,,Climatebase,Senior PM,12 Mar 2024
Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,,Climatebase,,01 Jan 2024
Marco,Rossi,https://www.linkedin.com/in/marco-rossi,,Climatebase,Talent Partner,05 Jun 2022
`;
const LINKEDIN_NEWER = `${LINKEDIN_HEAD}José,Núñez,https://www.linkedin.com/in/jose-nunez,,Climatebase,Head of Product,12 Mar 2024
Kwame,Mensah,https://www.linkedin.com/in/kwame-mensah,,Pale Blue Dot,Investor,01 Jan 2024
Marco,Rossi,https://www.linkedin.com/in/marco-rossi,,Climatebase,Talent Partner,05 Jun 2022
Ama,Owusu,https://www.linkedin.com/in/ama-owusu,,Climatebase,Engineer,02 Dec 2026
`;

function preview(doc: Y.Doc, name: string, text: string): ImportPlan {
  const parsed = parseFile(name, enc.encode(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return planImport(parsed.report.drafts, readAll(doc, 'contacts').items, parsed.report.invalid);
}
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
  JSON.stringify(sorted(Object.fromEntries(COLLECTION_NAMES.map((n) => [n, collectionMap(doc, n).toJSON()]))));
const live = (doc: Y.Doc) => readAll(doc, 'contacts').items.filter((c) => c.deletedAt === null);
const byName = (doc: Y.Doc, name: string) => live(doc).find((c) => c.name === name) as Contact;

/** Takes every change offered by default, as a person pressing Import does. */
const importAll = (doc: Y.Doc, plan: ImportPlan) =>
  applyImport(doc, choosePlan(plan, defaultChoices(plan), TODAY), NOW);

describe('importing people who are already here', () => {
  it('LinkedIn after a vCard of the same people adds nobody, and shows what it adds to each', () => {
    const doc = new Y.Doc();
    importAll(doc, preview(doc, 'contacts.vcf', VCARD));
    expect(live(doc)).toHaveLength(3);

    const plan = preview(doc, 'Connections.csv', LINKEDIN);
    expect(plan.newPeople).toEqual([]);
    expect(plan.uncertain).toEqual([]);
    expect(plan.matches.map((m) => [m.existingName, m.matchedBy])).toEqual([
      ['José Núñez', 'same name at Climatebase'],
      ['Kwame Mensah', 'same name at Climatebase'],
      ['Marco Rossi', 'same name at Climatebase Inc.'],
    ]);
    // José: his LinkedIn profile and when we connected are new; role and organisation are unchanged.
    const jose = plan.matches[0]!;
    expect(jose.changes.map((c) => [c.field, c.kind])).toEqual([
      ['linkedin', 'fill'],
      ['connectedOn', 'fill'],
    ]);
    importAll(doc, plan);
    expect(live(doc)).toHaveLength(3);
    expect(byName(doc, 'José Núñez')).toMatchObject({
      role: 'Senior PM',
      organisation: 'Climatebase',
      linkedin: 'https://www.linkedin.com/in/jose-nunez',
      connectedOn: '2024-03-12',
    });
    // And the duplicates finder, with the same rule, finds nothing left to merge.
    expect(findDuplicates(live(doc))).toEqual([]);
  });

  it('the same file twice adds nobody and changes nothing: vCard, LinkedIn, either order', () => {
    type File = [name: string, text: string];
    const files: [File, File][] = [
      [
        ['contacts.vcf', VCARD],
        ['Connections.csv', LINKEDIN],
      ],
      [
        ['Connections.csv', LINKEDIN],
        ['contacts.vcf', VCARD],
      ],
    ];
    for (const [first, second] of files) {
      const doc = new Y.Doc();
      importAll(doc, preview(doc, ...first));
      importAll(doc, preview(doc, ...second));
      for (const file of [first, second]) {
        const before = snapshot(doc);
        const again = preview(doc, ...file);
        expect(again.newPeople).toEqual([]);
        expect(again.uncertain).toEqual([]);
        expect(again.matches.filter((m) => m.changes.length > 0)).toEqual([]);
        importAll(doc, again);
        expect(snapshot(doc)).toBe(before);
      }
      expect(live(doc)).toHaveLength(3);
    }
  });

  it('a newer LinkedIn export lists who changed role or company and who is new; a congratulation can be planned', () => {
    const doc = new Y.Doc();
    importAll(doc, preview(doc, 'Connections.csv', LINKEDIN));
    const plan = preview(doc, 'Connections.csv', LINKEDIN_NEWER);
    expect(plan.newPeople.map((d) => d.values.name)).toEqual(['Ama Owusu']);
    const changed = plan.matches.map(workChange).filter((w) => w !== null);
    expect(changed).toEqual([
      {
        existingId: byName(doc, 'José Núñez').id,
        name: 'José Núñez',
        role: { from: 'Senior PM', to: 'Head of Product' },
        organisation: null,
      },
      {
        existingId: byName(doc, 'Kwame Mensah').id,
        name: 'Kwame Mensah',
        role: null,
        organisation: { from: 'Climatebase', to: 'Pale Blue Dot' },
      },
    ]);
    const jose = byName(doc, 'José Núñez');
    const choices = defaultChoices(plan);
    const chosen = choosePlan(plan, { ...choices, congratulate: new Set([jose.id]) }, TODAY);
    expect(chosen.congratulations).toEqual([
      {
        contactId: jose.id,
        title: 'Congratulate José Núñez on the new role: Head of Product at Climatebase',
        dueOn: TODAY,
      },
    ]);
    const done = applyImport(doc, chosen, NOW);
    expect(done.result.created).toHaveLength(1);
    expect(byName(doc, 'José Núñez').role).toBe('Head of Product');
    // The role it had is kept, not lost.
    expect(byName(doc, 'José Núñez').notes).toBe('Before the import of 5 December 2026: Role — Senior PM');
    expect(byName(doc, 'Kwame Mensah').organisation).toBe('Pale Blue Dot');
    const actions = readAll(doc, 'actions').items;
    expect(actions.map((a) => [a.title, a.contactId, a.dueOn, a.status])).toEqual([
      [chosen.congratulations[0]!.title, jose.id, TODAY, 'planned'],
    ]);
    // One undo takes back the people, the updates and the planned congratulation.
    expect(done.undo()).toBe(true);
    expect(readAll(doc, 'actions').items).toEqual([]);
    expect(byName(doc, 'José Núñez').role).toBe('Senior PM');
    expect(live(doc)).toHaveLength(3);
  });

  it('a group of changes left out is not written', () => {
    const doc = new Y.Doc();
    importAll(doc, preview(doc, 'Connections.csv', LINKEDIN));
    const plan = preview(doc, 'Connections.csv', LINKEDIN_NEWER);
    const jose = byName(doc, 'José Núñez');
    const choices = defaultChoices(plan);
    const chosen = choosePlan(plan, { ...choices, left: new Set([choiceKey(jose.id, 'work')]) }, TODAY);
    applyImport(doc, chosen, NOW);
    expect(byName(doc, 'José Núñez')).toMatchObject({ role: 'Senior PM', notes: '' });
    expect(byName(doc, 'Kwame Mensah').organisation).toBe('Pale Blue Dot');
  });

  it('a name alone is listed apart: added as someone new unless the person says it is them', () => {
    const doc = new Y.Doc();
    const sam = add(doc, 'contacts', { name: 'Sam Lee', emails: ['sam@home.example'] }, undefined, NOW);
    if (!sam.ok) throw new Error('setup');
    const file = `${LINKEDIN_HEAD}Sam,Lee,https://www.linkedin.com/in/sam-lee,,Acme,Designer,01 Feb 2025\n`;
    const plan = preview(doc, 'Connections.csv', file);
    expect(plan.matches).toEqual([]);
    expect(plan.newPeople).toEqual([]);
    expect(plan.uncertain.map((m) => [m.existingName, m.matchedBy, m.existingHolds])).toEqual([
      ['Sam Lee', 'same name only', 'sam@home.example'],
    ]);

    const asNew = new Y.Doc();
    Y.applyUpdate(asNew, Y.encodeStateAsUpdate(doc));
    importAll(asNew, plan);
    expect(live(asNew)).toHaveLength(2);

    const choices = defaultChoices(plan);
    applyImport(doc, choosePlan(plan, { ...choices, samePerson: new Set([sam.value.id]) }, TODAY), NOW);
    expect(live(doc)).toHaveLength(1);
    expect(byName(doc, 'Sam Lee')).toMatchObject({
      organisation: 'Acme',
      role: 'Designer',
      emails: ['sam@home.example'],
    });
  });

  it('import and the duplicates finder agree: what the import calls already here, the finder pairs after an import as new', () => {
    const doc = new Y.Doc();
    importAll(doc, preview(doc, 'contacts.vcf', VCARD));
    const extra = `${LINKEDIN_HEAD}Jose,Nunez,,,Climatebase Inc,Head of Product,12 Mar 2024
Kwame,Mensah,,,,,01 Jan 2024
Marko,Rossi,,,Climatebase,,05 Jun 2022
Lena,Berg,,,Climatebase,,05 Jun 2022
`;
    const plan = preview(doc, 'Connections.csv', extra);
    const verdict = new Map<string, string>();
    for (const m of plan.matches) verdict.set(m.draft.values.name, `certain ${m.existingName}`);
    for (const m of plan.uncertain) verdict.set(m.draft.values.name, `uncertain ${m.existingName}`);
    expect(Object.fromEntries(verdict)).toEqual({
      'Jose Nunez': 'certain José Núñez',
      'Kwame Mensah': 'uncertain Kwame Mensah',
      'Marko Rossi': 'uncertain Marco Rossi',
    });
    expect(plan.newPeople.map((d) => d.values.name)).toEqual(['Lena Berg']);

    // Bring everything in as new people: the finder pairs exactly those, with the same certainty.
    const everyoneNew: ImportPlan = {
      ...plan,
      newPeople: [...plan.newPeople, ...plan.matches.map((m) => m.draft), ...plan.uncertain.map((m) => m.draft)],
      matches: [],
      uncertain: [],
    };
    applyImport(doc, everyoneNew, NOW);
    const people = live(doc);
    const name = (id: string) => people.find((p) => p.id === id)?.name;
    const pairs = findDuplicates(people).map((p) => {
      const [here, file] = [name(p.aId), name(p.bId)].sort((x, y) =>
        VCARD.includes(x as string) ? -1 : VCARD.includes(y as string) ? 1 : 0,
      );
      return [file, `${p.certain ? 'certain' : 'uncertain'} ${here}`];
    });
    expect(Object.fromEntries(pairs)).toEqual(Object.fromEntries(verdict));
  });
});
