import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from '../../src/io/decode.ts';
import { detectFormat, MAX_IMPORT_BYTES } from '../../src/io/detect.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { parseVCards } from '../../src/io/vcard-parse.ts';
import { parseLinkedinCsv } from '../../src/io/csv-linkedin.ts';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

// No time bounds here: quadratic work on these inputs would run for minutes and be caught by the
// test timeout; how fast parsing is belongs to bench/io.bench.ts.

describe('hostile files', () => {
  it('<script> and onerror= in names stay inert text, exactly as written', () => {
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = parseFile(
      'x.vcf',
      bytes(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nORG:<b onmouseover=alert(3)>\r\nEND:VCARD\r\n`),
    );
    expect(r.ok && r.report.drafts[0]!.values.name).toBe(name);
    expect(r.ok && r.report.drafts[0]!.values.organisation).toBe('<b onmouseover=alert(3)>');
    const csv = parseLinkedinCsv(
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"<script>x</script>",onerror=alert(1),,,,,\n`,
    );
    expect(csv.drafts[0]!.values.name).toBe('<script>x</script> onerror=alert(1)');
  });

  it('javascript:, data: and other non-web links are rejected with a warning', () => {
    const r = parseVCards(
      'BEGIN:VCARD\nFN:A\nURL:javascript:alert(1)\nURL:JaVaScRiPt:alert(1)\nURL:data:text/html,<script>x</script>\nURL:vbscript:x\nURL:file:///etc/passwd\nEND:VCARD\n',
    );
    const d = r.drafts[0]!;
    expect(d.values.website).toBe('');
    expect(d.values.linkedin).toBe('');
    expect(d.values.notes).toBe('');
    expect(r.warnings).toHaveLength(5);
    for (const w of r.warnings) expect(w.message).toMatch(/only web addresses/);
  });

  it('invalid UTF-8 is reported as a warning with its line; the rest is read', () => {
    const good = bytes('BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bad ');
    const file = new Uint8Array([...good, 0xff, 0xfe, 0xc3, ...bytes('\r\nEND:VCARD\r\n')]);
    const r = parseFile('x.vcf', file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.warnings[0]).toEqual({
      line: 5,
      message: expect.stringMatching(/not valid UTF-8.*3 unreadable characters/),
    });
    expect(r.report.drafts.map((d) => d.values.name)).toEqual(['Zoë', 'Bad \uFFFD\uFFFD\uFFFD']);
    expect(decodeFileBytes(bytes('fine')).warnings).toEqual([]);
  });

  it('a truncated file reports its last card invalid, not a crash', () => {
    const full =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Two\r\nEMAIL:two@exa';
    const r = parseVCards(full);
    expect(r.drafts.map((d) => d.values.name)).toEqual(['One']);
    expect(r.invalid).toEqual([{ line: 5, reason: 'This card is cut short: the file ends before END:VCARD.' }]);
    // Cut in the middle of a quoted-printable soft break.
    const qp = parseVCards('BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:A=\n');
    expect(qp.invalid[0]?.reason).toMatch(/cut short/);
    // A card that never ends, followed by another.
    const nested = parseVCards('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n');
    expect(nested.drafts.map((d) => d.values.name)).toEqual(['B']);
    expect(nested.invalid[0]).toEqual({ line: 1, reason: expect.stringMatching(/no END:VCARD/) });
  });

  it('a million empty lines return quickly', () => {
    const text = `BEGIN:VCARD\n${'\n'.repeat(1_000_000)}FN:A\nEND:VCARD\n${'\r\n'.repeat(1_000_000)}`;
    const value = parseFile('x.vcf', bytes(text));
    expect(value.ok && value.report.drafts[0]!.values.name).toBe('A');
    const csv = parseFile(
      'c.csv',
      bytes(
        `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${'\n'.repeat(1_000_000)}A,B,,,,,\n`,
      ),
    );
    expect(csv.ok && csv.report.drafts[0]!.line).toBe(1_000_002);
  });

  it('one enormous line and long runs of junk stay linear', () => {
    const huge = `BEGIN:VCARD\nFN:${'A'.repeat(5_000_000)}\nNOTE:${'\\,'.repeat(1_000_000)}\nEND:VCARD\n${'x;'.repeat(2_000_000)}\n`;
    const value = parseVCards(huge);
    expect(value.invalid[0]?.reason).toMatch(/too long/);
    expect(value.warnings.at(-1)?.message).toMatch(/skipped/);
  });

  it('over 50 MB is refused before decoding, with a clear message', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1); // zeros: would be costly garbage if decoded
    expect(parseFile('big.vcf', big)).toEqual({
      ok: false,
      error: { type: 'too-large', message: expect.stringMatching(/50\.0 MB; Rapport imports files of up to 50\.0 MB/) },
    });
  });

  it('empty and unknown files get a reason, never a throw', () => {
    expect(parseFile('x.vcf', new Uint8Array())).toMatchObject({ ok: false, error: { type: 'empty' } });
    expect(parseFile('x.vcf', bytes('\n\n  \n'))).toMatchObject({ ok: false, error: { type: 'empty' } });
    expect(parseFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toMatchObject({
      ok: false,
      error: { type: 'unknown-format' },
    });
    expect(parseFile('x.csv', bytes('a,b,c\n1,2,3\n'))).toMatchObject({
      ok: false,
      error: { type: 'unknown-format', message: expect.stringMatching(/header row/) },
    });
    expect(parseFile('x.json', bytes('{"hello": 1}'))).toMatchObject({ ok: false, error: { type: 'not-a-backup' } });
    expect(parseFile('x.json', bytes('{"format": "rapport-backup", '))).toMatchObject({
      ok: false,
      error: { type: 'not-a-backup', message: expect.stringMatching(/not readable JSON/) },
    });
  });
});

describe('format detection', () => {
  it('by content, whatever the name', () => {
    expect(detectFormat('contacts.txt', 'BEGIN:VCARD\nEND:VCARD')).toEqual({ ok: true, value: 'vcard' });
    expect(detectFormat('a.vcf', '\n\nbegin:vcard\n')).toEqual({ ok: true, value: 'vcard' });
    expect(
      detectFormat('x', 'Notes:\n"blah"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n'),
    ).toEqual({ ok: true, value: 'linkedin-csv' });
    expect(detectFormat('x', 'First Name,Middle Name,Last Name,Labels,E-mail 1 - Value\n')).toEqual({
      ok: true,
      value: 'google-csv',
    });
    expect(detectFormat('x', 'Name,Given Name,Family Name,Group Membership\n')).toEqual({
      ok: true,
      value: 'google-csv',
    });
    expect(detectFormat('x', '{\n "format": "rapport-backup"')).toEqual({ ok: true, value: 'rapport-backup' });
  });
});
