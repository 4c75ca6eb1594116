import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { filterPeople, foldText, lastContactByPerson, sortPeople, tagCounts } from '../../../src/model/rules/index.ts';
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
