import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/io/parse-file.ts';
import { parseVCards } from '../../src/io/vcard-parse.ts';
import type { ParseReport } from '../../src/io/types.ts';
import { fixture, setFields } from './helpers.ts';

function vcard(name: string): ParseReport {
  const r = parseFile(name, fixture(name));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.format).toBe('vcard');
  return r.report;
}

describe('vCard fixtures, as each exporter writes them', () => {
  it('iPhone 3.0: item1 labels, X-SOCIALPROFILE, year-less birthday, PHOTO dropped and said', () => {
    const r = vcard('iphone-3.0.vcf');
    expect(r.invalid).toEqual([]);
    expect(r.drafts.map((d) => d.line)).toEqual([1, 32, 42]);
    const [ana, hub, kwame] = r.drafts;
    expect(setFields(ana!.values)).toEqual({
      name: 'Ana Lima',
      role: 'CTO',
      organisation: 'Acme Corp',
      department: 'Engineering',
      emails: ['ana@acme.example'],
      phones: ['+44 7700 900123', '+44 20 7946 0958'],
      linkedin: 'https://www.linkedin.com/in/ana-lima',
      website: 'https://ana.example.com/',
      location: 'Bristol',
      birthday: '--03-15',
      notes: 'Met at RustConf, talked about WASM.\nLikes climbing.',
    });
    expect(ana!.notes).toEqual(['photo not imported']);
    expect(r.warnings).toContainEqual({ line: 1, message: expect.stringMatching(/Photo not imported for Ana Lima/) });
    expect(setFields(hub!.values)).toEqual({
      name: 'Bristol Tech Hub',
      organisation: 'Bristol Tech Hub',
      emails: ['hello@bristoltech.example'],
    });
    expect(kwame!.values.linkedin).toBe('https://www.linkedin.com/in/kwame-mensah-1a2b3c');
    expect(kwame!.values.birthday).toBe('1979-11-02');
    expect(kwame!.notes).toEqual([]);
  });

  it('Android 2.1: QUOTED-PRINTABLE with CHARSET=UTF-8, soft breaks (even inside a character), bare types, N without FN', () => {
    const r = vcard('android-2.1.vcf');
    expect(r.invalid).toEqual([]);
    const [juergen, chidi] = r.drafts;
    expect(setFields(juergen!.values)).toEqual({
      name: 'Jürgen Müller',
      role: 'Leiter Vertrieb',
      organisation: 'Bäckerei Schmidt GmbH',
      department: 'Vertrieb',
      emails: ['juergen@example.de'],
      phones: ['+49 151 23456789', '030 1234567'],
      location: 'München',
      birthday: '1980-05-17',
      notes: 'Sehr freundlich. Kennt viele Leute in der Gastronomie überall in Berlin und München. ✓',
    });
    expect(juergen!.notes).toEqual(['photo not imported']);
    expect(setFields(chidi!.values)).toEqual({
      name: 'Dr. Chidi Okafor',
      emails: ['chidi.okafor@uni.example'],
      phones: ['0161 496 0000'],
    });
  });

  it('Outlook 2.1 in Windows-1252: raw 8-bit text and quoted-printable € read right, and the encoding said', () => {
    const r = vcard('outlook-2.1.vcf');
    const [rene] = r.drafts;
    expect(setFields(rene!.values)).toEqual({
      name: 'René Dubois',
      role: 'Directeur financier',
      organisation: 'Société Générale',
      department: 'Trésorerie',
      emails: ['rene.dubois@socgen.example'],
      phones: ['+33 1 42 14 20 00', '+33 6 12 34 56 78'],
      website: 'http://www.societegenerale.example/',
      location: 'Paris',
      notes: 'Rencontré au salon « Fintech ».\nPréfère le café € 2.',
    });
    expect(r.warnings[0]?.message).toMatch(/Windows-1252/);
  });

  it('Google 3.0: escaped colons in URLs, LinkedIn label, folded NOTE, CATEGORIES without system groups, FN empty', () => {
    const r = vcard('google-3.0.vcf');
    const [sofia, yui] = r.drafts;
    expect(sofia!.values.website).toBe('http://www.studiorossi.example/');
    expect(sofia!.values.linkedin).toBe('https://www.linkedin.com/in/sofiarossi/');
    expect(sofia!.values.tags).toEqual(['Architects', 'starred']);
    expect(sofia!.values.notes).toBe(
      'Loves brutalism; hates glass towers. Wants to meet people who work on low-carbon concrete and on the reuse of old industrial buildings in northern Italy.',
    );
    expect(sofia!.values.emails).toEqual(['sofia@example.it', 's.rossi@studio.example']);
    expect(yui!.values.name).toBe('Yui Nakamura');
    expect(yui!.values.tags).toEqual([]);
  });

  it('4.0: tel: URIs, quoted TYPE lists, --MMDD, ORG with units, escaped commas in CATEGORIES, LF and tab folding; groups skipped', () => {
    const r = vcard('v4.vcf');
    const [priya] = r.drafts;
    expect(setFields(priya!.values)).toMatchObject({
      name: 'Priya Natarajan',
      organisation: 'ABC, Inc.',
      department: 'North American Division, Marketing',
      phones: ['+1-555-555-0100'],
      birthday: '--04-15',
      tags: ['mentors', 'growth,marketing'],
      website: 'https://priya.example.org/',
    });
    expect(priya!.values.notes).toContain('fold it across more than one line');
    expect(r.drafts).toHaveLength(1);
    expect(r.invalid).toEqual([{ line: 16, reason: expect.stringMatching(/group/) }]);
  });
});

describe('vCard details', () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');

  it('birthdays in every form phones write', () => {
    const cases: [string, string][] = [
      ['BDAY:1985-04-12', '1985-04-12'],
      ['BDAY:19850412', '1985-04-12'],
      ['BDAY:1985-04-12T00:00:00Z', '1985-04-12'],
      ['BDAY:--0412', '--04-12'],
      ['BDAY:--04-12', '--04-12'],
      ['BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12', '--04-12'],
      ['BDAY;VALUE=date:2000-02-29', '2000-02-29'],
    ];
    for (const [line, expected] of cases) {
      expect(parseVCards(card('FN:A', line)).drafts[0]?.values.birthday, line).toBe(expected);
    }
    const bad = parseVCards(card('FN:A', 'BDAY:next tuesday'));
    expect(bad.drafts[0]?.values.birthday).toBeNull();
    expect(bad.warnings[0]?.message).toMatch(/birthday/);
    expect(parseVCards(card('FN:A', 'BDAY:1985-02-30')).warnings[0]?.message).toMatch(/calendar/);
  });

  it('escapes: \\, \\; \\n and a literal backslash', () => {
    const r = parseVCards(card('FN:Smith\\, Jr.', 'NOTE:a\\;b\\nc\\\\d C:\\Users'));
    expect(r.drafts[0]?.values.name).toBe('Smith, Jr.');
    expect(r.drafts[0]?.values.notes).toBe('a;b\nc\\d C:\\Users');
  });

  it('quoted parameter values may hold ":" and ";"', () => {
    const r = parseVCards(card('FN:A', 'EMAIL;TYPE="work;home:x",INTERNET:a@b.example'));
    expect(r.drafts[0]?.values.emails).toEqual(['a@b.example']);
  });

  it('bare 2.1 type parameters and TYPE= lists are read alike', () => {
    const r = parseVCards(
      card(
        'FN:A',
        'TEL;WORK;VOICE:+1 555 0100',
        'TEL;TYPE=work,voice:+1 555 0101',
        'TEL;TYPE=WORK;TYPE=VOICE:+1 555 0102',
      ),
    );
    expect(r.drafts[0]?.values.phones).toEqual(['+1 555 0100', '+1 555 0101', '+1 555 0102']);
  });

  it('FN missing: the name comes from N; neither: the card is invalid with its line', () => {
    expect(parseVCards(card('N:Doe;Jane;Q.;Ms.;PhD')).drafts[0]?.values.name).toBe('Ms. Jane Q. Doe PhD');
    const r = parseVCards(`${card('FN:Ok')}\r\n${card('EMAIL:x@y.example')}`);
    expect(r.drafts).toHaveLength(1);
    expect(r.invalid).toEqual([{ line: 5, reason: 'This entry has no name.' }]);
  });

  it('over-long text is cut with a warning, an over-long name makes the card invalid', () => {
    const r = parseVCards(card('FN:A', `NOTE:${'n'.repeat(25_000)}`, `TITLE:${'t'.repeat(400)}`));
    expect(r.drafts[0]!.values.notes).toHaveLength(20_000);
    expect(r.drafts[0]!.values.role).toHaveLength(300);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Notes was cut to its first 20000 characters (it had 25000).',
      'Role was cut to its first 300 characters (it had 400).',
    ]);
    expect(parseVCards(card(`FN:${'x'.repeat(201)}`)).invalid[0]!.reason).toMatch(/Name is too long/);
  });

  it('invalid emails and phones are left out with a warning, the person kept', () => {
    const r = parseVCards(card('FN:A', 'EMAIL:not-an-email', 'TEL:call me'));
    expect(r.drafts[0]?.values.emails).toEqual([]);
    expect(r.warnings.map((w) => w.message).join(' ')).toMatch(/not an email address.*not a phone number/);
  });

  it('LinkedIn URLs go to linkedin, other links to website, extra websites into notes', () => {
    const r = parseVCards(
      card('FN:A', 'URL:https://uk.linkedin.com/in/a', 'URL:www.a.example', 'URL:https://b.example/x'),
    );
    const v = r.drafts[0]!.values;
    expect(v.linkedin).toBe('https://uk.linkedin.com/in/a');
    expect(v.website).toBe('https://www.a.example/');
    expect(v.notes).toBe('Other web addresses: https://b.example/x');
  });

  it('CRLF, LF and lone CR files, with or without BOM, read the same', () => {
    const base = card('FN:Zoë', 'NOTE:long\r\n  note');
    const lf = base.replace(/\r\n/g, '\n');
    const cr = base.replace(/\r\n/g, '\r');
    for (const text of [base, lf, cr, `\uFEFF${base}`]) {
      const d = parseVCards(text).drafts[0]!;
      expect(d.values.name).toBe('Zoë');
      expect(d.values.notes).toBe('long note');
    }
  });

  it('many cards per file, each with its own line', () => {
    const text = Array.from({ length: 50 }, (_, i) => card(`FN:P${i}`)).join('\r\n');
    const r = parseVCards(text);
    expect(r.drafts).toHaveLength(50);
    expect(r.drafts[49]!.line).toBe(49 * 4 + 1);
  });
});
