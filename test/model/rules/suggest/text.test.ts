/** Word forms, tokens and the vocabulary: what lets "hiring" find a "recruiter". */
import { describe, expect, test } from 'vitest';
import {
  conceptsOf,
  RELATED_WEIGHT,
  stem,
  terms,
  tokenize,
  VOCABULARY,
} from '../../../../src/model/rules/suggest/index.ts';

describe('stem', () => {
  test.each([
    [['hire', 'hiring', 'hired', 'hires']],
    [['recruiter', 'recruiting', 'recruitment', 'recruiters', 'recruit']],
    [['invest', 'investor', 'investing', 'investment', 'investors']],
    [['manage', 'manager', 'managing', 'management']],
    [['organise', 'organize', 'organiser', 'organizer', 'organising', 'organisation', 'organization']],
    [['mentor', 'mentoring', 'mentors', 'mentorship']],
    [['advise', 'adviser', 'advisor', 'advising']],
    [['founder', 'founding', 'founded']],
    [['developer', 'developing', 'development']],
    [['designer', 'designing', 'design']],
    [['journalist', 'journalism']],
    [['writer', 'writing', 'write']],
    [['engineer', 'engineering', 'engineers']],
    [['speaker', 'speaking', 'speakers']],
    [['company', 'companies']],
    [['pm', 'pms']],
    [['vc', 'vcs']],
    [['planning', 'planned', 'plan']],
  ])('%j share one stem', (words) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  test.each([
    ['engineer', 'engine'],
    ['cater', 'cat'],
    ['need', 'ne'],
    ['news', 'new'],
    ['labor', 'lab'],
    ['policy', 'police'],
  ])('keeps %s apart from %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  test('leaves short words and words with digits alone', () => {
    expect(stem('ai')).toBe('ai');
    expect(stem('web3')).toBe('web3');
    expect(stem('b2b')).toBe('b2b');
  });
});

describe('tokenize', () => {
  test('folds case and accents, so "Café Müller" and "cafe muller" are the same terms', () => {
    expect(terms('Café MÜLLER')).toEqual(terms('cafe muller'));
  });

  test('drops stop words and bare numbers', () => {
    expect(terms('Get introduced to the hiring managers at 3 startups in 2026')).toEqual([
      'get',
      'introduc',
      'hire',
      'manag',
      'startup',
    ]);
  });

  test('marks a query’s filler words and leaves them out of its terms', () => {
    expect(terms('Get introduced to hiring managers', { query: true })).toEqual(['hire', 'manag']);
    expect(tokenize('Learn machine learning', { query: true }).map((t) => t.filler === true)).toEqual([
      true,
      false,
      true,
    ]);
  });

  test('keeps each word’s place in the original text, accents and all', () => {
    const text = 'Zoë’s startup — Ångström Labs';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toMatch(/^[\p{L}’']+$/u);
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Zoë’s', 'startup', 'Ångström', 'Labs']);
  });
});

describe('vocabulary', () => {
  test('has at least 40 groups with unique ids, and every phrase says something', () => {
    expect(VOCABULARY.length).toBeGreaterThanOrEqual(40);
    expect(new Set(VOCABULARY.map((g) => g.id)).size).toBe(VOCABULARY.length);
    for (const g of VOCABULARY)
      for (const t of [...g.terms, ...(g.related ?? [])]) expect(terms(t), `${g.id}: ${t}`).not.toEqual([]);
  });

  test('every term finds its own group', () => {
    for (const g of VOCABULARY) for (const t of g.terms) expect(conceptsOf(t), `${g.id}: ${t}`).toContain(g.id);
  });

  test.each([
    ['recruiting', ['recruiter', 'Talent partner', 'hiring', 'hiring manager', 'Head of Talent Acquisition']],
    ['mentoring', ['mentor', 'coach', 'adviser', 'advisor']],
    ['investing', ['investor', 'VC', 'venture capital', 'angel']],
    ['founder', ['founder', 'co-founder', 'Co-Founder', 'cofounder', 'CEO of a startup']],
    ['product-management', ['product manager', 'PM', 'PMs', 'Product Owner']],
    ['climate', ['climate', 'sustainability', 'clean energy', 'net zero', 'Net-Zero', 'decarbonization']],
    ['software-engineering', ['engineer', 'developer', 'software developers']],
    ['journalism', ['journalist', 'reporter', 'editor']],
    ['legal', ['lawyer', 'attorney', 'counsel', 'solicitor']],
    ['speaking', ['speaker', 'keynote', 'panellist']],
    ['events', ['conference', 'events organiser', 'event organizer', 'meetup']],
    ['healthcare', ['NHS', 'healthcare', 'digital health']],
    ['teaching', ['teacher', 'headteacher', 'lecturer']],
    ['policy', ['policy adviser', 'public affairs', 'think tank']],
    ['manufacturing', ['manufacturer', 'factory', 'plant manager']],
    ['fintech', ['payments', 'open banking', 'fintech']],
  ])('%s: %j are one idea', (id, phrases) => {
    for (const p of phrases) expect(conceptsOf(p), p).toContain(id);
  });

  test('a phrase inside a longer phrase of another idea gives way: machine learning is not machining', () => {
    expect(conceptsOf('machine learning')).toEqual(['machine-learning']);
    expect(conceptsOf('engineering manager')).toEqual(['engineering-leadership']);
  });

  test('ordinary words outside it name no idea', () => {
    for (const w of ['wedding', 'football', 'excavators', 'Tuscany', 'quiz night'])
      expect(conceptsOf(w), w).toEqual([]);
  });

  test('related terms point to an idea less surely than its own terms', () => {
    expect(RELATED_WEIGHT).toBeGreaterThan(0);
    expect(RELATED_WEIGHT).toBeLessThan(1);
    expect(conceptsOf('energy')).toContain('climate'); // related
    expect(VOCABULARY.find((g) => g.id === 'climate')?.terms).not.toContain('energy');
  });
});
