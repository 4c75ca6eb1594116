/**
 * The deterministic full-size network the rules benchmark runs on: 10,000
 * people, 50,000 interactions, 200 communities, 50 objectives, 100 offers.
 * Shared by the Node half of bench/rules.bench.ts and its Chromium half.
 */
import {
  actionSpec,
  communitySpec,
  contactSpec,
  makeEntity,
  interactionSpec,
  introductionSpec,
  ledgerSpec,
  objectiveSpec,
  offerSpec,
  COMMUNITY_KINDS,
  OBJECTIVE_KINDS,
  CHANNELS,
  type Action,
  type Community,
  type Contact,
  type FieldSpecs,
  type Interaction,
  type Introduction,
  type LedgerEntry,
  type Objective,
  type Offer,
} from '../../src/model/index.ts';
import { random } from './network.ts';

export const COUNTS = {
  contacts: 10_000,
  interactions: 50_000,
  communities: 200,
  objectives: 50,
  offers: 100,
  ledger: 5_000,
  actions: 500,
  introductions: 1_000,
};
export const NOW = new Date('2026-03-05T09:00:00Z');
export const ZONE = 'Europe/London';

// ---- a deterministic network ----------------------------------------------

const rand = random(20260305);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
/** Skewed towards the start of the list, as real networks are (a few big employers, many small). */
const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(rand() ** 2.5 * list.length)] as T;

const FIRST = [
  'Ana',
  'Bo',
  'Chidi',
  'Dana',
  'Émile',
  'Farah',
  'Goran',
  'Hana',
  'Iñaki',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Xavi',
  'Yara',
  'Zoë',
  'Aisha',
  'Bjørn',
  'Carmen',
  'Dmitri',
  'Esther',
  'Femi',
  'Greta',
  'Hiro',
  'Ines',
  'Jakub',
  'Kirsten',
  'Lucía',
  'Malik',
  'Noor',
  'Olu',
  'Paulo',
  'Ravi',
  'Saoirse',
  'Tariq',
  'Ulla',
  'Vera',
  'Wojciech',
  'Ximena',
  'Yusuf',
];
const LAST = [
  'Lima',
  'Chen',
  'Okafor',
  'Müller',
  'Dubois',
  'Haddad',
  'Petrović',
  'Sato',
  'Etxeberria',
  'Park',
  'Mensah',
  'Schmidt',
  'García',
  'Rahman',
  'Nilsson',
  'Iyer',
  'Byrne',
  'Costa',
  'Larsen',
  'Novak',
  'Kowalski',
  'Ó Briain',
  'Nakamura',
  'Adeyemi',
  'Fischer',
  'Rossi',
  'Jansen',
  'Popescu',
  'Horvat',
  'Łukasik',
  'Svensson',
  'Kaya',
  'Moreau',
  'Van Dijk',
  'Nguyen',
  'Kim',
  'Singh',
  'Silva',
  'Cohen',
  'Walsh',
];
const ORG_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Aperture',
  'Wonka',
  'Gringotts',
  'Oscorp',
];
const ORG_KINDS = [
  'Robotics',
  'Health',
  'Energy',
  'Logistics',
  'Labs',
  'Foods',
  'Systems',
  'Bank',
  'Studio',
  'Analytics',
];
const ORGS = Array.from(
  { length: 600 },
  (_, i) =>
    `${ORG_WORDS[i % ORG_WORDS.length]} ${ORG_KINDS[Math.floor(i / ORG_WORDS.length) % ORG_KINDS.length]}${i >= 150 ? ` ${Math.floor(i / 150)}` : ''}`,
);
const ROLES = [
  'Engineer',
  'Product manager',
  'CTO',
  'Designer',
  'Founder',
  'Recruiter',
  'Data scientist',
  'Head of Platform',
  'Consultant',
  'Professor',
];
const TAGS = [
  'climate',
  'rust',
  'kubernetes',
  'mentor',
  'investor',
  'hiring',
  'speaker',
  'ml',
  'design',
  'alumni',
  'fintech',
  'health',
];
const TOPICS = [
  'observability',
  'carbon accounting',
  'platform teams',
  'hiring juniors',
  'Rust in production',
  'pricing',
  'open source',
  'accessibility',
];

let serial = 0;
function entity<T>(spec: FieldSpecs, draft: Record<string, unknown>, created: Date): T {
  // Ids read from a document are flat strings; a concatenated one would be a rope that every Map lookup walks.
  const text = `bench${(serial++).toString(36).padStart(8, '0')}`;
  const id = String.fromCharCode(...Array.from(text, (ch) => ch.charCodeAt(0)));
  const made = makeEntity(spec, draft as never, created, id as never);
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  return made.value as T;
}
const dayOffset = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function makeNetwork() {
  const communities: Community[] = Array.from({ length: COUNTS.communities }, (_, i) =>
    entity<Community>(
      communitySpec,
      {
        name: `${pick(['Friends of', 'Guild of', 'Meetup:', 'Circle:', 'Society for'])} ${pick(TOPICS)} ${i}`,
        kind: COMMUNITY_KINDS[i % COMMUNITY_KINDS.length],
        offer: rand() < 0.6 ? `A talk on ${pick(TOPICS)}` : '',
        membership: rand() < 0.8 ? 'member' : 'want-to-join',
      },
      dayOffset(800),
    ),
  );
  const objectives: Objective[] = Array.from({ length: COUNTS.objectives }, (_, i) =>
    entity<Objective>(
      objectiveSpec,
      {
        title: `Objective ${i}: ${pick(TOPICS)}`,
        kind: OBJECTIVE_KINDS[i % OBJECTIVE_KINDS.length],
        status: i % 10 === 9 ? 'achieved' : 'active',
      },
      dayOffset(400),
    ),
  );
  const offers: Offer[] = Array.from({ length: COUNTS.offers }, (_, i) =>
    entity<Offer>(
      offerSpec,
      {
        title: `Offer ${i}: review of ${pick(TOPICS)}`,
        communityIds: rand() < 0.7 ? [pick(communities).id, pick(communities).id] : [],
      },
      dayOffset(300),
    ),
  );
  const contacts: Contact[] = [];
  for (let i = 0; i < COUNTS.contacts; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const fold = (s: string) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^a-z]/g, '');
    const dup = i > 0 && rand() < 0.01 ? contacts[Math.floor(rand() * contacts.length)] : undefined; // ~1% second records of someone
    contacts.push(
      entity<Contact>(
        contactSpec,
        {
          name: dup
            ? dup.name.replace(/[éñøłó]/g, (c) => ({ é: 'e', ñ: 'n', ø: 'o', ł: 'l', ó: 'o' })[c] ?? c)
            : `${first} ${last}`,
          organisation: dup ? dup.organisation : pickSkewed(ORGS),
          role: pick(ROLES),
          emails:
            dup && rand() < 0.5 ? [dup.emails[0]!.toUpperCase()] : [`${fold(first)}.${fold(last)}.${i}@example.org`],
          phones:
            rand() < 0.5
              ? [
                  `+44 20 7${String(i).padStart(3, '0').slice(-3)} ${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
                ]
              : [],
          tags: [pick(TAGS), pick(TAGS)],
          communityIds: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pickSkewed(communities).id),
          objectiveIds: rand() < 0.3 ? [pick(objectives).id] : [],
          metOn: isoDay(dayOffset(Math.floor(rand() * 700))),
          metPlace: rand() < 0.5 ? 'KubeCon Europe' : '',
          notes: `Talked about ${pick(TOPICS)} and ${pick(TOPICS)}; ${pick(['kids', 'cycling', 'jazz', 'chess', 'sailing'])}.`,
          cadenceDays: rand() < 0.4 ? pick([14, 30, 60, 90]) : null,
          power: rand() < 0.2 ? Math.floor(rand() * 101) : null,
          interest: rand() < 0.2 ? Math.floor(rand() * 101) : null,
          ...(i % 500 === 0 ? { deletedAt: dayOffset(3).toISOString() } : {}),
        },
        dayOffset(700 + Math.floor(rand() * 100)),
      ),
    );
  }
  const interactions: Interaction[] = Array.from({ length: COUNTS.interactions }, () => {
    const at = dayOffset(rand() * 720 - 5);
    const followUp = rand() < 0.15;
    return entity<Interaction>(
      interactionSpec,
      {
        at: at.toISOString(),
        contactIds: rand() < 0.9 ? [pick(contacts).id] : [pick(contacts).id, pick(contacts).id],
        channel: pick(CHANNELS),
        notes: `About ${pick(TOPICS)}`,
        followUpOn: followUp ? isoDay(new Date(at.getTime() + 2 * 86_400_000)) : null,
        followUpDone: followUp && rand() < 0.8,
      },
      at,
    );
  });
  const ledger: LedgerEntry[] = Array.from({ length: COUNTS.ledger }, () =>
    entity<LedgerEntry>(
      ledgerSpec,
      {
        contactId: pick(contacts).id,
        direction: rand() < 0.55 ? 'received' : 'gave',
        status: rand() < 0.85 ? 'done' : 'promised',
        on: isoDay(dayOffset(rand() * 700)),
      },
      dayOffset(1),
    ),
  );
  const actions: Action[] = Array.from({ length: COUNTS.actions }, (_, i) =>
    entity<Action>(
      actionSpec,
      {
        title: `Action ${i}`,
        dueOn: isoDay(dayOffset(rand() * 60 - 30)),
        status: pick(['planned', 'doing', 'done', 'dropped']),
        contactId: rand() < 0.5 ? pick(contacts).id : null,
      },
      dayOffset(40),
    ),
  );
  const introductions: Introduction[] = Array.from({ length: COUNTS.introductions }, () =>
    entity<Introduction>(
      introductionSpec,
      {
        introducerId: rand() < 0.5 ? null : pick(contacts).id,
        personAId: pick(contacts).id,
        personBId: pick(contacts).id,
      },
      dayOffset(100),
    ),
  );
  return { contacts, communities, objectives, offers, interactions, ledger, actions, introductions };
}
