import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import QRCode from 'qrcode';
import { meSpec, parseValues } from '../../src/model/index.ts';
import { meToVCard, parseScannedCard } from '../../src/io/card.ts';
import { setFields } from './helpers.ts';

const me = (() => {
  const r = parseValues(meSpec, {
    name: 'Zoë Ångström',
    role: 'Researcher',
    organisation: 'Université de Genève',
    emails: ['zoe@example.org'],
    phones: ['+41 22 123 45 67'],
    linkedin: 'https://www.linkedin.com/in/zoe',
    website: 'https://zoe.example',
    location: 'Genève',
    headline: 'I help labs, and startups, share data.',
  });
  if (!r.ok) throw new Error('me');
  return r.value;
})();

describe('my card', () => {
  it('is vCard 4.0 that ical.js reads and a QR code can hold', async () => {
    const text = meToVCard(me);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    const card = new ICAL.Component(ICAL.parse(text) as never);
    expect(card.getFirstPropertyValue('fn')).toBe('Zoë Ångström');
    expect(card.getFirstPropertyValue('note')).toBe(me.headline);
    const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M' });
    expect(svg).toContain('<svg');
  });

  it('is empty while I have no name', () => {
    expect(meToVCard({ ...me, name: '  ' })).toBe('');
  });

  it('scanned back, it is the same person', () => {
    const r = parseScannedCard(meToVCard(me));
    if (!r.ok) throw new Error(r.error);
    expect(setFields(r.draft.values)).toEqual({
      name: me.name,
      role: me.role,
      organisation: me.organisation,
      emails: me.emails,
      phones: me.phones,
      linkedin: me.linkedin,
      website: 'https://zoe.example/',
      location: me.location,
      notes: me.headline,
    });
  });
});

describe('scanned cards', () => {
  it('MECARD with escapes', () => {
    const r = parseScannedCard(
      'MECARD:N:Okafor,Chidi;ORG:Uni\\; of Lagos;TEL:+234 1 234 5678;EMAIL:chidi@uni.example;URL:https\\://linkedin.com/in/chidi;NOTE:Met at PyCon\\, Lagos;BDAY:19800517;;',
    );
    if (!r.ok) throw new Error(r.error);
    expect(setFields(r.draft.values)).toEqual({
      name: 'Chidi Okafor',
      organisation: 'Uni; of Lagos',
      phones: ['+234 1 234 5678'],
      emails: ['chidi@uni.example'],
      linkedin: 'https://linkedin.com/in/chidi',
      notes: 'Met at PyCon, Lagos',
      birthday: '1980-05-17',
    });
  });

  it('a 2.1 vCard from an older phone', () => {
    const r = parseScannedCard(
      'BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\nTEL;CELL:+49 151 23456789\nEND:VCARD',
    );
    expect(r.ok && r.draft.values.name).toBe('Jürgen Müller');
  });

  it('anything else is refused with a reason', () => {
    expect(parseScannedCard('https://evil.example/')).toEqual({
      ok: false,
      error: expect.stringMatching(/not a contact card/),
    });
    expect(parseScannedCard('MECARD:TEL:123456789;;')).toEqual({ ok: false, error: 'This entry has no name.' });
    const js = parseScannedCard('MECARD:N:X;URL:javascript:alert(1);;');
    expect(js.ok && js.draft.values.website).toBe('');
    expect(js.ok && js.warnings[0]?.message).toMatch(/only web addresses/);
  });
});
