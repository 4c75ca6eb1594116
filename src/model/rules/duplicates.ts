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
import { likenessStrength, SamePersonIndex, type DuplicateReason } from './same-person.ts';
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

export interface DuplicateOptions {
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
  // Filed by id, so the earlier record of a pair is its first: reasons quote it.
  const people = contacts.filter(isActivePerson).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const index = SamePersonIndex.of(people, opts.nameThreshold);
  const out: DuplicatePair[] = [];
  for (const p of index.all()) {
    // Each pair once: every record against those filed before it.
    for (const { item: other, likeness } of index.candidates(p, { before: p.order })) {
      const key = pairKey(other.id, p.item.id);
      if (other.id === p.item.id || opts.dismissed?.has(key)) continue;
      const { reasons, certain } = likeness;
      out.push({ key, aId: other.id, bId: p.item.id, reasons, certain, sentence: duplicateSentence(other, p.item, reasons) });
    }
  }
  if (opts.stats) opts.stats.nameComparisons = index.nameComparisons;
  return out.sort((x, y) => Number(y.certain) - Number(x.certain) || likenessStrength(y.reasons) - likenessStrength(x.reasons) || (x.key < y.key ? -1 : 1));
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
