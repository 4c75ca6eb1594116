import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseWebUrl } from '../../src/model/index.ts';

/** What parseWebUrl answers by the URL parser alone (the way it did before its shortcut for stored links). */
function byUrlParser(value: string): { ok: true; value: string } | { ok: false } {
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return { ok: false };
    return { ok: true, value: url.href };
  } catch {
    return { ok: false };
  }
}

const same = (value: string) => {
  const r = parseWebUrl(value);
  const expected = byUrlParser(value);
  expect(r.ok).toBe(expected.ok);
  if (r.ok && expected.ok) expect(r.value).toBe(expected.value);
};

describe('parseWebUrl', () => {
  it('gives what the URL parser gives for links as stored and links that need writing out', () => {
    for (const value of [
      'https://www.linkedin.com/in/ana-lima-1234',
      'https://www.linkedin.com/in/ana-lima-1234/',
      'http://example.org/',
      'https://example.org',
      'https://Example.org/a',
      'https://xn--bcher-kva.example/',
      'https://xn--a.com/',
      'https://a--b.com/',
      'https://a.com/./b',
      'https://a.com/../b',
      'https://a.com/a/../b',
      'https://a.com/.hidden',
      'https://a.com/a%2e%2e/b',
      'https://a.com/%2e%2e/b',
      'https://a.123/',
      'https://1.2.3.4/',
      'https://a.com:443/',
      'https://a.com:8080/x',
      'https://user@a.com/',
      'https://a.com/x?y=1',
      'https://a.com/x#y',
      'https://a.com/a b',
      "https://a.com/it's(1)*+,;=:@!$&~_-.",
      'https://a.com//x//',
      'https://-a.com/',
      'https://a-.com/',
      'https://a.com./',
      'example.org/me',
      ' https://a.com/x ',
      'javascript:alert(1)//a.com/',
      'ftp://a.com/',
      'https://localhost/',
    ])
      same(value);
  });

  const piece = fc.constantFrom(
    'http',
    'https',
    '://',
    ':',
    '/',
    '.',
    '..',
    'a',
    'Z',
    '0',
    '9',
    '-',
    '--',
    'xn--',
    'com',
    'org',
    '%',
    '%2e',
    '2e',
    '?',
    '#',
    '@',
    "'",
    '(',
    '~',
    '_',
    ' ',
    '\\',
    '^',
    '`',
    '{',
    'é',
    '\t',
  );
  propTest.prop([fc.array(piece, { maxLength: 14 })], { numRuns: 3000 })(
    'agrees with the URL parser on strings made of the pieces links are made of',
    (parts) => {
      same(`https://${parts.join('')}`);
      same(`https://a.com/${parts.join('')}`);
      same(parts.join(''));
    },
  );
});
