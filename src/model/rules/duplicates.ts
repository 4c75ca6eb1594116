/**
 * People who are probably one person, by the one rule of same-person.ts: they
 * share an email, a phone number or a LinkedIn profile, have very similar names
 * in the same organisation, or the same name with nothing to tell them apart.
 * Each candidate pair says why in words.
 *
 * Never compares every pair: the rule's index pairs only people who share a
 * key, or an organisation and the first letters of a name word, or a whole
 * name. So 10,000 people cost far fewer than the 50 million comparisons of
 * every pair.
 */
import type { Contact } from '../contact.ts';
import { isId, type ContactId } from '../ids.ts';
import { isActivePerson } from './people-status.ts';
import { linkedinKey, nameKey } from './contact-keys.ts';
import {
  crowdKeys,
  likenessStrength,
  listEntryKey,
  preparePerson,
  SamePersonIndex,
  type DuplicateReason,
  type Likeness,
  type Prepared,
} from './same-person.ts';
import { runAtOnce } from './slices.ts';

/** Records looked at between two chances to pause, in a first look at the network. */
const BUILD_STEP = 100;
import { listNames } from './words.ts';

export interface DuplicatePair {
  /** `${smaller id}|${larger id}`: stable, to remember "these are different people". */
  key: string;
  aId: ContactId;
  bId: ContactId;
  reasons: DuplicateReason[];
  /** False when only the name agrees and nothing confirms it (see same-person.ts). */
  certain: boolean;
  sentence: string;
}

interface DuplicateOptions {
  /** Pair keys the user said are different people. */
  dismissed?: ReadonlySet<string>;
  /** Names at least this similar (Jaro–Winkler on folded, sorted words) are offered. */
  nameThreshold?: number;
  /** Filled in with how many name pairs were compared: to check the work stays far below all pairs. */
  stats?: { nameComparisons: number };
}

export const pairKey = (a: ContactId, b: ContactId) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A pair key as `pairKey` writes it: two ids, the smaller first. */
export function isPairKey(key: string): boolean {
  const [a, b, ...rest] = key.split('|');
  return rest.length === 0 && isId(a) && isId(b) && a < b;
}

export function findDuplicates(contacts: readonly Contact[], opts: DuplicateOptions = {}): DuplicatePair[] {
  const tracker = new DuplicateTracker(opts.nameThreshold);
  tracker.update(contacts);
  if (opts.stats) opts.stats.nameComparisons = tracker.nameComparisons;
  return tracker.pairs(opts.dismissed);
}

/**
 * The duplicate pairs of a changing set of people, kept up to date from what
 * changed: after a merge, only the two merged records are looked up again, not
 * the whole network. A record counts as changed when its object is not the one
 * seen last time (the store's views hand back the same object for an entry no
 * transaction touched). Keys shared by a crowd are judged on the first set.
 */
export class DuplicateTracker {
  private index: SamePersonIndex<Contact> | null = null;
  private readonly seen = new Map<ContactId, { contact: Contact; prepared: Prepared<Contact> }>();
  private readonly byKey = new Map<string, DuplicatePair>();
  private readonly keysOf = new Map<ContactId, Set<string>>();
  private sorted: DuplicatePair[] | null = [];

  constructor(private readonly nameThreshold?: number) {}

  /** Name comparisons made so far (see SamePersonIndex). */
  get nameComparisons(): number {
    return this.index?.nameComparisons ?? 0;
  }

  /** True once the whole network has been looked at (by `update` or `building`). */
  get built(): boolean {
    return this.index !== null;
  }

  /** Brings the pairs up to date with `contacts`; says how many records were looked up again. */
  update(contacts: Iterable<Contact>): { compared: number } {
    const active = new Map<ContactId, Contact>();
    for (const c of contacts) if (isActivePerson(c)) active.set(c.id, c);
    if (!this.index) return { compared: runAtOnce(this.building(active.values())) };
    const index = this.index;
    const changed: Contact[] = [];
    for (const [id, was] of this.seen) {
      const now = active.get(id);
      if (now === was.contact) continue;
      this.forget(id);
      index.remove(was.prepared);
      this.seen.delete(id);
    }
    for (const [id, contact] of active) {
      if (this.seen.has(id)) continue;
      this.seen.set(id, { contact, prepared: index.add(contact) });
      changed.push(contact);
    }
    for (const contact of changed) {
      const mine = this.seen.get(contact.id)!.prepared;
      for (const { item: other, likeness } of index.candidates(mine)) this.pair(other, contact, likeness);
    }
    return { compared: changed.length };
  }

  /** The pairs, surest first, less those the user said are different people. */
  pairs(dismissed?: ReadonlySet<string>): DuplicatePair[] {
    // Surest first, then the strongest evidence, then by key (stable between calls); each pair's strength worked out once.
    this.sorted ??= [...this.byKey.values()]
      .map((p) => ({ p, strength: likenessStrength(p.reasons) }))
      .sort(
        (x, y) => Number(y.p.certain) - Number(x.p.certain) || y.strength - x.strength || (x.p.key < y.p.key ? -1 : 1),
      )
      .map(({ p }) => p);
    return dismissed?.size ? this.sorted.filter((p) => !dismissed.has(p.key)) : this.sorted;
  }

  /**
   * The first look at the whole network, a step at a time: yields (the share
   * done, 0–1) every few records, so a caller can run it in time slices
   * (runInSlices). Later changes then go through `update`.
   */
  *building(contacts: Iterable<Contact>): Generator<number, number> {
    if (this.index) return 0;
    // Filed by id, so the earlier record of a pair is its first: reasons quote it.
    const people = [...contacts].filter(isActivePerson).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const prepared: Prepared<Contact>[] = [];
    for (const [i, c] of people.entries()) {
      if (i % BUILD_STEP === 0) yield (0.2 * i) / people.length;
      prepared.push(preparePerson(c, i));
    }
    const index = new SamePersonIndex<Contact>(crowdKeys(prepared), this.nameThreshold);
    for (const [i, p] of prepared.entries()) {
      if (i % (BUILD_STEP * 4) === 0) yield 0.2 + (0.05 * i) / people.length;
      index.add(p);
    }
    // Each pair once: every record against those filed before it.
    for (const [i, p] of index.all().entries()) {
      if (i % BUILD_STEP === 0) yield 0.25 + (0.75 * i) / people.length;
      for (const { item: other, likeness } of index.candidates(p, { before: p.order }))
        this.pair(other, p.item, likeness);
    }
    for (const p of index.all()) this.seen.set(p.item.id, { contact: p.item, prepared: p });
    this.index = index;
    return people.length;
  }

  private pair(a: Contact, b: Contact, likeness: Likeness): void {
    if (a.id === b.id) return;
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = pairKey(a.id, b.id);
    const { reasons, certain } = likeness;
    this.byKey.set(key, {
      key,
      aId: first.id,
      bId: second.id,
      reasons,
      certain,
      sentence: duplicateSentence(first, second, reasons),
    });
    for (const id of [a.id, b.id]) {
      const keys = this.keysOf.get(id);
      if (keys) keys.add(key);
      else this.keysOf.set(id, new Set([key]));
    }
    this.sorted = null;
  }

  private forget(id: ContactId): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const pair = this.byKey.get(key);
      if (!pair) continue;
      this.byKey.delete(key);
      this.keysOf.get(pair.aId === id ? pair.bId : pair.aId)?.delete(key);
    }
    this.keysOf.delete(id);
    this.sorted = null;
  }
}

function duplicateSentence(a: Contact, b: Contact, reasons: readonly DuplicateReason[]): string {
  const shared: string[] = [];
  let name = '';
  for (const r of reasons) {
    if (r.kind === 'email') shared.push(`the email ${r.value}`);
    else if (r.kind === 'phone') shared.push(`the phone number ${r.value}`);
    else if (r.kind === 'linkedin') shared.push(`the LinkedIn profile ${r.value}`);
    else if (r.kind === 'similar-name') name = `have very similar names and both work at ${r.organisation}`;
    else name = 'have the same name';
  }
  // Two records under one name: name it once.
  const who = nameKey(a.name) === nameKey(b.name) ? `Two records of ${a.name}` : listNames([a.name, b.name]);
  const parts = [shared.length ? `share ${listNames(shared, shared.length)}` : '', name].filter((s) => s !== '');
  return `${who} ${parts.join(', and ')} — they may be the same person.`;
}

/**
 * The sure pairs as groups to merge at once: records joined by sure pairs are
 * one person (A shares an email with B, B a phone with C), kept as the oldest
 * record of the group, which the others' links have most likely pointed at.
 */
export function sureMergeGroups(
  pairs: readonly DuplicatePair[],
  people: ReadonlyMap<ContactId, Contact>,
): { keepId: ContactId; dropIds: ContactId[] }[] {
  const parent = new Map<ContactId, ContactId>();
  const root = (id: ContactId): ContactId => {
    let r = id;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const p of pairs) {
    if (!p.certain || !people.has(p.aId) || !people.has(p.bId)) continue;
    const [a, b] = [root(p.aId), root(p.bId)];
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<ContactId, Contact[]>();
  for (const id of parent.keys()) {
    const r = root(id);
    const list = groups.get(r) ?? [];
    list.push(people.get(id)!);
    groups.set(r, list);
  }
  const oldest = (x: Contact, y: Contact) =>
    x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : 1;
  return [...groups.values()].map((members) => {
    const [keep, ...rest] = members.sort(oldest);
    return { keepId: keep!.id, dropIds: rest.map((c) => c.id) };
  });
}

/** How much a record has been used: shown beside what it holds, to choose which to keep. */
export interface RecordUse {
  interactions: number;
  ledger: number;
}

/**
 * What one record holds that the other lacks, in short phrases ("email
 * kwame@cb.example", "role Head of Product", "3 interactions"), so two cards
 * that look alike can be told apart before one is merged into the other.
 */
export function recordHoldsMore(mine: Contact, theirs: Contact, use: { mine: RecordUse; theirs: RecordUse }): string[] {
  const out: string[] = [];
  const text = (value: string, other: string, label: string, quote = true) => {
    const v = value.trim();
    if (v !== '' && v.toLowerCase() !== other.trim().toLowerCase()) out.push(quote ? `${label} ${v}` : label);
  };
  const list = (field: 'emails' | 'phones' | 'tags', label: string) => {
    const have = new Set(theirs[field].map((v) => listEntryKey(field, v)));
    for (const v of mine[field]) if (!have.has(listEntryKey(field, v))) out.push(`${label} ${v}`);
  };
  text(mine.role, theirs.role, 'role');
  text(mine.organisation, theirs.organisation, 'at');
  list('emails', 'email');
  list('phones', 'phone');
  if (mine.linkedin && linkedinKey(mine.linkedin) !== linkedinKey(theirs.linkedin)) out.push('a LinkedIn profile');
  text(mine.website, theirs.website, 'a website', false);
  text(mine.location, theirs.location, 'in');
  if (mine.birthday && mine.birthday !== theirs.birthday) out.push('a birthday');
  list('tags', 'tag');
  const communities = mine.communityIds.filter((id) => !theirs.communityIds.includes(id)).length;
  if (communities) out.push(`${communities} ${communities === 1 ? 'community' : 'communities'}`);
  if (mine.metOn && mine.metOn !== theirs.metOn) out.push(`met ${mine.metOn}`);
  for (const [field, label] of [
    ['whatTheyDo', 'what they do'],
    ['needs', 'needs'],
    ['interests', 'interests'],
    ['notes', 'notes'],
  ] as const) {
    if (mine[field].trim() !== '' && !theirs[field].includes(mine[field].trim())) out.push(label);
  }
  const more = (n: number, other: number, one: string, many: string) => {
    if (n > other) out.push(`${n} ${n === 1 ? one : many}`);
  };
  more(use.mine.interactions, use.theirs.interactions, 'interaction', 'interactions');
  more(use.mine.ledger, use.theirs.ledger, 'give-and-take entry', 'give-and-take entries');
  return out;
}
