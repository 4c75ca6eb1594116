import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from '../../src/io/decode.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import type { ParseReport } from '../../src/io/types.ts';

// Issue 17 §2: every real exporter's encoding. Inputs are built byte by byte here, so that what
// the test feeds the parser is exactly what the exporter wrote.

const enc = new TextEncoder();
/** Concatenates ASCII/UTF-8 strings and raw byte arrays into one file. */
const file = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));

function report(name: string, bytes: Uint8Array): ParseReport {
  const r = parseFile(name, bytes);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.format).toBe('vcard');
  return r.report;
}

// Shift_JIS: 山 8E52, 田 9363, 太 91BE, 郎 9859, 表 955C and ソ 835C (both end in 0x5C, a backslash in ASCII).
const YAMADA = [0x8e, 0x52, 0x93, 0x63];
const TARO = [0x91, 0xbe, 0x98, 0x59];
const HYO = [0x95, 0x5c];
const SO = [0x83, 0x5c];

// Windows-1251: bytes of Cyrillic text, written by hand.
const cp1251 = (s: string) =>
  [...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    const extra: Record<string, number> = {
      Ё: 0xa8,
      ё: 0xb8,
      І: 0xb2,
      і: 0xb3,
      Ї: 0xaf,
      ї: 0xbf,
      Є: 0xaa,
      є: 0xba,
      '«': 0xab,
      '»': 0xbb,
      '№': 0xb9,
    };
    const b = extra[ch];
    if (b === undefined) throw new Error(`not in the test's table: ${ch}`);
    return b;
  });

describe('vCard 2.1 CHARSET on raw 8-bit values', () => {
  it('Shift_JIS values are decoded from their bytes by the declared charset', () => {
    const r = report(
      'jp.vcf',
      file(
        'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:',
        YAMADA,
        ';',
        TARO,
        ';;;\r\n',
        'FN;CHARSET=SHIFT_JIS:',
        YAMADA,
        ' ',
        TARO,
        '\r\n',
        'ORG;CHARSET=SHIFT_JIS:',
        HYO,
        ';',
        SO,
        'ft\r\n',
        'TEL;CELL:090-1234-5678\r\nEND:VCARD\r\n',
      ),
    );
    expect(r.invalid).toEqual([]);
    expect(r.drafts[0]!.values).toMatchObject({
      name: '山田 太郎',
      organisation: '表',
      department: 'ソft',
      phones: ['090-1234-5678'],
    });
    // Every 8-bit value declared its own charset: that is what is said.
    expect(r.warnings).toEqual([
      { line: 1, message: expect.stringMatching(/read in the character set they declare \(SHIFT_JIS\)/) },
    ]);
  });

  it('a trail byte of 0x5C is part of the character, not an escape, when components are split', () => {
    const r = report(
      'jp.vcf',
      file('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:', HYO, ';', SO, ';;;\r\nEND:VCARD\r\n'),
    );
    expect(r.drafts[0]!.values.name).toBe('ソ 表');
  });

  it('declared values and undeclared UTF-8 values in one file are each read right', () => {
    const r = report(
      'mixed.vcf',
      file('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:', YAMADA, '\r\nNOTE:Zoë Ñandú\r\nEND:VCARD\r\n'),
    );
    expect(r.drafts[0]!.values).toMatchObject({ name: '山田', notes: 'Zoë Ñandú' });
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/SHIFT_JIS/)]);
  });

  it('other declared charsets (Windows-1251, ISO-8859-2) and unknown ones', () => {
    const r = report(
      'x.vcf',
      file(
        'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=WINDOWS-1251:',
        cp1251('Иван Петров'),
        '\r\n',
        'ORG;CHARSET=ISO-8859-2:',
        [0xa3, 0xf3, 0x64, 0xbc],
        '\r\nEND:VCARD\r\n',
        'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-NO-SUCH:Ren',
        [0xc3, 0xa9],
        '\r\nEND:VCARD\r\n',
      ),
    );
    expect(r.drafts.map((d) => [d.values.name, d.values.organisation])).toEqual([
      ['Иван Петров', 'Łódź'],
      ['René', ''],
    ]);
    expect(r.warnings).toEqual([
      { line: 1, message: expect.stringMatching(/read in the character set they declare \(WINDOWS-1251\)/) },
      { line: 8, message: expect.stringMatching(/Unknown character set/) },
    ]);
  });
});

describe("the file's encoding, decided on evidence", () => {
  const ukrainian = () =>
    file(
      'BEGIN:VCARD\r\nVERSION:2.1\r\n',
      'N:',
      cp1251('Шевченко;Олександр'),
      ';;;\r\n',
      'FN:',
      cp1251('Олександр Шевченко'),
      '\r\n',
      'ORG:',
      cp1251('Дніпро Софт'),
      '\r\n',
      'ADR;WORK:;;',
      cp1251('вул. Центральна 1;ДНІПРО;;49000;Україна'),
      '\r\n',
      'NOTE:',
      cp1251('Зустрілися у ЗАПОРІЖЖІ, «ЛЁША» теж.'),
      '\r\n',
      'END:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:',
      cp1251('Мария Иванова'),
      '\r\nEMAIL:maria@example.ru\r\nEND:VCARD\r\n',
    );

  it('a Windows-1251 file without a declared charset, where a few byte pairs happen to be valid UTF-8', () => {
    const bytes = ukrainian();
    // The premise: some pairs (НІ, РІ, ЖІ, ЛЁ) are valid UTF-8 on their own.
    const lenient = new TextDecoder().decode(bytes);
    expect(lenient).toMatch(/[\u0080-\uFFFC]/);
    const r = report('ua.vcf', bytes);
    expect(r.invalid).toEqual([]);
    expect(r.drafts.map((d) => d.values.name)).toEqual(['Олександр Шевченко', 'Мария Иванова']);
    expect(r.drafts[0]!.values).toMatchObject({
      organisation: 'Дніпро Софт',
      location: 'ДНІПРО',
      notes: 'Зустрілися у ЗАПОРІЖЖІ, «ЛЁША» теж.',
    });
    expect(r.warnings).toEqual([{ line: 1, message: expect.stringMatching(/not UTF-8.*Cyrillic \(Windows-1251\)/) }]);
  });

  it('the same evidence decides CSV files', () => {
    const csv = file(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n',
      cp1251('Олександр,Шевченко,,,Дніпро Софт,ДИРЕКТОР,'),
      '01 Jan 2024\r\n',
    );
    const decoded = decodeFileBytes(csv);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain('Олександр,Шевченко,,,Дніпро Софт,ДИРЕКТОР');
  });

  it('a Shift_JIS file without any declared charset', () => {
    const r = report(
      'jp.vcf',
      file('BEGIN:VCARD\r\nVERSION:2.1\r\nN:', YAMADA, ';', TARO, ';;;\r\nFN:', YAMADA, ' ', TARO, '\r\nEND:VCARD\r\n'),
    );
    expect(r.drafts[0]!.values.name).toBe('山田 太郎');
    expect(r.warnings[0]?.message).toMatch(/Japanese \(Shift_JIS\)/);
  });

  it('Western Windows-1252 stays Windows-1252; damaged UTF-8 stays damaged UTF-8', () => {
    const western = report(
      'w.vcf',
      file(
        'BEGIN:VCARD\r\nFN:Ren',
        [0xe9],
        ' M',
        [0xfc],
        'ller ',
        [0xd8],
        'rsted\r\nNOTE:',
        [0x93],
        'Hi',
        [0x94],
        ' ',
        [0x80],
        '5\r\nEND:VCARD\r\n',
      ),
    );
    expect(western.drafts[0]!.values).toMatchObject({ name: 'René Müller Ørsted', notes: '“Hi” €5' });
    expect(western.warnings).toEqual([{ line: 1, message: expect.stringMatching(/Windows-1252/) }]);
    const damaged = report(
      'd.vcf',
      file('BEGIN:VCARD\r\nFN:Zoë Ñandú Ørsted\r\nNOTE:ok ', [0xff], ' fine\r\nEND:VCARD\r\n'),
    );
    expect(damaged.drafts[0]!.values).toMatchObject({ name: 'Zoë Ñandú Ørsted', notes: 'ok \uFFFD fine' });
    expect(damaged.warnings).toEqual([
      { line: 3, message: expect.stringMatching(/not valid UTF-8.*1 unreadable character was/) },
    ]);
  });
});

describe('folding', () => {
  it('a line folded in the middle of a multi-byte UTF-8 character (servers folding at 75 bytes)', () => {
    const note = enc.encode('Привет, мир — café 山田');
    // Fold after every 7th byte: lands inside Cyrillic, the dash, é and the kanji.
    const folded: number[] = [];
    note.forEach((b, i) => {
      if (i > 0 && i % 7 === 0) folded.push(0x0d, 0x0a, 0x20);
      folded.push(b);
    });
    const fn = [...enc.encode('Zoë')];
    const r = report(
      'f.vcf',
      file(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo',
        [fn[2]!],
        '\r\n\t',
        [fn[3]!],
        '\r\nNOTE:',
        folded,
        '\r\nEND:VCARD\r\n',
      ),
    );
    expect(r.drafts[0]!.values).toMatchObject({ name: 'Zoë', notes: 'Привет, мир — café 山田' });
    expect(r.warnings).toEqual([]);
  });

  it('the same in LF-only files', () => {
    const r = report('f.vcf', file('BEGIN:VCARD\nFN:Ren', [0xc3], '\n ', [0xa9], '\nEND:VCARD\n'));
    expect(r.drafts[0]!.values.name).toBe('René');
    expect(r.warnings).toEqual([]);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const utf16 = (text: string, littleEndian: boolean) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[i * 2 + (littleEndian ? 0 : 1)] = c & 0xff;
      out[i * 2 + (littleEndian ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ñandú 山田\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';

  for (const le of [true, false]) {
    it(`${le ? 'little' : 'big'}-endian, detected from the pattern of BEGIN:VCARD`, () => {
      const r = report('x.vcf', utf16(text, le));
      expect(r.drafts[0]!.values).toMatchObject({ name: 'Zoë Ñandú 山田', emails: ['zoe@example.com'] });
      expect(r.warnings).toEqual([]);
      expect(decodeFileBytes(utf16(text, le)).encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      // Leading blank lines and lower case, as some exporters write.
      expect(report('x.vcf', utf16(`\r\n${text.toLowerCase().replace('fn:', 'FN:')}`, le)).drafts).toHaveLength(1);
    });
  }

  it('a UTF-16 CSV without a byte-order mark is read too', () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nZoë,Ñandú,,,,,\r\n';
    const r = parseFile('Connections.csv', utf16(csv, true));
    expect(r.ok && r.report.drafts[0]!.values.name).toBe('Zoë Ñandú');
  });

  it('binary files with zero bytes are still refused', () => {
    expect(parseFile('x.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 0, 2, 0]))).toMatchObject({
      ok: false,
      error: { type: 'unknown-format' },
    });
  });
});

describe('escapes', () => {
  it('\\" as Gmail and macOS Contacts write it is a plain double quote', () => {
    const r = report(
      'g.vcf',
      file(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Robert \\"Bob\\" Smith\r\nORG:\\"Acme\\"\\, Inc.;R&D\r\nNOTE:He said \\"hi\\"\\nC:\\Users\r\nEND:VCARD\r\n',
      ),
    );
    expect(r.drafts[0]!.values).toMatchObject({
      name: 'Robert "Bob" Smith',
      organisation: '"Acme", Inc.',
      department: 'R&D',
      notes: 'He said "hi"\nC:\\Users',
    });
  });
});

describe('hostile bytes on the byte path', () => {
  it('thousands of made-up charsets, UTF-16 labels on 8-bit values and random high bytes: read, never thrown', () => {
    const lines: (string | number[])[] = ['BEGIN:VCARD\r\nFN:A\r\n'];
    for (let i = 0; i < 2000; i++) lines.push(`NOTE;CHARSET=x-made-up-${i}:`, [0x80 + (i % 128), 0xff, 0xc3], '\r\n');
    lines.push(
      'NOTE;CHARSET=UTF-16:',
      [0xe9, 0x41],
      '\r\nNOTE;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:=FF',
      [0xe9],
      '=\r\n',
      [0xc3],
      '\r\nEND:VCARD\r\n',
    );
    const r = parseFile('x.vcf', file(...lines));
    expect(r.ok && r.report.drafts.map((d) => d.values.name)).toEqual(['A']);
  });
});
