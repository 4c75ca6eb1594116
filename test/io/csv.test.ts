import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/io/parse-file.ts';
import { parseConnectedOn, parseLinkedinCsv } from '../../src/io/csv-linkedin.ts';
import { parseGoogleCsv } from '../../src/io/csv-google.ts';
import { parseOutlookDate } from '../../src/io/csv-outlook.ts';
import { fixture, setFields } from './helpers.ts';

const parsed = (name: string, format: string) => {
  const r = parseFile(name, fixture(name));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.format).toBe(format);
  return r.report;
};

describe('LinkedIn Connections.csv', () => {
  it('skips the Notes: preamble and BOM, reads quoted commas and line breaks, dates and empty emails', () => {
    const r = parsed('linkedin-connections.csv', 'linkedin-csv');
    expect(r.drafts.map((d) => [d.line, d.values.name])).toEqual([
      [5, 'Ana Lima'],
      [6, 'Kwame Mensah'],
      [7, 'Li Wei'],
      [10, 'Zoë Ångström'],
    ]);
    const [ana, kwame, li] = r.drafts;
    expect(setFields(ana!.values)).toEqual({
      name: 'Ana Lima',
      organisation: 'Acme Corp',
      role: 'CTO',
      linkedin: 'https://www.linkedin.com/in/ana-lima',
      connectedOn: '2024-03-12',
    });
    expect(kwame!.values.organisation).toBe('Mensah, Boateng & Partners');
    expect(kwame!.values.role).toBe('Partner, Strategy');
    expect(kwame!.values.emails).toEqual(['kwame@example.com']);
    expect(kwame!.values.connectedOn).toBe('2024-01-01');
    expect(kwame!.values.metOn).toBeNull();
    // A line break inside a single-line field becomes a space.
    expect(li!.values.role).toBe('Community Manager (part-time)');
    expect(r.invalid).toEqual([{ line: 9, reason: 'This entry has no name.' }]);
  });

  it('Connected On in the forms LinkedIn has used', () => {
    expect(parseConnectedOn('01 Jan 2024')).toBe('2024-01-01');
    expect(parseConnectedOn('7 Sep 2021')).toBe('2021-09-07');
    expect(parseConnectedOn('12 March 2020')).toBe('2020-03-12');
    expect(parseConnectedOn('2020-03-12')).toBe('2020-03-12');
    expect(parseConnectedOn('Jan 2024')).toBeNull();
    const r = parseLinkedinCsv(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,someday\n',
    );
    expect(r.drafts[0]!.values.connectedOn).toBeNull();
    expect(r.warnings[0]).toEqual({ line: 2, message: expect.stringMatching(/someday/) });
  });

  it('a non-LinkedIn URL is still a link only if it is a web address', () => {
    const r = parseLinkedinCsv(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,javascript:alert(1),,,,\n',
    );
    expect(r.drafts[0]!.values.linkedin).toBe('');
    expect(r.warnings[0]!.message).toMatch(/only web addresses/);
  });

  it('a quoted cell that never closes makes its row invalid, not a crash', () => {
    const r = parseLinkedinCsv(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\nC,"D,,,,,\n',
    );
    expect(r.drafts.map((d) => d.values.name)).toEqual(['A B']);
    expect(r.invalid).toEqual([{ line: 3, reason: expect.stringMatching(/never closed/) }]);
  });
});

describe('Google Contacts CSV', () => {
  it('current columns: ::: multi-values, Labels to tags without system labels, LinkedIn website, multi-line notes', () => {
    const r = parsed('google-contacts.csv', 'google-csv');
    expect(r.invalid).toEqual([]);
    const [sofia, hub, tom] = r.drafts;
    expect(sofia!.line).toBe(2);
    expect(setFields(sofia!.values)).toEqual({
      name: 'Sofia Rossi',
      organisation: 'Studio Rossi',
      role: 'Architect',
      department: 'Design',
      birthday: '--07-04',
      notes: 'Loves brutalism, hates glass towers.\nAsk about the Milan project.',
      tags: ['Architects', 'starred'],
      emails: ['sofia@example.it', 'sofia.rossi@mail.example', 's.rossi@studio.example'],
      phones: ['+39 347 123 4567'],
      location: 'Milano',
      linkedin: 'https://www.linkedin.com/in/sofiarossi',
      website: 'https://www.studiorossi.example/',
    });
    expect(hub!.line).toBe(6);
    expect(hub!.values.name).toBe('Bristol Tech Hub');
    expect(hub!.values.tags).toEqual([]);
    expect(setFields(tom!.values)).toMatchObject({
      name: 'Dr. Tom Baker',
      phones: ['+1 212-555-0199', '+1 212 555 0100'],
      birthday: '1975-12-01',
      tags: ['Friends'],
    });
  });

  it('legacy columns: Name, Group Membership, Organization 1 - …', () => {
    const r = parsed('google-contacts-legacy.csv', 'google-csv');
    const [tom, maria] = r.drafts;
    expect(setFields(tom!.values)).toEqual({
      name: 'Tom Baker',
      organisation: 'Baker & Sons',
      role: 'Owner',
      department: 'Sales',
      birthday: '1975-12-01',
      notes: 'Met at the Dublin meetup',
      tags: ['Friends', 'starred'],
      emails: ['tom@example.org', 'tbaker@work.example'],
      phones: ['+1 212-555-0199'],
      location: 'Dublin',
      linkedin: 'https://ie.linkedin.com/in/tom-baker/',
    });
    expect(maria!.line).toBe(4);
    expect(setFields(maria!.values)).toEqual({
      name: 'Maria Garcia',
      organisation: 'Universidad de Sevilla',
      role: 'Profesora',
      emails: ['maria.garcia@example.es'],
      location: 'Sevilla',
    });
  });

  it('a row without any name or organisation is invalid with its line', () => {
    const r = parseGoogleCsv('First Name,Last Name,Labels,E-mail 1 - Value\nA,B,,\n,,Friends,x@y.example\n');
    expect(r.invalid).toEqual([{ line: 3, reason: 'This entry has no name.' }]);
  });
});

describe('Outlook contacts CSV', () => {
  it('reads Outlook for Windows’ export: Windows-1252, quoted line breaks, Title as a prefix, three emails, many phones, categories', () => {
    const r = parsed('outlook-contacts.csv', 'outlook-csv');
    expect(r.drafts.map((d) => [d.line, d.values.name])).toEqual([
      [2, 'Dr. Ana María Lima'],
      [4, 'Kwame Mensah'],
      [5, 'Léa Dubois'],
      [6, 'Initech Ltd'],
    ]);
    const [ana, kwame] = r.drafts;
    expect(setFields(ana!.values)).toEqual({
      name: 'Dr. Ana María Lima',
      organisation: 'Acme, Inc.',
      department: 'Engineering',
      role: 'CTO',
      emails: ['ana@acme.example', 'ana.lima@mail.example'],
      // Mobile first; the fax is not a number to call.
      phones: ['+44 7700 900123', '(020) 7946 0958'],
      linkedin: 'https://www.linkedin.com/in/ana-lima',
      location: 'London',
      birthday: '1985-03-15',
      tags: ['Mentors', 'Conference 2024'],
      notes: 'Met at KubeCon.\nOwes me 20 € for lunch.',
    });
    // An Exchange (X.500) address is not an email; the SMTP one is kept. 0/0/00 means no birthday.
    expect(kwame!.values.emails).toEqual(['kwame@mensah.example']);
    expect(kwame!.values.birthday).toBeNull();
    expect(kwame!.values.website).toBe('https://www.mensah.example/');
    expect(r.invalid).toEqual([{ line: 7, reason: 'This entry has no name.' }]);
    expect(r.warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [1, 'The file is not UTF-8 text; it was read '],
      [5, '“not-an-email” is not an email address. '],
      [5, 'The birthday “4/5/1990” could be read as'],
    ]);
  });

  it('reads dates that can only mean one day, and leaves out those that could mean two', () => {
    expect(parseOutlookDate('3/15/1985')).toEqual({ date: '1985-03-15', ambiguous: false });
    expect(parseOutlookDate('15/3/1985')).toEqual({ date: '1985-03-15', ambiguous: false });
    expect(parseOutlookDate('15.03.85')).toEqual({ date: '1985-03-15', ambiguous: false });
    expect(parseOutlookDate('7/7/2001')).toEqual({ date: '2001-07-07', ambiguous: false });
    expect(parseOutlookDate('1990-04-05')).toEqual({ date: '1990-04-05', ambiguous: false });
    expect(parseOutlookDate('4/5/1990')).toEqual({ date: null, ambiguous: true });
    expect(parseOutlookDate('0/0/00')).toEqual({ date: null, ambiguous: false });
    expect(parseOutlookDate('sometime')).toEqual({ date: null, ambiguous: false });
  });
});
