/**
 * People who are probably one person: they share an email, a phone number or a
 * LinkedIn profile, or have very similar names in the same organisation. Each
 * candidate pair says why in words.
 *
 * Never compares every pair: people are grouped by each key (email, phone,
 * profile) and only people sharing a group are paired; names are compared only
 * within one organisation, and there only between names sharing the first
 * two letters of some word. So 10,000 people cost far fewer than the 50
 * million comparisons of every pair.
 */
import type { Contact } from '../contact.ts';
import { isId, type ContactId } from '../ids.ts';
import { emailKey, linkedinKey, nameTokens, organisationKey, phoneKey } from './contact-keys.ts';
import { isActivePerson } from './people-status.ts';
import { jaroWinkler } from './similarity.ts';
import { listNames } from './words.ts';

export type DuplicateReason =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'linkedin'; value: string }
  | { kind: 'similar-name'; organisation: string; similarity: number }
  | { kind: 'same-name' };

export interface DuplicatePair {
  /** `${smaller id}|${larger id}`: stable, to remember "these are different people". */
  key: string;
  aId: ContactId;
  bId: ContactId;
  reasons: DuplicateReason[];
  sentence: string;
}

export interface DuplicateOptions {
  /** Pair keys the user said are different people. */
  dismissed?: ReadonlySet<string>;
  /** Names at least this similar (Jaro–Winkler on folded, sorted words) are offered. */
  nameThreshold?: number;
  /** Filled in with how many name pairs were compared: to check the work stays far below all pairs. */
  stats?: { nameComparisons: number };
}

export const NAME_SIMILARITY_THRESHOLD = 0.93;
/** A key shared by more people than this is a switchboard or a team inbox, not one person. */
export const MAX_SHARED_KEY_GROUP = 25;

export const pairKey = (a: ContactId, b: ContactId) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A pair key as `pairKey` writes it: two ids, the smaller first. */
export function isPairKey(key: string): boolean {
  const [a, b, ...rest] = key.split('|');
  return rest.length === 0 && isId(a) && isId(b) && a < b;
}

/** A name prepared once for many comparisons. */
export interface NameForm {
  tokens: string[];
  /** Words in alphabetical order, joined. */
  sorted: string;
  /** Words in written order, joined. */
  written: string;
  /** The name's characters, sorted: for a cheap bound before Jaro–Winkler. */
  chars: string;
}

export function nameForm(name: string): NameForm {
  const tokens = nameTokens(name);
  const written = tokens.join(' ');
  return { tokens, sorted: [...tokens].sort().join(' '), written, chars: [...written].sort().join('') };
}

/** How alike two names are, in [0, 1]: 1 for the same words in any order or spelling of accents. */
export function nameSimilarity(a: string | NameForm, b: string | NameForm): number {
  return similarityAbove(typeof a === 'string' ? nameForm(a) : a, typeof b === 'string' ? nameForm(b) : b, 0);
}

/** The similarity when it may reach `threshold`; otherwise possibly 0 without computing it. */
function similarityAbove(fa: NameForm, fb: NameForm, threshold: number): number {
  if (fa.tokens.length === 0 || fb.tokens.length === 0) return 0;
  if (fa.sorted === fb.sorted) return 1;
  // "Ana Lopez" and "Ana Maria Lopez": every word of the shorter name is in the longer.
  const na = fa.tokens.length;
  const nb = fb.tokens.length;
  if (na !== nb && Math.min(na, nb) >= 2 && (na < nb ? isSubset(fa.tokens, fb.tokens) : isSubset(fb.tokens, fa.tokens))) return 0.95;
  if (threshold > 0 && !charsAllow(fa, fb, threshold)) return 0;
  const sorted = jaroWinkler(fa.sorted, fb.sorted);
  if (fa.written === fa.sorted && fb.written === fb.sorted) return sorted;
  return Math.max(sorted, jaroWinkler(fa.written, fb.written));
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  for (const t of small) if (!large.includes(t)) return false;
  return true;
}

/**
 * Jaro–Winkler cannot reach `threshold` when the names share too few
 * characters: with c characters in common, at best jaro = (c/la + c/lb + 1)/3
 * and the prefix bonus adds at most 0.4·(1 − jaro). Counting common
 * characters in the sorted strings is a linear merge, far cheaper than
 * Jaro–Winkler, and rules out most pairs.
 */
function charsAllow(a: NameForm, b: NameForm, threshold: number): boolean {
  const x = a.chars;
  const y = b.chars;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (cx === cy) {
      common++;
      i++;
      j++;
    } else if (cx < cy) i++;
    else j++;
  }
  const jaro = (common / x.length + common / y.length + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= threshold;
}

type Add = (a: ContactId, b: ContactId, reason: DuplicateReason) => void;

export function findDuplicates(contacts: readonly Contact[], opts: DuplicateOptions = {}): DuplicatePair[] {
  const threshold = opts.nameThreshold ?? NAME_SIMILARITY_THRESHOLD;
  const people = contacts.filter(isActivePerson);
  const byId = new Map<ContactId, Contact>(people.map((c) => [c.id, c]));
  const pairs = new Map<string, { a: ContactId; b: ContactId; reasons: DuplicateReason[] }>();
  const add: Add = (x, y, reason) => {
    if (x === y) return;
    const key = pairKey(x, y);
    if (opts.dismissed?.has(key)) return;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { a: x < y ? x : y, b: x < y ? y : x, reasons: [] }));
    if (!p.reasons.some((r) => r.kind === reason.kind)) p.reasons.push(reason);
  };

  pairWithin(group(people, (c) => c.emails.map(emailKey)), (a, b, value) => add(a, b, { kind: 'email', value }));
  pairWithin(group(people, (c) => c.phones.map(phoneKey)), (a, b) =>
    add(a, b, { kind: 'phone', value: sharedPhone(byId.get(a), byId.get(b)) }),
  );
  pairWithin(group(people, (c) => [linkedinKey(c.linkedin)]), (a, b, value) => add(a, b, { kind: 'linkedin', value }));
  const prepared = people.map(prepare);
  const comparisons = similarNamesInOrganisations(prepared, threshold, add);
  if (opts.stats) opts.stats.nameComparisons = comparisons;
  sameNamesWithoutOrganisation(prepared, add);

  const out: DuplicatePair[] = [];
  for (const [key, p] of pairs) {
    const a = byId.get(p.a) as Contact;
    const b = byId.get(p.b) as Contact;
    out.push({ key, aId: p.a, bId: p.b, reasons: p.reasons, sentence: duplicateSentence(a, b, p.reasons) });
  }
  return out.sort((x, y) => strength(y.reasons) - strength(x.reasons) || (x.key < y.key ? -1 : 1));
}

const STRENGTH: Record<DuplicateReason['kind'], number> = { email: 4, linkedin: 4, phone: 3, 'similar-name': 2, 'same-name': 1 };
const strength = (reasons: readonly DuplicateReason[]) => reasons.reduce((s, r) => s + STRENGTH[r.kind], 0);

function group(people: readonly Contact[], keys: (c: Contact) => (string | null)[]): Map<string, ContactId[]> {
  const groups = new Map<string, ContactId[]>();
  for (const c of people) {
    for (const k of keys(c)) {
      if (k === null || k === '') continue;
      const g = groups.get(k);
      if (!g) groups.set(k, [c.id]);
      else if (!g.includes(c.id)) g.push(c.id);
    }
  }
  return groups;
}

function pairWithin(groups: Map<string, ContactId[]>, pair: (a: ContactId, b: ContactId, key: string) => void): void {
  for (const [key, ids] of groups) {
    if (ids.length < 2 || ids.length > MAX_SHARED_KEY_GROUP) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pair(ids[i] as ContactId, ids[j] as ContactId, key);
  }
}

function sharedPhone(a: Contact | undefined, b: Contact | undefined): string {
  if (!a || !b) return '';
  const bKeys = new Set(b.phones.map(phoneKey));
  return a.phones.find((p) => { const k = phoneKey(p); return k !== null && bKeys.has(k); }) ?? '';
}

interface Prepared {
  contact: Contact;
  form: NameForm;
  org: string;
  /** The first two letters of each word, distinct, in order: the blocking keys. */
  starts: string[];
}

function prepare(c: Contact): Prepared {
  const form = nameForm(c.name);
  const starts: string[] = [];
  for (const t of form.tokens) {
    const s = t.slice(0, 2);
    if (!starts.includes(s)) starts.push(s);
  }
  return { contact: c, form, org: organisationKey(c.organisation), starts };
}

function similarNamesInOrganisations(people: readonly Prepared[], threshold: number, add: Add): number {
  let comparisons = 0;
  const orgs = new Map<string, Prepared[]>();
  for (const p of people) {
    if (p.org === '') continue;
    const list = orgs.get(p.org);
    if (list) list.push(p);
    else orgs.set(p.org, [p]);
  }
  for (const members of orgs.values()) {
    if (members.length < 2) continue;
    // Block on the first two letters of each word: similar names share at least
    // one such start ("Jon Smith" and "John Smith" share "jo" and "sm").
    const blocks = new Map<string, Prepared[]>();
    for (const m of members) {
      for (const start of m.starts) {
        const b = blocks.get(start);
        if (b) b.push(m);
        else blocks.set(start, [m]);
      }
    }
    for (const [start, block] of blocks) {
      for (let i = 0; i < block.length; i++) {
        const x = block[i] as Prepared;
        for (let j = i + 1; j < block.length; j++) {
          const y = block[j] as Prepared;
          // A pair sharing several starts is compared once, in the block of its first shared start.
          if (firstSharedStart(x.starts, y.starts) !== start) continue;
          comparisons++;
          const similarity = similarityAbove(x.form, y.form, threshold);
          if (similarity < threshold) continue;
          const organisation = (x.contact.id < y.contact.id ? x : y).contact.organisation;
          add(x.contact.id, y.contact.id, { kind: 'similar-name', organisation, similarity });
        }
      }
    }
  }
  return comparisons;
}

function firstSharedStart(a: readonly string[], b: readonly string[]): string | undefined {
  for (const s of a) if (b.includes(s)) return s;
  return undefined;
}

/** The same full name where at least one record has no organisation to tell them apart. */
function sameNamesWithoutOrganisation(people: readonly Prepared[], add: Add): void {
  const names = new Map<string, Prepared[]>();
  for (const p of people) {
    if (p.form.tokens.length < 2) continue; // one word is too little to go on
    const list = names.get(p.form.sorted);
    if (list) list.push(p);
    else names.set(p.form.sorted, [p]);
  }
  for (const list of names.values()) {
    if (list.length < 2 || list.length > MAX_SHARED_KEY_GROUP) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Prepared;
        const b = list[j] as Prepared;
        if (a.org !== '' && b.org !== '') continue;
        add(a.contact.id, b.contact.id, { kind: 'same-name' });
      }
    }
  }
}

export function duplicateSentence(a: Contact, b: Contact, reasons: readonly DuplicateReason[]): string {
  const shared: string[] = [];
  let name = '';
  for (const r of reasons) {
    if (r.kind === 'email') shared.push(`the email ${r.value}`);
    else if (r.kind === 'phone') shared.push(`the phone number ${r.value}`);
    else if (r.kind === 'linkedin') shared.push(`the LinkedIn profile ${r.value}`);
    else if (r.kind === 'similar-name') name = `have very similar names and both work at ${r.organisation}`;
    else name = 'have the same name';
  }
  const who = listNames([a.name, b.name]);
  const parts = [shared.length ? `share ${listNames(shared, shared.length)}` : '', name].filter((s) => s !== '');
  return `${who} ${parts.join(', and ')} — they may be the same person.`;
}
