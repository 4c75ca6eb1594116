/**
 * Give and take. Only entries marked done count toward a balance; promises are
 * shown apart, so a promise never looks like a gift already given. The balance
 * is a count of favours, not a score: the sentences nudge towards giving.
 */
import type { LedgerEntry } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { CommunityId, ContactId, LedgerEntryId } from '../ids.ts';
import type { Offer } from '../plan.ts';
import { activePeople, makeIdResolver } from './people-status.ts';
import { times, titled } from './words.ts';

interface BalancePoint {
  entryId: LedgerEntryId;
  /** The entry's date, else the day it was recorded. */
  on: IsoDate;
  direction: 'gave' | 'received';
  /** Gave minus received up to and including this entry. */
  balance: number;
}

export interface PersonBalance {
  contactId: ContactId;
  gave: number;
  received: number;
  /** gave − received, done entries only; negative means I have taken more. */
  balance: number;
  promisedByMe: number;
  promisedToMe: number;
  /** Done entries in date order with the running balance. */
  history: BalancePoint[];
}

interface NetworkBalance {
  byPerson: Map<ContactId, PersonBalance>;
  totals: { gave: number; received: number; promisedByMe: number; promisedToMe: number; people: number };
}

const entryDay = (e: LedgerEntry): IsoDate => e.on ?? e.createdAt.slice(0, 10);

function emptyBalance(contactId: ContactId): PersonBalance {
  return { contactId, gave: 0, received: 0, balance: 0, promisedByMe: 0, promisedToMe: 0, history: [] };
}

/** Balances for every person with ledger entries (trashed entries and trashed people left out). */
export function computeBalances(
  ledger: readonly LedgerEntry[],
  contacts: readonly Contact[],
  known?: { people: ReadonlyMap<ContactId, Contact>; resolve: (id: ContactId) => ContactId },
): NetworkBalance {
  // Who is live, and who was merged into whom, are read only once an entry needs them: a network
  // with thousands of people and no entries yet should cost nothing here.
  let people = known?.people;
  let resolve = known?.resolve;
  const done = new Map<ContactId, LedgerEntry[]>();
  const byPerson = new Map<ContactId, PersonBalance>();
  const totals = { gave: 0, received: 0, promisedByMe: 0, promisedToMe: 0, people: 0 };
  for (const e of ledger) {
    if (e.deletedAt !== null || e.contactId === null) continue;
    people ??= activePeople(contacts);
    resolve ??= makeIdResolver(contacts);
    const id = resolve(e.contactId);
    if (!people.has(id)) continue;
    let b = byPerson.get(id);
    if (!b) byPerson.set(id, (b = emptyBalance(id)));
    if (e.status === 'promised') {
      if (e.direction === 'gave') b.promisedByMe++, totals.promisedByMe++;
      else b.promisedToMe++, totals.promisedToMe++;
      continue;
    }
    if (e.direction === 'gave') b.gave++, totals.gave++;
    else b.received++, totals.received++;
    const list = done.get(id);
    if (list) list.push(e);
    else done.set(id, [e]);
  }
  for (const [id, entries] of done) {
    const b = byPerson.get(id) as PersonBalance;
    b.balance = b.gave - b.received;
    entries.sort((x, y) => cmp(entryDay(x), entryDay(y)) || cmp(x.createdAt, y.createdAt) || cmp(x.id, y.id));
    let running = 0;
    b.history = entries.map((e) => {
      running += e.direction === 'gave' ? 1 : -1;
      return { entryId: e.id, on: entryDay(e), direction: e.direction, balance: running };
    });
  }
  totals.people = byPerson.size;
  return { byPerson, totals };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** People I have received more from than I have given, the widest gap first. */
export function takenMoreThanGiven(balances: NetworkBalance): PersonBalance[] {
  return [...balances.byPerson.values()]
    .filter((b) => b.balance < 0)
    .sort((a, b) => a.balance - b.balance || b.received - a.received || cmp(a.contactId, b.contactId));
}

/**
 * What I could offer this person: an active offer meant for one of their
 * communities, else any active offer; null when I have written none down.
 */
export function offerFor(contact: Contact, offers: readonly Offer[]): Offer | null {
  return makeOfferPicker(offers)(contact);
}

/** offerFor for many people at once: the offers are indexed by community once. */
export function makeOfferPicker(offers: readonly Offer[]): (contact: Contact) => Offer | null {
  // For each community, the first active offer meant for it and its place in the list.
  const byCommunity = new Map<CommunityId, { offer: Offer; rank: number }>();
  let fallback: Offer | null = null;
  offers.forEach((o, rank) => {
    if (o.deletedAt !== null || o.status !== 'active') return;
    fallback ??= o;
    for (const id of o.communityIds) if (!byCommunity.has(id)) byCommunity.set(id, { offer: o, rank });
  });
  return (contact) => {
    let best: { offer: Offer; rank: number } | undefined;
    for (const id of contact.communityIds) {
      const found = byCommunity.get(id);
      if (found && (best === undefined || found.rank < best.rank)) best = found;
    }
    return best?.offer ?? fallback;
  };
}

/**
 * One gentle sentence for a relationship where I have only taken, or taken
 * more: "Ana has helped you twice and you have not yet offered anything back —
 * you could offer your *Kubernetes cost review*." Null when the balance is even
 * or in their favour.
 */
export function balanceNudge(
  contact: Contact,
  b: PersonBalance,
  offers: readonly Offer[],
  pick: (contact: Contact) => Offer | null = makeOfferPicker(offers),
): string | null {
  if (b.balance >= 0) return null;
  const taken = `${contact.name} has helped you ${times(b.received)}`;
  const given =
    b.gave === 0
      ? b.promisedByMe > 0
        ? 'and what you promised is still to do'
        : 'and you have not yet offered anything back'
      : `and you have helped them ${times(b.gave)}`;
  const offer = pick(contact);
  const idea = offer
    ? `you could offer your ${titled(offer.title)}`
    : contact.needs
      ? `they mentioned needing ${contact.needs.split('\n')[0]?.trim()} — could you help?`
      : 'you could ask what would help them right now';
  return `${taken} ${given} — ${idea}.`.replace(/\?\.$/, '?');
}
