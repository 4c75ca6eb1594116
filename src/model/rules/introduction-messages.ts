/**
 * Drafting an introduction, double opt-in: first ask each side whether they
 * would like to meet, then introduce both. Written on the device; the user
 * edits, copies or opens each in their mail app and sends it themselves.
 */
import { parseEmail } from '../fields.ts';

export interface IntroPerson {
  name: string;
  role: string;
  organisation: string;
  whatTheyDo: string;
  needs: string;
  emails: readonly string[];
}

type DraftAudience = 'a' | 'b' | 'both';

export interface IntroMessage {
  audience: DraftAudience;
  /** Who it is for, as the page labels it: "To Ana Lima", "To both". */
  label: string;
  emails: string[];
  subject: string;
  body: string;
}

/** "Ana" from "Ana Lima"; the whole name when it has one word. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name.trim();
}

const firstLine = (text: string) => (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().replace(/[.\s]+$/, '');

/** A need as it reads mid-sentence: "A payments lawyer" becomes "a payments lawyer"; names and acronyms keep their capitals. */
const midSentence = (need: string) =>
  need.replace(/^(A|An|The|Some|Someone|Somebody|Help|Advice|More)\b/, (w) => w.toLowerCase());

/** "Payments counsel at Monzo", "works at Monzo", what they do, or nothing. */
function whatTheyAre(p: IntroPerson): string {
  if (p.role && p.organisation) return `${p.role} at ${p.organisation}`;
  if (p.role) return p.role;
  if (p.whatTheyDo.trim()) return firstLine(p.whatTheyDo);
  if (p.organisation) return `works at ${p.organisation}`;
  return '';
}

const described = (p: IntroPerson) => {
  const what = whatTheyAre(p);
  return what ? `${p.name} (${what})` : p.name;
};

function signed(lines: string[], me: string): string {
  return [...lines, '', me.trim() ? `Best,\n${me.trim()}` : 'Best,'].join('\n');
}

/**
 * Three short messages: to the one who needs something (a), to the one who
 * could help (b), then to both once each has said yes.
 */
export function draftIntroduction(a: IntroPerson, b: IntroPerson, me: { name: string }): IntroMessage[] {
  const aFirst = firstName(a.name);
  const bFirst = firstName(b.name);
  const need = midSentence(firstLine(a.needs));
  const toA = signed(
    [
      `Hi ${aFirst},`,
      '',
      `${need ? `You mentioned needing ${need}. ` : ''}I know ${described(b)} and I think you two should meet.`,
      '',
      'Would you like me to introduce you? No pressure either way.',
    ],
    me.name,
  );
  const toB = signed(
    [
      `Hi ${bFirst},`,
      '',
      `I know ${described(a)}${need ? `, who is looking for ${need}` : ''}, and I thought of you.`,
      '',
      'Would you be happy for me to introduce you? It is fine to say no.',
    ],
    me.name,
  );
  const aWhat = whatTheyAre(a);
  const bWhat = whatTheyAre(b);
  const toBoth = signed(
    [
      `Hi ${aFirst} and ${bFirst},`,
      '',
      'As promised, an introduction: you both said you would like to meet.',
      '',
      `${aFirst}${aWhat ? ` is ${aWhat}` : ''}${need ? ` and is looking for ${need}` : ''}.`,
      `${bFirst}${bWhat ? ` is ${bWhat}` : ''}.`,
      '',
      'I will leave it with you from here.',
    ],
    me.name,
  );
  return [
    {
      audience: 'a',
      label: `To ${a.name}`,
      emails: [...a.emails],
      subject: `Would you like to meet ${b.name}?`,
      body: toA,
    },
    {
      audience: 'b',
      label: `To ${b.name}`,
      emails: [...b.emails],
      subject: `Would you like to meet ${a.name}?`,
      body: toB,
    },
    {
      audience: 'both',
      label: 'To both',
      emails: [...a.emails.slice(0, 1), ...b.emails.slice(0, 1)],
      subject: `Introduction: ${a.name} and ${b.name}`,
      body: toBoth,
    },
  ];
}

/** One address for a mailto: URI: local part and domain each percent-encoded, the @ between them kept (RFC 6068 §2). */
function encodeAddress(email: string): string | null {
  const r = parseEmail(email);
  if (!r.ok) return null;
  const at = r.value.lastIndexOf('@');
  return `${encodeURIComponent(r.value.slice(0, at))}@${encodeURIComponent(r.value.slice(at + 1))}`;
}

/**
 * A mailto: URI (RFC 6068): addresses that are not email addresses are left
 * out; subject and body are percent-encoded as UTF-8, and every line break in
 * the body is sent as CRLF (%0D%0A).
 */
export function mailtoUri(emails: readonly string[], subject: string, body: string): string {
  const to = emails.map(encodeAddress).filter((e): e is string => e !== null);
  const crlf = body.replace(/\r\n|\r|\n/g, '\r\n');
  const query = [
    subject ? `subject=${encodeURIComponent(subject)}` : '',
    crlf ? `body=${encodeURIComponent(crlf)}` : '',
  ]
    .filter(Boolean)
    .join('&');
  return `mailto:${to.join(',')}${query ? `?${query}` : ''}`;
}
