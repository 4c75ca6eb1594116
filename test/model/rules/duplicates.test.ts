import { describe, expect, test } from 'vitest';
import type { Contact } from '../../../src/model/index.ts';
import {
  MAX_SHARED_KEY_GROUP,
  emailKey,
  findDuplicates,
  jaroWinkler,
  linkedinKey,
  nameSimilarity,
  organisationKey,
  pairKey,
  phoneKey,
} from '../../../src/model/rules/index.ts';
import { person } from './build.ts';

const pairsOf = (contacts: Contact[], dismissed?: Set<string>) =>
  findDuplicates(contacts, dismissed ? { dismissed } : {}).map((p) => [p.aId, p.bId, p.reasons.map((r) => r.kind)]);

describe('keys', () => {
  test('email: trimmed, any case', () => {
    expect(emailKey(' Ana@Example.COM ')).toBe('ana@example.com');
  });

  test('phone: the last 9 digits, so international and national forms agree', () => {
    expect(phoneKey('+44 20 7946 0958')).toBe(phoneKey('020 7946 0958'));
    expect(phoneKey('(020) 7946-0958 ext. 12')).toBe(phoneKey('020 7946 0958'));
    expect(phoneKey('020 7946 0958')).not.toBe(phoneKey('020 7946 0959'));
    expect(phoneKey('12345')).toBeNull();
  });

  test('LinkedIn: host, path, case, trailing slash and query do not matter', () => {
    const k = 'linkedin.com/in/ana-lopez';
    expect(linkedinKey('https://www.linkedin.com/in/Ana-Lopez/')).toBe(k);
    expect(linkedinKey('linkedin.com/in/ana-lopez?trk=profile')).toBe(k);
    expect(linkedinKey('http://uk.linkedin.com/in/ana-lopez')).toBe(k);
    expect(linkedinKey('https://www.linkedin.com/in/ana-lopez/details/experience/')).toBe(k);
    expect(linkedinKey('https://www.linkedin.com/in/ana-lopez-2')).not.toBe(k);
    expect(linkedinKey('https://www.linkedin.com/in/jos%C3%A9')).toBe('linkedin.com/in/josé');
    expect(linkedinKey('')).toBeNull();
  });

  test('organisation: folded, legal suffixes and punctuation ignored', () => {
    expect(organisationKey('ACME Ltd.')).toBe('acme');
    expect(organisationKey('Acme')).toBe('acme');
    expect(organisationKey('Société Générale S.A.')).toBe('societe generale');
  });

  test('similarity measures', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(nameSimilarity('López, Ana', 'ana lopez')).toBe(1);
    expect(nameSimilarity('Ana Lopez', 'Ana María López')).toBeGreaterThanOrEqual(0.93);
    expect(nameSimilarity('Jon Smith', 'John Smith')).toBeGreaterThanOrEqual(0.93);
    expect(nameSimilarity('John Smith', 'Jane Smith')).toBeLessThan(0.93);
    expect(nameSimilarity('Ana Lopez', 'Ana Ortiz')).toBeLessThan(0.93);
  });
});

describe('findDuplicates', () => {
  test('a shared email in any case', () => {
    const a = person('a1', { name: 'Ana López', emails: ['Ana@Example.com'] });
    const b = person('b1', { name: 'A. Lopez', emails: ['other@x.org', 'ana@example.com'] });
    const c = person('c1', { name: 'Someone', emails: ['someone@example.com'] });
    const found = findDuplicates([a, b, c]);
    expect(found.map((p) => [p.aId, p.bId])).toEqual([[a.id, b.id]]);
    expect(found[0]?.sentence).toBe(
      'Ana López and A. Lopez share the email ana@example.com — they may be the same person.',
    );
  });

  test('a phone number written two ways', () => {
    const a = person('a2', { name: 'Ben', phones: ['+44 20 7946 0958'] });
    const b = person('b2', { name: 'Benjamin', phones: ['020 7946 0958'] });
    const found = findDuplicates([a, b]);
    expect(found.map((p) => p.reasons)).toEqual([[{ kind: 'phone', value: '+44 20 7946 0958' }]]);
  });

  test('the same LinkedIn profile under different spellings', () => {
    const a = person('a3', { name: 'Cat', linkedin: 'https://www.linkedin.com/in/cat-ng/' });
    const b = person('b3', { name: 'Catherine Ng', linkedin: 'uk.linkedin.com/in/Cat-Ng' });
    expect(pairsOf([a, b])).toEqual([[a.id, b.id, ['linkedin']]]);
  });

  test('very similar names in the same organisation, however it is spelled', () => {
    const jon = person('jon', { name: 'Jon Smith', organisation: 'ACME Ltd' });
    const john = person('john', { name: 'John Smith', organisation: 'Acme' });
    const jane = person('jane', { name: 'Jane Smith', organisation: 'Acme' });
    const elsewhere = person('else', { name: 'John Smith', organisation: 'Globex' });
    const found = findDuplicates([jon, john, jane, elsewhere]);
    expect(found.map((p) => [p.aId, p.bId])).toEqual([[john.id, jon.id]]);
    expect(found[0]?.sentence).toBe(
      'John Smith and Jon Smith have very similar names and both work at Acme — they may be the same person.',
    );
  });

  test('names whose first letters differ are still compared when another word shares one', () => {
    const k = person('kath', { name: 'Katherine Smith', organisation: 'Acme' });
    const c = person('cath', { name: 'Catherine Smith', organisation: 'Acme' });
    expect(pairsOf([k, c])).toEqual([[c.id, k.id, ['similar-name']]]);
  });

  test('the same full name when no organisation tells them apart; not across two known employers; a bare one-word name entered twice', () => {
    const a = person('zoe1', { name: 'Zoë Müller' });
    const b = person('zoe2', { name: 'Zoe Muller', organisation: 'Acme' });
    const c = person('zoe3', { name: 'Zoe Muller', organisation: 'Globex' });
    const solo1 = person('solo1', { name: 'Ana' });
    const solo2 = person('solo2', { name: 'Ana' });
    expect(pairsOf([a, b, c, solo1, solo2])).toEqual([
      [solo1.id, solo2.id, ['same-name']],
      [a.id, b.id, ['same-name']],
      [a.id, c.id, ['same-name']],
    ]);
    const found = findDuplicates([a, b, solo1, solo2]);
    // Only a name agrees: uncertain, except two records that hold nothing but the name.
    expect(found.map((p) => p.certain)).toEqual([true, false]);
  });

  test('several reasons make one pair, strongest first, in one sentence', () => {
    const a = person('a5', {
      name: 'Dee Roy',
      organisation: 'Acme',
      emails: ['dee@acme.com'],
      phones: ['+1 415 555 0100'],
    });
    const b = person('b5', {
      name: 'Dee Roy',
      organisation: 'Acme',
      emails: ['DEE@acme.com'],
      phones: ['415-555-0100'],
    });
    const c = person('c5', { name: 'Eve', phones: ['+1 212 555 0199'] });
    const d = person('d5', { name: 'Eva', phones: ['212 555 0199'] });
    const found = findDuplicates([c, d, a, b]);
    expect(found.map((p) => p.key)).toEqual([pairKey(a.id, b.id), pairKey(c.id, d.id)]);
    expect(found[0]?.reasons.map((r) => r.kind)).toEqual(['email', 'phone', 'similar-name']);
    expect(found[0]?.sentence).toBe(
      'Two records of Dee Roy share the email dee@acme.com and the phone number +1 415 555 0100, and have very similar names and both work at Acme — they may be the same person.',
    );
  });

  test('trashed, merged and dismissed pairs are not offered', () => {
    const a = person('a6', { name: 'Fay', emails: ['fay@x.com'] });
    const b = person('b6', { name: 'Fay', emails: ['fay@x.com'], deletedAt: '2026-02-01T00:00:00.000Z' });
    const c = person('c6', { name: 'Fay', emails: ['fay@x.com'], mergedIntoId: a.id });
    const d = person('d6', { name: 'Fay B', emails: ['fay@x.com'] });
    expect(pairsOf([a, b, c])).toEqual([]);
    expect(pairsOf([a, d], new Set([pairKey(d.id, a.id)]))).toEqual([]);
    expect(pairsOf([a, d])).toHaveLength(1);
  });

  test('a key shared by a crowd (a team inbox, a switchboard) is not evidence', () => {
    const crowd = Array.from({ length: MAX_SHARED_KEY_GROUP + 1 }, (_, i) =>
      person(`crowd${i}`, { name: `Person ${i}`, emails: ['info@acme.com'] }),
    );
    expect(findDuplicates(crowd)).toEqual([]);
    expect(findDuplicates(crowd.slice(0, 3))).toHaveLength(3);
  });

  test('10,000 people in 50 organisations: names are compared in blocks, far fewer than all pairs', () => {
    const syllables = [
      'ka',
      'lo',
      'mi',
      'ra',
      'ten',
      'vo',
      'shi',
      'an',
      'del',
      'por',
      'qu',
      'ez',
      'bri',
      'gan',
      'ul',
      'yo',
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const word = () => {
      const w = Array.from(
        { length: 2 + Math.floor(rand() * 2) },
        () => syllables[Math.floor(rand() * syllables.length)],
      ).join('');
      return w.charAt(0).toUpperCase() + w.slice(1);
    };
    const people = Array.from({ length: 10_000 }, (_, i) =>
      person(`bulk${i}`, { name: `${word()} ${word()}`, organisation: `Org ${i % 50}`, emails: [`p${i}@x.com`] }),
    );
    const stats = { nameComparisons: 0 };
    const found = findDuplicates(people, { stats });
    const pairsWithinOrganisations = 50 * ((200 * 199) / 2);
    expect(stats.nameComparisons).toBeGreaterThan(0);
    expect(stats.nameComparisons).toBeLessThan(pairsWithinOrganisations / 4);
    expect(found.length).toBeLessThan(2000); // random names are mostly unlike each other
  });
});
