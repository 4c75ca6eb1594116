/** The one same-person rule: its verdicts, its index, and the list-entry normal forms merges and imports share. */
import { describe, expect, test } from 'vitest';
import {
  comparePeople,
  listEntryKey,
  MAX_SHARED_KEY_GROUP,
  SamePersonIndex,
  type PersonLike,
} from '../../../src/model/rules/index.ts';

const p = (name: string, more: Partial<PersonLike> = {}): PersonLike => ({
  name,
  organisation: '',
  emails: [],
  phones: [],
  linkedin: '',
  ...more,
});
const verdict = (a: PersonLike, b: PersonLike) => {
  const l = comparePeople(a, b);
  return l ? `${l.certain ? 'certain' : 'uncertain'}: ${l.reasons.map((r) => r.kind).join(', ')}` : 'different';
};

describe('same person', () => {
  test('a shared email, phone (national or international) or LinkedIn profile is certain, whatever the names', () => {
    expect(verdict(p('Ana', { emails: ['ANA@x.example'] }), p('A. Lima', { emails: ['ana@x.example'] }))).toBe(
      'certain: email',
    );
    expect(verdict(p('Li', { phones: ['+44 20 7946 0958'] }), p('Wei', { phones: ['020 7946 0958'] }))).toBe(
      'certain: phone',
    );
    expect(
      verdict(p('Jo', { linkedin: 'https://uk.linkedin.com/in/jo/' }), p('Joanna', { linkedin: 'linkedin.com/in/JO' })),
    ).toBe('certain: linkedin');
  });

  test('the same name at the same organisation is certain: accents, case, word order and a fuller name aside', () => {
    expect(
      verdict(p('José Núñez', { organisation: 'Climatebase' }), p('jose nunez', { organisation: 'Climatebase Inc.' })),
    ).toBe('certain: similar-name');
    expect(
      verdict(p('Núñez, José', { organisation: 'Climatebase' }), p('José Núñez', { organisation: 'Climatebase' })),
    ).toBe('certain: similar-name');
    expect(verdict(p('Ana Lopez', { organisation: 'Acme' }), p('Ana María López', { organisation: 'ACME Ltd' }))).toBe(
      'certain: similar-name',
    );
  });

  test('only similar names, or the same name with details that disagree, are uncertain', () => {
    expect(verdict(p('Jon Smith', { organisation: 'Acme' }), p('John Smith', { organisation: 'Acme' }))).toBe(
      'uncertain: similar-name',
    );
    expect(
      verdict(
        p('Ana Lima', { organisation: 'Acme', emails: ['a@acme.example'] }),
        p('Ana Lima', { organisation: 'Acme', emails: ['b@acme.example'] }),
      ),
    ).toBe('uncertain: similar-name');
    expect(
      verdict(
        p('Ana Lima', { organisation: 'Acme', linkedin: 'linkedin.com/in/a' }),
        p('Ana Lima', { organisation: 'Acme', linkedin: 'linkedin.com/in/b' }),
      ),
    ).toBe('uncertain: similar-name');
    // Different kinds of detail do not disagree: a vCard's email and LinkedIn's profile.
    expect(
      verdict(
        p('Ana Lima', { organisation: 'Acme', emails: ['a@acme.example'] }),
        p('Ana Lima', { organisation: 'Acme', linkedin: 'linkedin.com/in/a' }),
      ),
    ).toBe('certain: similar-name');
  });

  test('the same full name without a shared organisation is uncertain; nothing but a name twice is certain; two employers are different people', () => {
    expect(verdict(p('Sam Lee', { emails: ['sam@home.example'] }), p('Sam Lee', { organisation: 'Acme' }))).toBe(
      'uncertain: same-name',
    );
    expect(verdict(p('Sam Lee'), p('sam  lee'))).toBe('certain: same-name');
    expect(verdict(p('Sam'), p('Sam'))).toBe('certain: same-name');
    expect(verdict(p('Sam'), p('Sam', { emails: ['s@x.example'] }))).toBe('different');
    expect(verdict(p('Sam Lee', { organisation: 'Acme' }), p('Sam Lee', { organisation: 'Globex' }))).toBe('different');
  });

  test('the index finds the same candidates as comparing every pair, certain first', () => {
    const people = [
      p('José Núñez', { organisation: 'Climatebase', emails: ['jose@cb.example'] }),
      p('Jose Nunez', { organisation: 'Climatebase' }),
      p('Sam Lee'),
      p('Sam Lee', { emails: ['sam@x.example'] }),
      p('Kwame Mensah', { phones: ['+233 24 412 3456'] }),
      p('K. Mensah', { phones: ['024 412 3456'] }),
      p('Jon Smith', { organisation: 'Acme' }),
      p('John Smith', { organisation: 'Acme' }),
      p('Lena Berg', { organisation: 'Globex' }),
    ];
    const index = SamePersonIndex.of(people);
    for (const query of people) {
      const viaIndex = index.candidates(query).map((c) => c.item.name + (c.likeness.certain ? ' (certain)' : ''));
      const viaPairs = people
        .filter((other) => other !== query)
        .flatMap((other) => {
          const l = comparePeople(other, query);
          return l ? [{ other, l }] : [];
        })
        .sort((x, y) => Number(y.l.certain) - Number(x.l.certain))
        .map(({ other, l }) => other.name + (l.certain ? ' (certain)' : ''));
      expect(viaIndex.sort()).toEqual(viaPairs.sort());
    }
  });

  test('a key shared by a crowd is not evidence', () => {
    const crowd = Array.from({ length: MAX_SHARED_KEY_GROUP + 1 }, (_, i) =>
      p(`Person ${i}`, { emails: ['info@acme.example'] }),
    );
    expect(SamePersonIndex.of(crowd).candidates(crowd[0]!)).toEqual([]);
  });

  test('list entries: one address in any case, one number however written, tags by case, ids exactly', () => {
    expect(listEntryKey('emails', ' Ana@X.example ')).toBe(listEntryKey('emails', 'ana@x.example'));
    expect(listEntryKey('phones', '+44 20 7946 0958')).toBe(listEntryKey('phones', '020 7946 0958'));
    expect(listEntryKey('tags', 'Rust')).toBe(listEntryKey('tags', 'rust'));
    expect(listEntryKey('communityIds', 'AbC')).not.toBe(listEntryKey('communityIds', 'abc'));
  });
});
