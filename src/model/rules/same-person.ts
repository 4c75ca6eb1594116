/**
 * The one rule for "are these two records one person?", used wherever records
 * meet: the duplicates finder, an import against the people already here, a
 * backup's people brought into a space that has some, a device joining a
 * network. Two verdicts:
 *
 * - **certain**: they share an email, a phone number (its last nine digits) or
 *   a LinkedIn profile; or they have the same name (accents, case and word
 *   order aside, or one name's words all within the other's: "Ana López" and
 *   "Ana María López") at the same organisation, unless their contact details
 *   disagree (two different emails, phones or profiles and none shared); or
 *   they carry the same name and nothing else at all (a name-only card,
 *   entered twice).
 * - **uncertain**: names only very similar ("Jon Smith", "John Smith") at the
 *   same organisation, or the same name there with details that disagree, or
 *   the same full name with no shared organisation or contact detail to
 *   confirm it. A person decides.
 *
 * Two records with the same name at two different known organisations are not
 * offered: two employers tell them apart better than a common name joins them.
 *
 * Candidates are found through an index (by each key, by organisation and the
 * first letters of each name word, by the whole name), never by comparing every
 * pair, so 10,000 records against 10,000 stays cheap.
 */
import { emailKey, linkedinKey, nameTokens, organisationKey, phoneKey } from './contact-keys.ts';
import { jaroWinkler } from './similarity.ts';

export type DuplicateReason =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'linkedin'; value: string }
  | { kind: 'similar-name'; organisation: string; similarity: number }
  | { kind: 'same-name' };

export interface Likeness {
  certain: boolean;
  /** Strongest first. */
  reasons: DuplicateReason[];
}

/** What the rule reads of a record: a stored person, or a person from a file. */
export interface PersonLike {
  name: string;
  organisation: string;
  emails: readonly string[];
  phones: readonly string[];
  linkedin: string;
}

const NAME_SIMILARITY_THRESHOLD = 0.93;
/** A key shared by more records than this is a switchboard or a team inbox, not one person. */
export const MAX_SHARED_KEY_GROUP = 25;

const STRENGTH: Record<DuplicateReason['kind'], number> = {
  email: 4,
  linkedin: 4,
  phone: 3,
  'similar-name': 2,
  'same-name': 1,
};
export const likenessStrength = (reasons: readonly DuplicateReason[]) =>
  reasons.reduce((s, r) => s + STRENGTH[r.kind], 0);

/* ---------- names ---------- */

/** A name prepared once for many comparisons. */
interface NameForm {
  tokens: string[];
  /** Words in alphabetical order, joined. */
  sorted: string;
  /** Words in written order, joined. */
  written: string;
  /** The name's characters, sorted: for a cheap bound before Jaro–Winkler. Made when first needed. */
  chars?: string;
}

function nameForm(name: string): NameForm {
  const tokens = nameTokens(name);
  const written = tokens.join(' ');
  return { tokens, sorted: tokens.length < 2 ? written : [...tokens].sort().join(' '), written };
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
  if (na !== nb && Math.min(na, nb) >= 2 && (na < nb ? isSubset(fa.tokens, fb.tokens) : isSubset(fb.tokens, fa.tokens)))
    return 0.95;
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
  const x = (a.chars ??= [...a.written].sort().join(''));
  const y = (b.chars ??= [...b.written].sort().join(''));
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

/* ---------- records ---------- */

interface Keyed {
  /** Normal form → the value as written. */
  emails: ReadonlyMap<string, string>;
  phones: ReadonlyMap<string, string>;
  linkedin: string | null;
}

export interface Prepared<T> {
  item: T;
  /** Order of insertion into an index: lets a scan compare each pair once. */
  order: number;
  form: NameForm;
  org: string;
  /** The first two letters of each word, distinct, in order: the blocking keys. */
  starts: string[];
  keys: Keyed;
  /** Nothing but a name: no organisation, no contact detail. */
  bare: boolean;
}

const NONE: ReadonlyMap<string, string> = new Map();

function keysOf(p: PersonLike): Keyed {
  let emails = NONE;
  for (const e of p.emails) {
    const k = emailKey(e);
    if (k === '' || emails.has(k)) continue;
    if (emails === NONE) emails = new Map();
    (emails as Map<string, string>).set(k, e);
  }
  let phones = NONE;
  for (const ph of p.phones) {
    const k = phoneKey(ph);
    if (k === null || phones.has(k)) continue;
    if (phones === NONE) phones = new Map();
    (phones as Map<string, string>).set(k, ph);
  }
  return { emails, phones, linkedin: linkedinKey(p.linkedin) };
}

export function preparePerson<T extends PersonLike>(item: T, order = 0): Prepared<T> {
  const form = nameForm(item.name);
  const starts: string[] = [];
  for (const t of form.tokens) {
    const s = t.slice(0, 2);
    if (!starts.includes(s)) starts.push(s);
  }
  const keys = keysOf(item);
  const org = organisationKey(item.organisation);
  const bare = org === '' && keys.emails.size === 0 && keys.phones.size === 0 && keys.linkedin === null;
  return { item, order, form, org, starts, keys, bare };
}

/** The keys of a record as the index files them: "email …", "phone …", "linkedin …". */
function contactKeys(k: Keyed): string[] {
  const out: string[] = [];
  for (const e of k.emails.keys()) out.push(`email ${e}`);
  for (const p of k.phones.keys()) out.push(`phone ${p}`);
  if (k.linkedin) out.push(`linkedin ${k.linkedin}`);
  return out;
}

/**
 * The verdict on two prepared records, or null when nothing suggests one person.
 * Reasons quote `a`'s values. `crowd` holds keys too common to be evidence (see MAX_SHARED_KEY_GROUP).
 */
function comparePrepared(
  a: Prepared<PersonLike>,
  b: Prepared<PersonLike>,
  crowd: ReadonlySet<string> = NO_CROWD,
  threshold = NAME_SIMILARITY_THRESHOLD,
): Likeness | null {
  const reasons: DuplicateReason[] = [];
  for (const k of a.keys.emails.keys()) {
    if (b.keys.emails.has(k) && !crowd.has(`email ${k}`)) {
      reasons.push({ kind: 'email', value: k });
      break;
    }
  }
  if (a.keys.linkedin !== null && a.keys.linkedin === b.keys.linkedin && !crowd.has(`linkedin ${a.keys.linkedin}`))
    reasons.push({ kind: 'linkedin', value: a.keys.linkedin });
  for (const [k, written] of a.keys.phones) {
    if (b.keys.phones.has(k) && !crowd.has(`phone ${k}`)) {
      reasons.push({ kind: 'phone', value: written });
      break;
    }
  }
  if (a.org !== '' && a.org === b.org) {
    const similarity = similarityAbove(a.form, b.form, threshold);
    if (similarity >= threshold) {
      reasons.push({ kind: 'similar-name', organisation: a.item.organisation, similarity });
    }
  } else if (sameName(a, b) && (a.org === '' || b.org === '')) {
    reasons.push({ kind: 'same-name' });
  }
  if (reasons.length === 0) return null;
  reasons.sort((x, y) => STRENGTH[y.kind] - STRENGTH[x.kind]);
  const certain =
    reasons.some((r) => r.kind === 'email' || r.kind === 'phone' || r.kind === 'linkedin') ||
    (reasons.some((r) => r.kind === 'similar-name' && sameWords(a.form, b.form)) && !disagree(a.keys, b.keys)) ||
    (a.bare && b.bare);
  return { certain, reasons };
}

/**
 * Both hold the same kind of contact detail and none of it agrees: two
 * LinkedIn profiles, or emails with none in common, or phones with none in
 * common. Two colleagues of one name, not one person twice, until a person says so.
 */
function disagree(a: Keyed, b: Keyed): boolean {
  if (a.linkedin !== null && b.linkedin !== null && a.linkedin !== b.linkedin) return true;
  const none = (x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>) =>
    x.size > 0 && y.size > 0 && ![...x.keys()].some((k) => y.has(k));
  return none(a.emails, b.emails) || none(a.phones, b.phones);
}

/** The same words in any order, or every word of the shorter name (two or more) in the longer one. */
function sameWords(a: NameForm, b: NameForm): boolean {
  if (a.sorted === b.sorted) return true;
  const [short, long] = a.tokens.length < b.tokens.length ? [a, b] : [b, a];
  return short.tokens.length >= 2 && short.tokens.length < long.tokens.length && isSubset(short.tokens, long.tokens);
}

/** The same words of a full name; one word is too little to go on unless neither record holds anything else. */
const sameName = (a: Prepared<PersonLike>, b: Prepared<PersonLike>) =>
  a.form.sorted !== '' && a.form.sorted === b.form.sorted && (a.form.tokens.length >= 2 || (a.bare && b.bare));

const NO_CROWD: ReadonlySet<string> = new Set();

/** The verdict on two records. */
export const comparePeople = (a: PersonLike, b: PersonLike): Likeness | null =>
  comparePrepared(preparePerson(a), preparePerson(b));

/* ---------- the index ---------- */

interface Candidate<T> {
  item: T;
  likeness: Likeness;
}

/**
 * Records filed for finding, for any record, those the rule says may be the
 * same person. Build it over all the records first (`SamePersonIndex.of`), so
 * keys shared by a crowd are known before anything is matched.
 */
export class SamePersonIndex<T extends PersonLike> {
  /** Name comparisons made so far: to check the work stays far below all pairs. */
  nameComparisons = 0;
  private readonly byKey = new Map<string, Prepared<T>[]>();
  /** Made at the first search for similar names: an import rarely needs it. */
  private byOrgStart: Map<string, Prepared<T>[]> | null = null;
  private readonly byName = new Map<string, Prepared<T>[]>();
  private readonly byOrgName = new Map<string, Prepared<T>[]>();
  private readonly byNameWithoutOrg = new Map<string, Prepared<T>[]>();
  /** Under each shorter name it contains: "Ana María López" under "ana lopez". */
  private readonly byShorterName = new Map<string, Prepared<T>[]>();
  private readonly prepared: Prepared<T>[] = [];
  private readonly position = new Map<Prepared<T>, number>();
  /** Orders only grow, so a record filed after a removal still comes after every earlier one. */
  private nextOrder = 0;

  constructor(
    private readonly crowd: ReadonlySet<string> = NO_CROWD,
    private readonly threshold = NAME_SIMILARITY_THRESHOLD,
  ) {}

  /** An index of `items`, where keys shared by more than MAX_SHARED_KEY_GROUP of them are not evidence. */
  static of<T extends PersonLike>(items: readonly T[], threshold?: number): SamePersonIndex<T> {
    const prepared = items.map((item, i) => preparePerson(item, i));
    const index = new SamePersonIndex<T>(crowdKeys(prepared), threshold);
    for (const p of prepared) index.file(p);
    return index;
  }

  get size(): number {
    return this.prepared.length;
  }

  /** Every record filed, in the order filed until the first removal (then in no particular order). */
  all(): readonly Prepared<T>[] {
    return this.prepared;
  }

  /** Files a record (or one prepared already, to prepare each record once). */
  add(item: T | Prepared<T>): Prepared<T> {
    const p = 'form' in item ? { ...item, order: this.nextOrder } : preparePerson(item, this.nextOrder);
    this.file(p);
    return p;
  }

  /** Takes a filed record out (one that changed or went away), from exactly the lists it was filed in. */
  remove(p: Prepared<T>): void {
    const at = this.position.get(p);
    if (at === undefined) return;
    // The last record takes the removed one's place: removal costs the same in any network.
    const last = this.prepared.pop() as Prepared<T>;
    if (last !== p) {
      this.prepared[at] = last;
      this.position.set(last, at);
    }
    this.position.delete(p);
    this.filings(p, (map, key) => {
      const list = map.get(key);
      const i = list?.indexOf(p) ?? -1;
      if (i < 0) return;
      list!.splice(i, 1);
      if (list!.length === 0) map.delete(key);
    });
  }

  private file(p: Prepared<T>): void {
    this.position.set(p, this.prepared.length);
    this.prepared.push(p);
    this.nextOrder = Math.max(this.nextOrder, p.order + 1);
    this.filings(p, (map, key) => push(map, key, p));
  }

  /** Every list a record is filed in, by map and key: one place that says where, for filing and removing alike. */
  private filings(p: Prepared<T>, visit: (map: Map<string, Prepared<T>[]>, key: string) => void): void {
    for (const k of contactKeys(p.keys)) visit(this.byKey, k);
    if (this.byOrgStart && p.org !== '') for (const s of p.starts) visit(this.byOrgStart, `${p.org}\u0000${s}`);
    if (p.form.sorted !== '') {
      visit(this.byName, p.form.sorted);
      if (p.org === '') visit(this.byNameWithoutOrg, p.form.sorted);
      else visit(this.byOrgName, `${p.org}\u0000${p.form.sorted}`);
    }
    for (const shorter of shorterNames(p.form.tokens)) visit(this.byShorterName, shorter);
  }

  private fileByOrgStart(p: Prepared<T>): void {
    for (const s of p.starts) push(this.byOrgStart as Map<string, Prepared<T>[]>, `${p.org}\u0000${s}`, p);
  }

  private orgStarts(): Map<string, Prepared<T>[]> {
    if (!this.byOrgStart) {
      this.byOrgStart = new Map();
      for (const p of this.prepared) if (p.org !== '') this.fileByOrgStart(p);
    }
    return this.byOrgStart;
  }

  /**
   * Records the rule pairs with `query`, strongest first. With `before`, only
   * records filed earlier than that order (a scan of the index against itself
   * then compares each pair once). With `strongest`, the search stops at the
   * first of its three tiers that finds someone: a shared key, then the same
   * name, then (only then, and the costly one) a similar name at the same
   * organisation; with `certainOnly`, the last tier, which never yields a
   * certain match, is skipped.
   */
  candidates(
    query: PersonLike | Prepared<PersonLike>,
    opts: { before?: number; strongest?: boolean; certainOnly?: boolean } = {},
  ): Candidate<T>[] {
    const q = 'form' in query ? query : preparePerson(query);
    const before = opts.before ?? Infinity;
    // Keys and names find a few records: a list beats a set until the similar-name blocks.
    let seen: { has(p: Prepared<T>): boolean; add(p: Prepared<T>): void; [Symbol.iterator](): Iterator<Prepared<T>> } =
      listOf<Prepared<T>>();
    const out: Candidate<T>[] = [];
    const consider = (p: Prepared<T>) => {
      if (p.order >= before || p === q || p.item === q.item || seen.has(p)) return; // never itself
      seen.add(p);
      if (p.org !== '' && p.org === q.org) this.nameComparisons++;
      // The filed record first: reasons quote its values.
      const likeness = comparePrepared(p, q, this.crowd, this.threshold);
      if (likeness) out.push({ item: p.item, likeness });
    };
    const sorted = () =>
      out.sort(
        (x, y) =>
          Number(y.likeness.certain) - Number(x.likeness.certain) ||
          likenessStrength(y.likeness.reasons) - likenessStrength(x.likeness.reasons),
      );

    for (const k of contactKeys(q.keys)) {
      if (this.crowd.has(k)) continue;
      for (const p of this.byKey.get(k) ?? []) consider(p);
    }
    if (opts.strongest && out.some((c) => c.likeness.certain)) return sorted();
    if (q.form.sorted !== '') {
      // A name agrees only within one organisation or where one has none: skip the rest unread.
      const fits = (p: Prepared<T>) => {
        if (q.org === '' || p.org === '' || p.org === q.org) consider(p);
      };
      if (q.org === '') for (const p of this.byName.get(q.form.sorted) ?? []) consider(p);
      else {
        for (const p of this.byOrgName.get(`${q.org}\u0000${q.form.sorted}`) ?? []) consider(p);
        for (const p of this.byNameWithoutOrg.get(q.form.sorted) ?? []) consider(p);
      }
      for (const p of this.byShorterName.get(q.form.sorted) ?? []) fits(p);
      for (const shorter of shorterNames(q.form.tokens)) for (const p of this.byName.get(shorter) ?? []) fits(p);
    }
    if (opts.certainOnly || (opts.strongest && out.length > 0)) return sorted();
    if (q.org !== '') {
      seen = new Set(seen);
      const blocks = this.orgStarts();
      for (const s of q.starts) {
        for (const p of blocks.get(`${q.org}\u0000${s}`) ?? []) consider(p);
      }
    }
    return sorted();
  }
}

/** The names of two or more of a name's words, fewer than all ("ana lopez" of "ana maria lopez"), sorted: see sameWords. */
function shorterNames(tokens: readonly string[]): string[] {
  const n = tokens.length;
  if (n < 3 || n > 5) return []; // longer names are rare; their subsets would cost more than they find
  const out: string[] = [];
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    const words = tokens.filter((_, i) => mask & (1 << i));
    if (words.length >= 2) out.push([...words].sort().join(' '));
  }
  return [...new Set(out)];
}

function listOf<T>() {
  const items: T[] = [];
  return {
    has: (x: T) => items.includes(x),
    add: (x: T) => void items.push(x),
    [Symbol.iterator]: () => items[Symbol.iterator](),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Keys held by more than MAX_SHARED_KEY_GROUP records. */
export function crowdKeys(prepared: readonly Prepared<PersonLike>[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of prepared) for (const k of contactKeys(p.keys)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const crowd = new Set<string>();
  for (const [k, n] of counts) if (n > MAX_SHARED_KEY_GROUP) crowd.add(k);
  return crowd;
}

/**
 * The normal form under which two entries of one list field are the same
 * entry: emails by address, phones by the key above (else all their digits),
 * tags by folded case, ids exactly. Used by merges and imports alike.
 */
export function listEntryKey(field: string, value: string): string {
  if (field === 'emails') return emailKey(value);
  if (field === 'phones') return phoneKey(value) ?? value.replace(/\D/g, '');
  if (field === 'tags') return value.trim().toLowerCase();
  return value; // ids of linked records: exact
}
