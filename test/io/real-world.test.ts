import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/io/parse-file.ts';
import type { ContactValues } from '../../src/io/types.ts';
import { fixture } from './helpers.ts';

// Real files from other open-source projects' test suites (phones, mail clients, address-book
// servers, contact libraries); where each comes from and under which licence is in
// fixtures/real-world/SOURCES.md. Every expectation below was read off the file by hand, not
// copied from what the parser returns.

interface Expected {
  /** People imported, in file order, by name. */
  names: string[];
  /** Cards that are not imported, each with a reason (no name, a group, a card cut short). */
  invalid?: number;
  /** A few fields of the first person (or of `person`). */
  first?: Partial<ContactValues>;
  person?: number;
}

const DOE_NOTE_QUOTE = { notes: expect.stringContaining('CONTRIBUTORS "AS IS"') as unknown as string };

const EXPECTED: Record<string, Expected> = {
  // Android's vCard library (AOSP frameworks/opt/vcard): phones' 2.1/3.0/4.0, Shift_JIS Japanese.
  'aosp-v21_adr_multiple_line.vcf': { names: ['bogus'] },
  'aosp-v21_android_custom_prop.vcf': { names: [], invalid: 1 }, // only X-ANDROID-CUSTOM rows: nobody to name
  'aosp-v21_backslash.vcf': { names: ['A;B\\C;D:E\\'] },
  'aosp-v21_base64_no_2_crlf.vcf': { names: ['fullname'] },
  'aosp-v21_blackberry_photo.vcf': { names: ['boogie'], first: { emails: ['forrestgump@walladalla.com'] } },
  'aosp-v21_complicated.vcf': { names: ['Joe Due'], first: { organisation: 'Gump Shrimp Co.' } },
  'aosp-v21_im.vcf': { names: [], invalid: 1 }, // a nickname and an IM handle only
  'aosp-v21_invalid_comment_line.vcf': { names: ['Conference Call'] },
  'aosp-v21_invalid_multiple_line.vcf': { names: ['Omega'] },
  'aosp-v21_japanese_1.vcf': { names: ['安藤ロイド'] },
  'aosp-v21_japanese_2.vcf': { names: ['安藤 ロイド 1'], first: { notes: 'メモ' } },
  'aosp-v21_japanese_3.vcf': { names: ['伊能 圭一 伊予'] }, // 能, 圭, 予 end in byte 0x5C
  'aosp-v21_malformed_photo.vcf': { names: ['fullname'] },
  'aosp-v21_multiple_entry.vcf': { names: ['安藤ロイド3', '安藤ロイド4', '安藤ロイド5'] },
  'aosp-v21_nest.vcf': { names: ['nest1', 'nest2'], invalid: 1 }, // the outer card is left open by the nested ones
  'aosp-v21_org_before_title.vcf': { names: ['Normal Guy'], first: { organisation: 'Company' } },
  'aosp-v21_pref_handling.vcf': { names: ['Smith'], first: { emails: ['test@example.com', 'test2@examination.com'] } },
  'aosp-v21_simple_1.vcf': { names: ['Roid Ando'] },
  'aosp-v21_simple_2.vcf': { names: ['Ando Roid'] },
  'aosp-v21_simple_3.vcf': { names: ['Ando Roid'] },
  'aosp-v21_sip.vcf': { names: ['Android'] },
  'aosp-v21_title_before_org.vcf': { names: ['Nice Guy'], first: { role: 'Cool Title', organisation: 'Marverous' } },
  'aosp-v21_winmo_65.vcf': { names: ['Example'] },
  'aosp-v21_x_android_custom_after_photo.vcf': { names: ['Roid Ando'] },
  'aosp-v21_x_param.vcf': { names: ['Roid Ando'], first: { emails: ['email@example.com', 'email2@example.com'] } },
  'aosp-v30_comma_separated.vcf': { names: ['G M F'] },
  'aosp-v30_ios_613_multiline.vcf': {
    names: ['Bob Smith'],
    first: { emails: ['bob@smithauto.com'], organisation: 'Smith Auto Repair' },
  },
  'aosp-v30_japanese.vcf': { names: ['伊能 圭一 伊予'] },
  'aosp-v30_multibyte_param.vcf': { names: ['G M F'] },
  'aosp-v30_pager.vcf': { names: ['G M F'] },
  'aosp-v30_pause_wait.vcf': { names: ['Pause Wait'] },
  'aosp-v30_simple.vcf': { names: ['And Roid'], first: { organisation: 'Open' } },
  'aosp-v30_sip.vcf': { names: ['Android'] },
  'aosp-v40_sip.vcf': { names: ['安藤 ロイド'] },
  'aosp-v40_sort_as.vcf': { names: ['安藤 ロイド'], first: { organisation: 'グーグル', department: '検索部門' } },

  // jeroendesloovere/vcard (PHP): German names, CHARSET=utf-8 and an unknown CHARSET on ASCII.
  'desloovere-contacts.vcf': {
    names: ['Thies-Tillman Jacobsen', 'Lenn Biernoth', 'Ludwig-Götz Graßl', 'Marita Kreutzer', 'Kathi Hoelzl'],
    person: 3,
    first: { notes: 'Interessen: Handarbeiten\nLieblingsfarbe: Weiß\nLieblingsessen: Orangen' },
  },
  'desloovere-example.vcf': { names: ['Jeroen Desloovere'], first: { emails: ['site@example.com'] } },
  'desloovere-invalid_encoding.vcf': { names: ['Jeroen Desloovere'] },

  // GNOME evolution-data-server: Nokia 2.1 quoted-printable with soft breaks, Chinese, IDN email.
  'eds-libebook-3.vcf': { names: ['Nat'], first: { emails: ['nat@nat.org', 'nat@ximian.com'] } },
  'eds-libebook-5.vcf': {
    names: ['十城目管理大型知座'],
    first: { organisation: '十城目管理大型知座', emails: ['weird@weird.com'] },
  },
  'eds-libebook-12.vcf': { names: ['Michael Brüning'], first: { emails: ['ext-Michael.Bruning@nokia.com'] } },
  'eds-libebook-13.vcf': { names: ['Ralf Engels'] },
  'eds-migrate-4.vcf': { names: ['First Name bat'], first: { emails: ['警察@brown.org'] } },

  // ez-vcard (Java): one person as each real exporter writes them.
  'ezvcard-John_Doe_ANDROID.vcf': {
    names: ['Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ', 'ÑÑÑÑ'],
    invalid: 2,
    person: 3,
    first: { emails: ['henry@company.com'] },
  },
  'ezvcard-John_Doe_BLACK_BERRY.vcf': { names: ['John Doe'], first: { organisation: 'Acme Solutions' } },
  'ezvcard-John_Doe_EVOLUTION.vcf': { names: ['Mr. John Richter, James Doe Sr.'], first: { organisation: 'IBM' } },
  'ezvcard-John_Doe_GMAIL.vcf': { names: ['Mr. John Richter, James Doe Sr.'], first: DOE_NOTE_QUOTE },
  'ezvcard-John_Doe_IPHONE.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    first: { emails: expect.arrayContaining(['john.doe@ibm.com']) as unknown as string[] },
  },
  'ezvcard-John_Doe_LOTUS_NOTES.vcf': { names: ['Mr. Doe John I Johny'] },
  'ezvcard-John_Doe_MAC_ADDRESS_BOOK.vcf': { names: ['Mr. John Richter,James Doe Sr.'], first: DOE_NOTE_QUOTE },
  'ezvcard-John_Doe_MS_OUTLOOK.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    first: { emails: ['john.doe@ibm.cm'] },
  },
  'ezvcard-fullcontact.vcf': {
    names: ['Prefix FirstName MiddleName LastName Suffix'],
    first: { organisation: 'Organization1', department: 'Department1' },
  },
  'ezvcard-gmail-list.vcf': {
    names: ['Arnold Smith', 'Chris Beatle', 'Doug White'],
    person: 2,
    first: { emails: ['dwhite@gmail.com'] },
  },
  'ezvcard-gmail-single.vcf': { names: ['Greg Dartmouth'], first: { emails: ['gdartmouth@hotmail.com'] } },
  'ezvcard-gmail-single2.vcf': { names: ['VCard Test'] },
  'ezvcard-issue114.vcf': { names: ['Dummy, Dummy'] },
  'ezvcard-outlook-2003.vcf': { names: ['John Doe III'], first: { emails: ['jdoe@hotmail.com'] } },
  'ezvcard-outlook-2007.vcf': {
    names: ['Mr. Michael Angstadt Jr.'],
    first: { organisation: 'TheCompany', department: 'TheDepartment' },
  },
  'ezvcard-rfc2426-example.vcf': { names: ['Frank Dawson', 'Tim Howes'] },
  'ezvcard-rfc6350-example.vcf': { names: ['Simon Perreault'] },
  'ezvcard-thunderbird-MoreFunctionsForAddressBook-extension.vcf': { names: ['John Doe'] },

  // KDE kcontacts: ownCloud export folded at 75 bytes, inside a Cyrillic letter (бо\n л\u0435е).
  'kcontacts-vcard9.vcf': {
    names: ['βγδεαβγδ1'.repeat(11)],
    first: { notes: 'Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.' },
  },
  // khard: Korean, vCard 4.0.
  'khard-korean-c.vcf': { names: ['최유림'] },
  // py-vobject (Radicale issue 1587).
  'pyvobject-radicale-1587.vcf': { names: ['Given Family'] },
  // sabre/vobject: a 3.0 card with a large photo, and a 2.1 card that is only a photo.
  'sabre-issue153.vcf': { names: ['Test Benutzer'] },
  'sabre-issue64.vcf': { names: [], invalid: 1 },
};

const dir = fileURLToPath(new URL('./fixtures/real-world/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => !f.endsWith('.md'))
  .sort();

describe('real-world corpus', () => {
  it('has at least 40 files, every one with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(file, () => {
      const expected = EXPECTED[file]!;
      const r = parseFile(file, fixture(`real-world/${file}`));
      if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
      const { drafts, invalid, warnings } = r.report;
      expect(drafts.map((d) => d.values.name)).toEqual(expected.names);
      expect(invalid).toHaveLength(expected.invalid ?? 0);
      for (const p of invalid) expect(p.reason).toMatch(/\w/);
      if (expected.first) expect(drafts[expected.person ?? 0]!.values).toMatchObject(expected.first);
      // Nothing was misread: no replacement characters, no UTF-8 read as Windows-1252, no stray escapes.
      for (const d of drafts) {
        for (const value of Object.values(d.values).flat()) {
          if (typeof value === 'string') expect(value).not.toMatch(/\uFFFD|Ã.|Â|\\"/);
        }
      }
      for (const w of warnings) expect(w.message).not.toMatch(/not valid UTF-8/);
    });
  }
});
