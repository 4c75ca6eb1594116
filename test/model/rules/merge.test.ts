import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  contactSpec,
  type CommunityId,
  type ContactId,
  type EventId,
  type ObjectiveId,
} from '../../../src/model/index.ts';
import { mergeContacts, mergePatch } from '../../../src/model/rules/index.ts';
import { person } from './build.ts';

const cid = (s: string) => `comm-${s}`.padEnd(8, '_') as CommunityId;
const oid = (s: string) => `obj-${s}`.padEnd(8, '_') as ObjectiveId;
const eid = (s: string) => `event-${s}`.padEnd(8, '_') as EventId;
const pid = (s: string) => `person-${s}`.padEnd(8, '_') as ContactId;

describe('mergeContacts', () => {
  const keep = person('keep', {
    name: 'Ana López',
    role: 'CTO',
    organisation: 'Acme',
    emails: ['ana@acme.com'],
    phones: ['+44 20 7946 0958'],
    tags: ['kubernetes'],
    communityIds: [cid('a')],
    objectiveIds: [oid('x')],
    whatTheyDo: 'Runs the platform team.',
    metOn: '2025-06-01',
    metPlace: 'KubeCon',
    metEventId: eid('kube'),
    cadenceDays: 60,
    notes: 'Likes climbing.',
    power: 80,
  });
  const drop = person('drop', {
    name: 'Ana Lopez',
    role: 'VP Engineering',
    department: 'Platform',
    emails: ['ANA@acme.com', 'ana@home.org'],
    phones: ['020 7946 0958'],
    tags: ['kubernetes', 'climbing'],
    communityIds: [cid('b'), cid('a')],
    objectiveIds: [oid('y')],
    whatTheyDo: 'Leads platform engineering.',
    metOn: '2024-11-20',
    metPlace: 'a meetup in Shoreditch',
    cadenceDays: 30,
    notes: 'Two children.',
    power: 60,
    interest: 70,
    linkedin: 'https://www.linkedin.com/in/ana-lopez',
  });
  const merged = mergeContacts(keep, drop, { eventName: (id) => (id === eid('kube') ? 'KubeCon EU' : undefined) });

  test("the kept record's single values win; the other's different values are kept in the notes", () => {
    expect(merged.name).toBe('Ana López');
    expect(merged.role).toBe('CTO');
    expect(merged.power).toBe(80);
    expect(merged.notes).toContain('Also: Name — Ana Lopez');
    expect(merged.notes).toContain('Also: Role — VP Engineering');
    expect(merged.notes).toContain('Also: Power — 60');
  });

  test('empty fields are filled from the other record', () => {
    expect(merged.department).toBe('Platform');
    expect(merged.interest).toBe(70);
    expect(merged.linkedin).toBe('https://www.linkedin.com/in/ana-lopez');
  });

  test('lists are united, the kept order first, one entry per address or number however it is written', () => {
    // The same rule as the duplicates finder and import: an address in any case, a number by its last nine digits.
    expect(merged.emails).toEqual(['ana@acme.com', 'ana@home.org']);
    expect(merged.phones).toEqual(['+44 20 7946 0958']);
    expect(merged.tags).toEqual(['kubernetes', 'climbing']);
    expect(merged.communityIds).toEqual([cid('a'), cid('b')]);
    expect(merged.objectiveIds).toEqual([oid('x'), oid('y')]);
  });

  test('long texts are joined; notes keep both', () => {
    expect(merged.whatTheyDo).toBe('Runs the platform team.\n\nLeads platform engineering.');
    expect(merged.notes.startsWith('Likes climbing.\n\nTwo children.\n\nAlso:')).toBe(true);
  });

  test('the earliest meeting wins as a whole; the later one is remembered', () => {
    expect(merged.metOn).toBe('2024-11-20');
    expect(merged.metPlace).toBe('a meetup in Shoreditch');
    expect(merged.metEventId).toBe(eid('kube')); // the earlier meeting named no event, so the other's stays
    expect(merged.notes).toContain('Also: Met on — 2025-06-01');
    expect(merged.notes).toContain('Also: Where we met — KubeCon');
  });

  test('a second event is named in the notes', () => {
    const a = person('ea', { metOn: '2024-01-01', metEventId: eid('one') });
    const b = person('eb', { metOn: '2025-01-01', metEventId: eid('two') });
    const m = mergeContacts(b, a, { eventName: (id) => (id === eid('two') ? 'PyCon' : undefined) });
    expect(m.metEventId).toBe(eid('one'));
    expect(m.notes).toContain('Also: Event where we met — PyCon');
  });

  test('the shorter keep-in-touch rhythm wins', () => {
    expect(merged.cadenceDays).toBe(30);
    expect(mergeContacts(drop, keep).cadenceDays).toBe(30);
    expect(mergeContacts(person('n1'), person('n2', { cadenceDays: 90 })).cadenceDays).toBe(90);
  });

  test('the later snooze holds', () => {
    expect(
      mergeContacts(person('s1', { snoozedUntil: '2026-03-07' }), person('s2', { snoozedUntil: '2026-03-09' }))
        .snoozedUntil,
    ).toBe('2026-03-09');
    expect(mergeContacts(person('s3', { snoozedUntil: '2026-03-09' }), person('s4')).snoozedUntil).toBe('2026-03-09');
  });

  test('introducers: never the merged pair themselves; a second one is named', () => {
    const a = person('ia', { introducedById: pid('bob') });
    const b = person('ib', { introducedById: pid('cat') });
    const selfRef = person('ic', { introducedById: a.id });
    expect(mergeContacts(a, b, { personName: () => 'Cat' }).notes).toContain('Also: Introduced by — Cat');
    const keptA = mergeContacts(a, selfRef);
    expect(keptA.introducedById).toBe(pid('bob'));
    expect(keptA.notes).not.toContain('Introduced by');
    // selfRef was introduced by a; once they are one person that link means nothing, and a's own introducer takes over
    expect(mergeContacts(selfRef, a).introducedById).toBe(pid('bob'));
  });

  test('identical records merge to the kept values with nothing added', () => {
    const twin = { ...keep, id: pid('twin') };
    expect(mergePatch(keep, mergeContacts(keep, twin))).toEqual({});
  });

  test('a union past a list limit spills into the notes instead of being lost', () => {
    const many = (p: string) => Array.from({ length: 15 }, (_, i) => `${p}${i}@x.com`);
    const m = mergeContacts(person('l1', { emails: many('a') }), person('l2', { emails: many('b') }));
    expect(m.emails).toHaveLength(20);
    expect(m.notes).toContain(
      'Also: Emails — b5@x.com, b6@x.com, b7@x.com, b8@x.com, b9@x.com, b10@x.com, b11@x.com, b12@x.com, b13@x.com, b14@x.com',
    );
    expect(contactSpec.emails.parse(m.emails).ok).toBe(true);
  });

  test('the merged values pass the contact spec', () => {
    for (const [key, value] of Object.entries(merged)) {
      expect(contactSpec[key as keyof typeof contactSpec].parse(value), key).toMatchObject(
        value === null ? {} : { ok: true },
      );
    }
  });
});

describe('merge never loses a value (property)', () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}[A-Za-z]$/);
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const day = fc
    .integer({ min: 0, max: 3000 })
    .map((n) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10));
  const draft = fc.record({
    name: word,
    role: maybe(word),
    organisation: maybe(word),
    location: maybe(word),
    whatTheyDo: maybe(word),
    needs: maybe(word),
    notes: maybe(word),
    emails: fc.uniqueArray(fc.constantFrom('a@x.com', 'b@x.com', 'c@y.org', 'd@z.net'), { maxLength: 3 }),
    tags: fc.uniqueArray(fc.constantFrom('go', 'rust', 'climbing', 'board'), { maxLength: 3 }),
    communityIds: fc.uniqueArray(fc.constantFrom(cid('a'), cid('b'), cid('c')), { maxLength: 3 }),
    metOn: maybe(day),
    metPlace: maybe(word),
    cadenceDays: maybe(fc.integer({ min: 1, max: 365 })),
    power: maybe(fc.integer({ min: 0, max: 100 })),
  });

  propTest.prop([draft, draft])('every value of both records survives somewhere', (k, d) => {
    const clean = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const keep = person('pk', clean(k));
    const drop = person('pd', clean(d));
    const m = mergeContacts(keep, drop) as unknown as Record<string, unknown>;
    const text = JSON.stringify(m);
    for (const source of [keep, drop] as unknown as Record<string, unknown>[]) {
      for (const key of [
        'name',
        'role',
        'organisation',
        'location',
        'whatTheyDo',
        'needs',
        'notes',
        'metPlace',
        'metOn',
      ]) {
        const v = source[key];
        if (typeof v === 'string' && v.trim() !== '') expect(text, key).toContain(v.trim());
      }
      for (const key of ['emails', 'tags', 'communityIds'])
        for (const v of source[key] as string[]) expect(m[key], key).toContain(v);
      if (source.power !== null)
        expect(m.power === source.power || String(m.notes).includes(`Power — ${source.power}`)).toBe(true);
    }
    const cadences = [keep.cadenceDays, drop.cadenceDays].filter((c): c is number => c !== null);
    expect(m.cadenceDays).toBe(cadences.length ? Math.min(...cadences) : null);
    const mets = [keep.metOn, drop.metOn].filter((x): x is string => x !== null).sort();
    expect(m.metOn).toBe(mets[0] ?? null);
  });
});

describe('fields added for Today (issue 12) survive a merge', () => {
  test('the line from capture, the connection date and "seen regularly"', () => {
    const keep = person('keep', { name: 'Mei Lin', metLine: 'VC at Pale Blue Dot', connectedOn: '2024-05-01' });
    const drop = person('drop', {
      name: 'Mei Lin',
      metLine: 'Wants portfolio PMs',
      connectedOn: '2023-01-10',
      seenRegularly: true,
    });
    const merged = mergeContacts(keep, drop);
    expect(merged.metLine).toBe('VC at Pale Blue Dot');
    expect(merged.notes).toContain('Also: Noted when we met — Wants portfolio PMs');
    expect(merged.connectedOn).toBe('2023-01-10');
    expect(merged.seenRegularly).toBe(true);
  });
});
