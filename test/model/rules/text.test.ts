import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  foldText,
  makeSearchIndex,
  makeSearchIndexInSlices,
  queryWords,
  search,
} from '../../../src/model/rules/index.ts';
import { community, person } from './build.ts';

describe('foldText', () => {
  test.each([
    ['Zoë', 'zoe'],
    ['Müller', 'muller'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['ÆSIR', 'aesir'],
    ['Søren', 'soren'],
    ['Đorđe', 'dorde'],
    ['Œuvre', 'oeuvre'],
    ['Þórr', 'thorr'],
    ['Ångström', 'angstrom'],
    ['François', 'francois'],
    ['İstanbul', 'istanbul'],
    ['plain ascii', 'plain ascii'],
  ])('%s folds to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  propTest.prop([fc.string({ unit: 'grapheme' })])('is idempotent', (s) => {
    expect(foldText(foldText(s))).toBe(foldText(s));
  });

  propTest.prop([fc.string({ unit: 'grapheme' })])('leaves no upper case and no combining mark', (s) => {
    const f = foldText(s);
    expect(f).toBe(f.toLowerCase());
    expect(/\p{M}/u.test(f)).toBe(false);
  });

  test('query words are folded and split on any space', () => {
    expect(queryWords('  Zoë \t MÜLLER ')).toEqual(['zoe', 'muller']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('search', () => {
  const london = community('london', { name: 'PyData London' });
  const zoe = person('zoe', {
    name: 'Zoë Müller',
    organisation: 'Acme',
    role: 'CTO',
    tags: ['Kubernetes'],
    communityIds: [london.id],
  });
  const ana = person('ana', {
    name: 'Ana López',
    organisation: 'Globex',
    notes: 'Knows Zoe from school; loves climbing',
  });
  const ben = person('ben', { name: 'Ben Zoeller', emails: ['ben@example.com'] });
  const gone = person('gone', { name: 'Zoe Gone', deletedAt: '2026-01-02T00:00:00.000Z' });
  const merged = person('merged', { name: 'Zoe Twin', mergedIntoId: zoe.id });
  const index = makeSearchIndex([zoe, ana, ben, gone, merged], [london]);
  const names = (q: string) => search(index, q).map((id) => index.byId.get(id)?.name);

  test('is case- and accent-insensitive in both directions', () => {
    expect(search(index, 'zoe')).toContain(zoe.id);
    expect(search(index, 'muller')).toEqual([zoe.id]);
    expect(search(index, 'MÜLLER')).toEqual([zoe.id]);
    expect(search(index, 'lopez')).toEqual([ana.id]);
  });

  test('searches organisation, role, tags, community names, notes and emails', () => {
    expect(search(index, 'globex')).toEqual([ana.id]);
    expect(search(index, 'cto')).toEqual([zoe.id]);
    expect(search(index, 'kubernetes')).toEqual([zoe.id]);
    expect(search(index, 'pydata')).toEqual([zoe.id]);
    expect(search(index, 'climbing')).toEqual([ana.id]);
    expect(search(index, 'ben@example')).toEqual([ben.id]);
  });

  test('requires every word (AND), in any field', () => {
    expect(search(index, 'zoe acme')).toEqual([zoe.id]);
    expect(search(index, 'zoe globex')).toEqual([ana.id]);
    expect(search(index, 'zoe nowhere')).toEqual([]);
  });

  test('a word never matches across two fields', () => {
    // name "ana lópez" + organisation "globex" must not make "lopezglobex" match
    expect(search(index, 'lopezglobex')).toEqual([]);
  });

  test('ranks names starting with the first word, then other name matches, then the rest', () => {
    expect(names('zoe')).toEqual(['zoe muller', 'ben zoeller', 'ana lopez']);
  });

  test('never finds trashed or merged people; an empty query lists everyone by name', () => {
    expect(search(index, 'gone')).toEqual([]);
    expect(search(index, 'twin')).toEqual([]);
    expect(names('')).toEqual(['ana lopez', 'ben zoeller', 'zoe muller']);
  });
});

describe('the search index built in slices', () => {
  test('is the index built at once, however often it pauses, and it does pause', async () => {
    const groups = [community('c1', { name: 'PyData London' }), community('c2', { name: 'Rust meetup' })];
    const people = Array.from({ length: 1200 }, (_, i) =>
      person(`p${i}`, {
        name: `Person ${String(i).padStart(4, '0')} ${i % 7 === 0 ? 'Zoë' : 'Ana'}`,
        organisation: `Org ${i % 13}`,
        communityIds: i % 3 === 0 ? [groups[i % 2]!.id] : [],
        ...(i % 50 === 0 ? { deletedAt: '2026-01-02T00:00:00.000Z' } : {}),
      }),
    );
    let pauses = 0;
    // A slice of 0 ms pauses at every step: the most interleaving there can be.
    const sliced = await makeSearchIndexInSlices(
      people,
      groups,
      async () => {
        pauses++;
      },
      0,
    );
    const once = makeSearchIndex(people, groups);
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.entries).toEqual(once.entries);
    expect(search(sliced, 'zoe pydata')).toEqual(search(once, 'zoe pydata'));
  });
});
