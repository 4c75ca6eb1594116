import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import ICAL from 'ical.js';
import {
  contactSpec,
  parseValues,
  type Action,
  type ActionId,
  type ContactId,
  type Interaction,
  type InteractionId,
} from '../../src/model/index.ts';
import { foldLine } from '../../src/io/fold.ts';
import { csvCell, writeContactsCsv } from '../../src/io/csv-write.ts';
import { writeIcs } from '../../src/io/ics-write.ts';
import { VCARD_FIELDS, writeVCard, writeVCards, type VCardPerson } from '../../src/io/vcard-write.ts';
import { parseVCards } from '../../src/io/vcard-parse.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import type { ContactValues } from '../../src/io/types.ts';
import Papa from 'papaparse';

const utf8 = new TextEncoder();
const values = (raw: Record<string, unknown>): ContactValues => {
  const r = parseValues(contactSpec, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const full = values({
  name: 'Zoë Ångström-Østergaard',
  role: 'Head of R&D; platform, data',
  organisation: 'Société Générale, Inc.',
  department: 'Trésorerie; Risk',
  emails: ['zoe@example.org', 'z.a@work.example'],
  phones: ['+33 6 12 34 56 78', '(415) 555-0132 ext. 12'],
  linkedin: 'https://www.linkedin.com/in/zoe-angstrom',
  website: 'https://zoe.example.com/blog?a=1&b=2',
  location: 'Genève, Suisse',
  birthday: '--02-29',
  tags: ['climate, energy', 'mentor;ish', 'back\\slash', 'starred'],
  notes:
    'Line one\nLine two; with, commas\\ and a very long sentence to force folding of the note across several lines: ✓ 日本語 🎉 🎉 🎉 🎉 🎉 🎉 🎉 🎉',
});

const pick = (v: ContactValues) => Object.fromEntries(VCARD_FIELDS.map((f) => [f, v[f]]));

describe('vCard 4.0 export', () => {
  it('folds at 75 octets without splitting a UTF-8 sequence, CRLF everywhere', () => {
    const text = writeVCard(full);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\uFFFD/);
    }
    const long = `NOTE:${'🎉'.repeat(40)}${'é'.repeat(50)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const l of folded.split('\r\n')) expect(utf8.encode(l).length).toBeLessThanOrEqual(75);
    expect(foldLine('short')).toBe('short');
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    const text = writeVCard(full).replace(/\r\n /g, '');
    expect(text).toContain('ORG:Société Générale\\, Inc.;Trésorerie\\; Risk\r\n');
    expect(text).toContain('CATEGORIES:climate\\, energy,mentor;ish,back\\\\slash,starred\r\n');
    expect(text).toContain('NOTE:Line one\\nLine two; with\\, commas\\\\ and');
    expect(text).toContain('BDAY:--0229\r\n');
  });

  it('our import gives back every supported field', () => {
    const back = parseVCards(writeVCard(full));
    expect(back.invalid).toEqual([]);
    expect(pick(back.drafts[0]!.values)).toEqual(pick(full));
  });

  it('ical.js reads our export without error, field for field', () => {
    const text = writeVCards([full, values({ name: 'Ana', birthday: '1985-04-12' })]);
    const parsed = ICAL.parse(text) as unknown[];
    expect(parsed).toHaveLength(2);
    const card = new ICAL.Component(parsed[0] as never);
    expect(card.getFirstPropertyValue('fn')).toBe(full.name);
    expect(card.getFirstProperty('org')!.getValues()[0]).toEqual(['Société Générale, Inc.', 'Trésorerie; Risk']);
    expect(card.getFirstPropertyValue('note')).toBe(full.notes);
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(full.emails);
    expect(card.getFirstProperty('categories')!.getValues()).toEqual(full.tags);
    const ana = new ICAL.Component(parsed[1] as never);
    expect(String(ana.getFirstPropertyValue('bday'))).toBe('1985-04-12');
  });

  const text = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim());
  const nonEmpty = text.filter((s) => s !== '');
  const person = fc.record({
    name: nonEmpty,
    role: text,
    organisation: text,
    department: text,
    emails: fc.uniqueArray(
      fc.emailAddress().filter((e) => e.length < 60 && !/[(),;:"<>]/.test(e)),
      { maxLength: 3, selector: (e) => e },
    ),
    phones: fc.uniqueArray(fc.stringMatching(/^\+?[0-9]{3,12}$/), { maxLength: 3 }),
    location: text,
    birthday: fc.option(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    tags: fc.uniqueArray(
      nonEmpty
        .filter((t) => t.length <= 60 && t.toLowerCase() !== 'mycontacts' && !t.startsWith('*'))
        .map((t) => t.replace(/\s+/g, ' ')),
      { maxLength: 4 },
    ),
    notes: fc
      .string({ maxLength: 200 })
      .map((s) => s.replace(/[\r\u0000-\u0009\u000b-\u001f]/g, ''))
      .filter((s) => s.trim() !== ''),
  });
  fcTest.prop([fc.array(person, { minLength: 1, maxLength: 5 })], { numRuns: 150 })(
    'round trip of generated people',
    (people) => {
      const checked = people.map((p) => values(p));
      const text = writeVCards(checked as VCardPerson[]);
      const independent = ICAL.parse(text);
      expect(Array.isArray(independent[0]) ? independent.length : 1).toBe(checked.length);
      const back = parseVCards(text);
      expect(back.invalid).toEqual([]);
      expect(back.drafts.map((d) => pick(d.values))).toEqual(checked.map(pick));
    },
  );
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('UTF-8 BOM, CRLF, RFC 4180: papaparse reads back the same cells', () => {
    const evil = values({ name: '=cmd|" /C calc"!A0', notes: 'a, "b"\nc', tags: ['x', 'y'], emails: ['a@b.example'] });
    const csv = writeContactsCsv([full, evil]);
    expect(csv.startsWith('\uFEFFName,Role,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe(full.name);
    expect(rows[2]![0]).toBe(`'=cmd|" /C calc"!A0`);
    expect(rows[2]![rows[0]!.indexOf('Notes')]).toBe('a, "b"\nc');
    expect(rows[2]![rows[0]!.indexOf('Tags')]).toBe('x; y');
  });
});

describe('ICS export', () => {
  const NOW = new Date('2026-03-04T10:00:00.000Z');
  const meta = (id: string) => ({ id, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deletedAt: null });
  const ana = { id: 'contact-ana-0001' as ContactId, name: 'Ana; Lima, PhD', deletedAt: null };
  const interaction = (id: string, over: Partial<Interaction>): Interaction => ({
    ...meta(id),
    id: id as InteractionId,
    at: NOW.toISOString(),
    contactIds: [ana.id],
    channel: 'call',
    eventId: null,
    place: 'Secret café',
    notes: 'PRIVATE: salary talk',
    learned: 'PRIVATE learned',
    shared: '',
    followUpOn: '2026-03-10',
    followUpDone: false,
    followUpKeptOpenAt: null,
    ...over,
  });
  const action = (id: string, over: Partial<Action>): Action => ({
    ...meta(id),
    id: id as ActionId,
    title: 'Send the deck',
    notes: 'PRIVATE action note',
    dueOn: '2026-03-31',
    status: 'planned',
    doneAt: null,
    objectiveId: null,
    communityId: null,
    contactId: ana.id,
    gapKey: '',
    ...over,
  });
  const input = {
    contacts: [ana],
    interactions: [
      interaction('int-open-0001', {}),
      interaction('int-done-0001', { followUpDone: true }),
      interaction('int-none-0001', { followUpOn: null }),
      interaction('int-gone-0001', { deletedAt: NOW.toISOString() }),
    ],
    actions: [
      action('act-plan-0001', {}),
      action('act-done-0001', { status: 'done' }),
      action('act-nodue-001', { dueOn: null }),
      action('act-solo-0001', { contactId: null, title: 'Join the chamber' }),
    ],
  };

  it('all-day events for open follow-ups and due actions; stable UIDs; nothing private', () => {
    const ics = writeIcs(input, NOW);
    const cal = new ICAL.Component(ICAL.parse(ics) as never);
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['followup-int-open-0001@rapport', 'Follow up with Ana; Lima, PhD', '2026-03-10', true],
      ['action-act-plan-0001@rapport', 'Send the deck — Ana; Lima, PhD', '2026-03-31', true],
      ['action-act-solo-0001@rapport', 'Join the chamber', '2026-03-31', true],
    ]);
    expect(events[0]!.endDate.toString()).toBe('2026-03-11');
    expect(ics).not.toMatch(/PRIVATE|Secret|salary/);
    expect(ics).toContain('DTSTAMP:20260304T100000Z\r\n');
    expect(ics).toContain('SUMMARY:Follow up with Ana\\; Lima\\, PhD\r\n');
    expect(writeIcs(input, NOW)).toBe(ics);
    for (const line of ics.split('\r\n')) expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('export → import of a whole file', () => {
  it('parseFile reads our vCard export back, with a BOM too', () => {
    const text = writeVCards([full]);
    const r = parseFile('export.vcf', utf8.encode(`\uFEFF${text}`));
    expect(r.ok && pick(r.report.drafts[0]!.values)).toEqual(pick(full));
  });
});
