/**
 * People who are probably one person: they share an email, a phone number or a
 * LinkedIn profile, or have very similar names in the same organisation. Each
 * candidate pair says why in words.
 *
 * Never compares every pair: people are grouped by each key (email, phone,
 * profile) and only people sharing a group are paired; names are compared only
 * within one organisation, and there only between names sharing the first
 * letter of some word. So 10,000 people cost a few thousand comparisons.
 */
import type { Contact } from '../contact.ts';
import type { ContactId } from '../ids.ts';
import { emailKey, linkedinKey, nameKey, nameTokens, organisationKey, phoneKey } from './contact-keys.ts';
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
}

export const NAME_SIMILARITY_THRESHOLD = 0.93;
/** A key shared by more people than this is a switchboard or a team inbox, not one person. */
export const MAX_SHARED_KEY_GROUP = 25;

export const pairKey = (a: ContactId, b: ContactId) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** How alike two names are, in [0, 1]: 1 for the same words in any order or spelling of accents. */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const ka = [...ta].sort().join(' ');
  const kb = [...tb].sort().join(' ');
  if (ka === kb) return 1;
  // "Ana Lopez" and "Ana Maria Lopez": every word of the shorter name is in the longer.
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= 2 && short.every((t) => long.includes(t))) return 0.95;
  return Math.max(jaroWinkler(ka, kb), jaroWinkler(ta.join(' '), tb.join(' ')));
}

export function findDuplicates(contacts: readonly Contact[], opts: DuplicateOptions = {}): DuplicatePair[] {
  const threshold = opts.nameThreshold ?? NAME_SIMILARITY_THRESHOLD;
  const people = contacts.filter(isActivePerson);
  const byId = new Map<ContactId, Contact>(people.map((c) => [c.id, c]));
  const pairs = new Map<string, { a: ContactId; b: ContactId; reasons: DuplicateReason[] }>();
  const add = (x: ContactId, y: ContactId, reason: DuplicateReason) => {
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
  similarNamesInOrganisations(people, threshold, add);
  sameNamesWithoutOrganisation(people, add);

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

function similarNamesInOrganisations(
  people: readonly Contact[],
  threshold: number,
  add: (a: ContactId, b: ContactId, r: DuplicateReason) => void,
): void {
  const orgs = new Map<string, Contact[]>();
  for (const c of people) {
    const org = organisationKey(c.organisation);
    if (org === '') continue;
    const list = orgs.get(org);
    if (list) list.push(c);
    else orgs.set(org, [c]);
  }
  for (const members of orgs.values()) {
    if (members.length < 2) continue;
    // Block on the first letter of each word: similar names share at least one.
    const blocks = new Map<string, number[]>();
    const tokens = members.map((c) => nameTokens(c.name));
    tokens.forEach((words, index) => {
      for (const letter of new Set(words.map((w) => w[0] as string))) {
        const b = blocks.get(letter);
        if (b) b.push(index);
        else blocks.set(letter, [index]);
      }
    });
    const compared = new Set<number>();
    for (const block of blocks.values()) {
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) {
          const x = block[i] as number;
          const y = block[j] as number;
          const id = x * members.length + y;
          if (compared.has(id)) continue;
          compared.add(id);
          const a = members[x] as Contact;
          const b = members[y] as Contact;
          const similarity = nameSimilarity(a.name, b.name);
          if (similarity >= threshold) add(a.id, b.id, { kind: 'similar-name', organisation: a.organisation, similarity });
        }
      }
    }
  }
}

/** The same full name where at least one record has no organisation to tell them apart. */
function sameNamesWithoutOrganisation(people: readonly Contact[], add: (a: ContactId, b: ContactId, r: DuplicateReason) => void): void {
  const names = new Map<string, Contact[]>();
  for (const c of people) {
    const key = nameKey(c.name);
    if (!key.includes(' ')) continue; // one word is too little to go on
    const list = names.get(key);
    if (list) list.push(c);
    else names.set(key, [c]);
  }
  for (const list of names.values()) {
    if (list.length < 2 || list.length > MAX_SHARED_KEY_GROUP) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Contact;
        const b = list[j] as Contact;
        if (organisationKey(a.organisation) !== '' && organisationKey(b.organisation) !== '') continue;
        add(a.id, b.id, { kind: 'same-name' });
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
