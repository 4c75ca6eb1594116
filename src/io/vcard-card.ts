/**
 * One vCard's properties to contact fields. Fields that fail their check are
 * left out with a warning; what the model has no place for (photos, extra
 * websites) is said, not silently dropped.
 */
import { parseEmail, parsePhone } from '../model/index.ts';
import { classifyLink } from './links.ts';
import { cleanTags } from './tags.ts';
import type { LineWarning } from './types.ts';
import { paramOf, typesOf, type ContentLine } from './vcard-lines.ts';
import { componentsOf, listOf, parseVCardDate, textOf } from './vcard-values.ts';
import type { RawContact } from './validate.ts';

interface MappedCard {
  raw: RawContact;
  notes: string[];
  /** Set when the card is not a person (a group) and must be skipped. */
  skip?: string;
}

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

export function mapCard(props: ContentLine[], warnings: LineWarning[]): MappedCard {
  const notes: string[] = [];
  const labels = new Map<string, string>();
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, textOf(p, warnings).toLowerCase());

  let fn = '';
  let n: string[] | null = null;
  let org: string[] | null = null;
  let title = '';
  let role = '';
  const noteTexts: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  const websites: string[] = [];
  let linkedin = '';
  let location = '';
  let birthday: string | undefined;
  const tags: string[] = [];
  let photo = false;

  for (const p of props) {
    if (BINARY.has(p.name)) {
      if (p.name === 'PHOTO') photo = true;
      continue;
    }
    switch (p.name) {
      case 'FN':
        fn ||= textOf(p, warnings);
        break;
      case 'N':
        n ??= componentsOf(p, warnings);
        break;
      case 'ORG':
        org ??= componentsOf(p, warnings);
        break;
      case 'TITLE':
        title ||= textOf(p, warnings);
        break;
      case 'ROLE':
        role ||= textOf(p, warnings);
        break;
      case 'NOTE': {
        // Notes keep their own spacing and line breaks; only a stray CR goes.
        const t = textOf(p, warnings, false);
        if (t.trim()) noteTexts.push(t);
        break;
      }
      case 'EMAIL': {
        const value = textOf(p, warnings).replace(/^mailto:/i, '');
        if (!value) break;
        const r = parseEmail(value);
        if (r.ok) emails.push(r.value);
        else warnings.push({ line: p.line, message: `${r.error} It was left out.` });
        break;
      }
      case 'TEL': {
        const value = textOf(p, warnings).replace(/^tel:/i, '').replace(/;ext=/i, ' ext ');
        if (!value) break;
        const r = parsePhone(value);
        if (r.ok) phones.push(r.value);
        else warnings.push({ line: p.line, message: `${r.error} It was left out.` });
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE': {
        let value = textOf(p, warnings);
        const types = typesOf(p);
        const label = labels.get(p.group) ?? '';
        const hint = types.includes('linkedin') || label.includes('linkedin');
        if (p.name === 'X-SOCIALPROFILE') {
          if (!hint && !/linkedin\./i.test(value)) break; // other networks: no field for them
          const user = paramOf(p, 'X-USER');
          if (!/^https?:/i.test(value) && user) value = `https://www.linkedin.com/in/${encodeURIComponent(user)}`;
        }
        if (!value) break;
        const r = classifyLink(value, hint);
        if (!r.ok) warnings.push({ line: p.line, message: r.message });
        else if (r.linkedin) linkedin ||= r.url;
        else websites.push(r.url);
        break;
      }
      case 'ADR': {
        if (location) break;
        const [, , , locality = '', region = '', , country = ''] = componentsOf(p, warnings);
        location = locality || region || country;
        break;
      }
      case 'BDAY': {
        if (birthday !== undefined) break;
        const value = textOf(p, warnings);
        const parsed = parseVCardDate(value, paramOf(p, 'X-APPLE-OMIT-YEAR'));
        if (parsed) birthday = parsed;
        else
          warnings.push({
            line: p.line,
            message: `The birthday “${value.slice(0, 40)}” is not a date and was left out.`,
          });
        break;
      }
      case 'CATEGORIES':
        tags.push(...listOf(p, warnings));
        break;
      case 'KIND':
      case 'X-ADDRESSBOOKSERVER-KIND': {
        const kind = textOf(p, warnings).toLowerCase();
        if (kind === 'group')
          return { raw: {}, notes, skip: 'This card is a group, not a person; groups are not imported.' };
        break;
      }
    }
  }

  let name = fn;
  if (!name && n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = n;
    name = [prefix, given, additional, family, suffix].filter((s) => s !== '').join(' ');
  }
  if (!name && org?.[0]) name = org[0];
  const uniqueWebsites = [...new Set(websites)];
  if (uniqueWebsites.length > 1) noteTexts.push(`Other web addresses: ${uniqueWebsites.slice(1).join(' ')}`);
  if (photo) notes.push('photo not imported');

  const raw: RawContact = {
    name,
    role: title || role,
    organisation: org?.[0] ?? '',
    department: (org ?? [])
      .slice(1)
      .filter((s) => s !== '')
      .join(', '),
    emails,
    phones,
    linkedin,
    website: uniqueWebsites[0] ?? '',
    location,
    birthday: birthday ?? null,
    tags: cleanTags(tags),
    notes: noteTexts.join('\n\n'),
  };
  return { raw, notes };
}
