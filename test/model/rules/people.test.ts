import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  filterPeople,
  foldNamesAhead,
  foldText,
  lastContactByPerson,
  sortPeople,
  tagCounts,
} from '../../../src/model/rules/index.ts';
import { community, interaction, person } from './build.ts';

const club = community('club', { name: 'Club' });
const zoe = person('zoe', {
  name: 'Zoë',
  tags: ['Rust'],
  communityIds: [club.id],
  power: 80,
  interest: 80,
  metOn: '2025-05-01',
});
const ana = person('ana', { name: 'ana', tags: ['rust', 'go'], metOn: '2026-01-01' });
const emile = person('emile', { name: 'Émile', power: 10, interest: 10 });
const bob = person('bob', { name: 'Bob', communityIds: [club.id] });
const gone = person('gone', { name: 'Aaron', deletedAt: '2026-01-01T00:00:00.000Z' });
const all = [zoe, ana, emile, bob, gone];
const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('filters', () => {
  test('by community, tag (any case or accent), quadrant and needs-follow-up; trashed never', () => {
    expect(names(filterPeople(all, { communityId: club.id }))).toEqual(['Zoë', 'Bob']);
    expect(names(filterPeople(all, { tag: 'RUST' }))).toEqual(['Zoë', 'ana']);
    expect(names(filterPeople(all, { quadrant: 'manage-closely' }))).toEqual(['Zoë']);
    expect(names(filterPeople(all, { quadrant: 'unplaced' }))).toEqual(['ana', 'Bob']);
    expect(names(filterPeople(all, { needsFollowUp: true }, new Set([bob.id, gone.id])))).toEqual(['Bob']);
    expect(names(filterPeople(all, { communityId: club.id, tag: 'rust' }))).toEqual(['Zoë']);
    expect(names(filterPeople(all, {}))).toEqual(['Zoë', 'ana', 'Émile', 'Bob']);
  });

  test('tags in use, spellings that fold alike counted once', () => {
    expect(tagCounts(all)).toEqual([
      { tag: 'Rust', count: 2 },
      { tag: 'go', count: 1 },
    ]);
  });
});

describe('sorting', () => {
  test('by name ignoring case and accents', () => {
    expect(names(sortPeople([zoe, ana, emile, bob], 'name'))).toEqual(['ana', 'Bob', 'Émile', 'Zoë']);
  });

  test('by name in a tailored collation: traditional Spanish sorts "ch" after "cz"', () => {
    const chico = person('chico-00', { name: 'Chico Ruiz' });
    const czar = person('czar-000', { name: 'Czar Gil' });
    expect(names(sortPeople([chico, czar], 'name', new Map(), 'es-u-co-trad'))).toEqual(['Czar Gil', 'Chico Ruiz']);
    expect(names(sortPeople([czar, chico], 'name', new Map(), 'es'))).toEqual(['Chico Ruiz', 'Czar Gil']);
  });

  // Plain names take a cheaper comparison than the collator: the order must be the collator's all the same.
  const aName = fc.stringMatching(/^[A-Za-z0-9éüñÅøß][A-Za-z0-9 ,.'’\-éüñÅøß]{0,11}$/);
  propTest.prop([fc.array(aName, { maxLength: 40 }), fc.constantFrom('en', 'de', 'sv', 'cs', 'da', 'es-u-co-trad')])(
    'by name in the order of a collator over the folded names, whatever the language',
    (spellings, locale) => {
      const people = spellings.map((name, i) => person(`p${String(i).padStart(3, '0')}`, { name }));
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      const expected = [...people].sort(
        (a, b) => collator.compare(foldText(a.name), foldText(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      expect(sortPeople(people, 'name', new Map(), locale).map((c) => c.id)).toEqual(expected.map((c) => c.id));
    },
  );

  // Names are folded once per person value (ahead of time, or at the first sort): later sorts must agree.
  propTest.prop([fc.array(aName, { maxLength: 40 }), fc.constantFrom('en', 'sv', 'es-u-co-trad'), fc.boolean()])(
    'by name the same whether the names were folded ahead, sorted before, or neither',
    (spellings, locale, ahead) => {
      const people = spellings.map((name, i) => person(`q${String(i).padStart(3, '0')}`, { name }));
      const fresh = sortPeople(
        people.map((p) => ({ ...p })),
        'name',
        new Map(),
        locale,
      ).map((c) => c.id);
      if (ahead) foldNamesAhead(people);
      else sortPeople(people, 'met');
      expect(sortPeople(people, 'name', new Map(), locale).map((c) => c.id)).toEqual(fresh);
      expect(sortPeople([...people].reverse(), 'name', new Map(), locale).map((c) => c.id)).toEqual(fresh);
    },
  );

  // People sorts everyone once and filters the sorted list: that must be what sorting the filtered people gives.
  propTest.prop([
    fc.array(
      fc.record({
        name: aName,
        metOn: fc.constantFrom(null, '2025-01-01', '2026-03-04'),
        tag: fc.constantFrom('rust', 'go', null),
        club: fc.boolean(),
        trashed: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    fc.constantFrom('name' as const, 'met' as const, 'last-contact' as const),
    fc.record({ tag: fc.constantFrom('RUST', null), communityId: fc.constantFrom(club.id, null) }),
  ])('sorting then filtering gives what filtering then sorting gives', (drafts, by, filter) => {
    const people = drafts.map((d, i) =>
      person(`r${String(i).padStart(3, '0')}`, {
        name: d.name,
        metOn: d.metOn,
        tags: d.tag ? [d.tag] : [],
        communityIds: d.club ? [club.id] : [],
        deletedAt: d.trashed ? '2026-01-01T00:00:00.000Z' : null,
      }),
    );
    const last = new Map(
      people.filter((_, i) => i % 3 === 0).map((p, i) => [p.id, `2026-0${(i % 9) + 1}-01T00:00:00.000Z`]),
    );
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    expect(ids(filterPeople(sortPeople(people, by, last), filter))).toEqual(
      ids(sortPeople(filterPeople(people, filter), by, last)),
    );
  });

  test('a renamed person (a new value) sorts by the new name', () => {
    const first = sortPeople([zoe, ana, bob], 'name');
    const renamed = { ...zoe, name: 'Abe' };
    expect(names(first)).toEqual(['ana', 'Bob', 'Zoë']);
    expect(names(sortPeople([renamed, ana, bob], 'name'))).toEqual(['Abe', 'ana', 'Bob']);
  });

  test('by last contact, most recent first, never-contacted last', () => {
    const last = lastContactByPerson([
      interaction('1', { at: '2026-01-01T10:00:00Z', contactIds: [bob.id] }),
      interaction('2', { at: '2026-02-01T10:00:00Z', contactIds: [emile.id, bob.id] }),
      interaction('3', { at: '2026-03-01T10:00:00Z', contactIds: [zoe.id] }),
      interaction('4', { at: '2026-04-01T10:00:00Z', contactIds: [ana.id], deletedAt: '2026-04-02T00:00:00.000Z' }),
    ]);
    expect(last.get(bob.id)).toBe('2026-02-01T10:00:00.000Z');
    expect(last.has(ana.id)).toBe(false);
    expect(names(sortPeople([ana, bob, emile, zoe], 'last-contact', last))).toEqual(['Zoë', 'Bob', 'Émile', 'ana']);
  });

  test('by date met, most recent first, unknown last', () => {
    expect(names(sortPeople([zoe, bob, ana], 'met'))).toEqual(['ana', 'Zoë', 'Bob']);
  });
});
