/**
 * Handing over a card: the user's own card as vCard 4.0 text (for a QR code or
 * a .vcf to share), and reading a scanned card — vCard or the shorter MECARD
 * that many phone apps put in QR codes — into a contact draft.
 */
import type { Me } from '../model/index.ts';
import { classifyLink } from './links.ts';
import type { ContactDraft, LineWarning } from './types.ts';
import { validateContact, type RawContact } from './validate.ts';
import { writeVCard } from './vcard-write.ts';
import { parseVCards } from './vcard-parse.ts';
import { parseEmail, parsePhone } from '../model/index.ts';
import { parseVCardDate } from './vcard-values.ts';

/** My card as vCard 4.0; "What I do" travels as NOTE. Empty when I have not given a name. */
export function meToVCard(me: Me): string {
  if (me.name.trim() === '') return '';
  return writeVCard({
    name: me.name,
    role: me.role,
    organisation: me.organisation,
    emails: me.emails,
    phones: me.phones,
    linkedin: me.linkedin,
    website: me.website,
    location: me.location,
    notes: me.headline,
  });
}

type ScannedCard = { ok: true; draft: ContactDraft; warnings: LineWarning[] } | { ok: false; error: string };

/** A scanned QR payload as a person to add; an error sentence when it is not a contact card. */
export function parseScannedCard(payload: string): ScannedCard {
  const text = payload.replace(/^\uFEFF/, '').trim();
  if (/^BEGIN:VCARD/i.test(text)) {
    const report = parseVCards(text);
    const draft = report.drafts[0];
    if (draft) return { ok: true, draft, warnings: report.warnings };
    return { ok: false, error: report.invalid[0]?.reason ?? 'This card could not be read.' };
  }
  if (/^MECARD:/i.test(text)) return parseMecard(text);
  return { ok: false, error: 'This QR code is not a contact card (vCard or MECARD).' };
}

/** MECARD:N:Doe,Jane;TEL:+1…;EMAIL:…;URL:…;ORG:…;NOTE:…;ADR:…;BDAY:19850412;; with \ escapes. */
function parseMecard(text: string): ScannedCard {
  const body = text.slice('MECARD:'.length);
  const fields: [string, string][] = [];
  let key = '';
  let value = '';
  let inKey = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\' && i + 1 < body.length) {
      const next = body[++i] as string;
      if (inKey) key += next;
      else value += next;
    } else if (inKey && c === ':') inKey = false;
    else if (!inKey && c === ';') {
      fields.push([key.trim().toUpperCase(), value.trim()]);
      (key = ''), (value = ''), (inKey = true);
    } else if (inKey) key += c;
    else value += c;
  }
  if (!inKey) fields.push([key.trim().toUpperCase(), value.trim()]);

  const warnings: LineWarning[] = [];
  const raw: RawContact = { emails: [], phones: [] };
  const notes: string[] = [];
  for (const [k, v] of fields) {
    if (!v) continue;
    if (k === 'N') {
      // "Family,Given" (comma separated, family first).
      const [family = '', given = ''] = v.split(',').map((s) => s.trim());
      raw.name = [given, family].filter(Boolean).join(' ');
    } else if (k === 'TEL') {
      const r = parsePhone(v);
      if (r.ok) (raw.phones as string[]).push(r.value);
      else warnings.push({ line: 1, message: `${r.error} It was left out.` });
    } else if (k === 'EMAIL') {
      const r = parseEmail(v);
      if (r.ok) (raw.emails as string[]).push(r.value);
      else warnings.push({ line: 1, message: `${r.error} It was left out.` });
    } else if (k === 'URL') {
      const r = classifyLink(v);
      if (!r.ok) warnings.push({ line: 1, message: r.message });
      else if (r.linkedin) raw.linkedin ||= r.url;
      else raw.website ||= r.url;
    } else if (k === 'ORG') raw.organisation = v;
    else if (k === 'TITLE') raw.role = v;
    else if (k === 'NOTE') raw.notes = v;
    else if (k === 'ADR') {
      // po box, extended, street, city, region, postcode, country
      const parts = v.split(',').map((s) => s.trim());
      raw.location = parts.length >= 7 ? parts[3] || parts[4] || parts[6] || '' : v;
    } else if (k === 'BDAY') {
      const d = parseVCardDate(v);
      if (d) raw.birthday = d;
    }
  }
  const checked = validateContact(raw, 1, notes, warnings);
  return checked.ok ? { ok: true, draft: checked.draft, warnings } : { ok: false, error: checked.problem.reason };
}
