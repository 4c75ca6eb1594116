/**
 * The network a real user brings to a phone (issue 20), built the way the app
 * builds it: a LinkedIn Connections.csv of 5,000 rows in LinkedIn's own layout
 * (its "Notes:" preamble, First Name, Last Name, URL, Email Address, Company,
 * Position, Connected On) and 2,000 vCards from a phone, of which a share name
 * the same people (a few with the same email, which the import merges; most
 * with another role, which it keeps as a second record). Both files go through
 * the app's parsers, import planning and import writing (src/io, src/store),
 * in Node; then a plan (objectives, offers, communities, actions) and a year of
 * interactions are added as a user would have them. Returns one Yjs update for
 * `seedIndexedDb`.
 */
import * as Y from 'yjs';
import { parseText, planImport } from '../../src/io/index.ts';
import { COMMUNITY_KINDS, type CommunityId, type ContactId, type ObjectiveId } from '../../src/model/index.ts';
import { addMany, LOCAL, readAll, update } from '../../src/store/index.ts';
import { applyImport } from '../../src/store/import.ts';
import { writeVCards } from '../../src/io/vcard-write.ts';
import { makeContactDrafts, pick, random } from './network.ts';

export const LINKEDIN_ROWS = 5_000;
export const VCARDS = 2_000;
/** vCards that name someone also in the LinkedIn file; a seventh of them are plainly the same record. */
export const SHARED = 600;

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]+/g, '-');
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface PhoneNetwork {
  update: Uint8Array;
  people: number;
  /** LinkedIn's Connections.csv the network was made from, to import again. */
  csv: string;
  counts: Record<string, number>;
}

export function makePhoneNetwork(now = new Date('2026-11-25T12:00:00Z'), seed = 20): PhoneNetwork {
  const rand = random(seed);
  const doc = new Y.Doc();
  // About 700 organisations, as a LinkedIn network has.
  const linked = makeContactDrafts(LINKEDIN_ROWS, seed).map((p) => ({
    ...p,
    organisation: `${p.organisation} ${Math.floor(rand() * 70)}`,
  }));
  const rows = linked.map((p, i) => {
    const [first, ...rest] = (p.name ?? '').split(' ');
    const email = rand() < 0.1 ? (p.emails?.[0] ?? '') : '';
    const d = new Date(now.getTime() - Math.floor(rand() * 3000) * 86_400_000);
    const connected = `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    return [
      first ?? '',
      rest.join(' '),
      `https://www.linkedin.com/in/${slug(p.name ?? '')}-${i}`,
      email,
      p.organisation ?? '',
      p.role ?? '',
      connected,
    ]
      .map(quote)
      .join(',');
  });
  const csv = `Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;

  const phone = makeContactDrafts(VCARDS - SHARED, seed + 1).map((p) => ({ ...p, name: p.name ?? '' }));
  const shared = Array.from({ length: SHARED }, (_, i) => {
    const p = linked[Math.floor(rand() * linked.length)]!;
    // One in seven is plainly the same person (same email and organisation) and is merged by the import;
    // the rest have moved on or are namesakes, and stay as records of their own for Duplicates to ask about.
    const same = i % 7 === 0;
    return {
      name: p.name ?? '',
      organisation: same ? p.organisation : 'Freelance',
      role: 'Senior PM',
      emails: same ? p.emails : [`${slug(p.name ?? '')}.${i}@mail.example`],
      phones: [`+44 7700 9${String(i).padStart(5, '0')}`],
    };
  });
  const vcf = writeVCards([...phone, ...shared]);

  for (const [name, text] of [
    ['Connections.csv', csv],
    ['contacts.vcf', vcf],
  ] as const) {
    const parsed = parseText(name, text);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.error.type}`);
    const plan = planImport(
      parsed.report.drafts,
      readAll(doc, 'contacts').items,
      parsed.report.invalid,
      readAll(doc, 'communities').items,
    );
    applyImport(doc, plan, now);
  }

  // The plan and the habits of someone who uses the app.
  const GROUPS = [
    'Platform team',
    'Product org',
    'Initech alumni',
    'Chamber of Commerce',
    'IET',
    'School board',
    'Imperial alumni',
    'PyData London',
    'Rust meetup',
    'Climate founders',
    'KubeCon regulars',
    'Women in Tech London',
  ];
  const cids = addMany(
    doc,
    'communities',
    GROUPS.map((name, i) => ({
      name,
      kind: COMMUNITY_KINDS[i % COMMUNITY_KINDS.length],
      membership: 'member' as const,
      offer: i % 3 === 0 ? 'A talk on running Kubernetes cheaply' : '',
    })),
    LOCAL,
    now,
  ).created.map((c) => c.id as CommunityId);
  const oids = addMany(
    doc,
    'objectives',
    [
      { title: 'Find a mentor in climate tech', kind: 'learn' as const },
      { title: 'Find a new role in platform engineering', kind: 'new-role' as const },
      { title: 'Be known for Kubernetes cost work', kind: 'visibility' as const },
      { title: 'Get support for the open-source scheduler', kind: 'project-support' as const },
    ],
    LOCAL,
    now,
  ).created.map((o) => o.id as ObjectiveId);
  addMany(
    doc,
    'offers',
    ['Kubernetes cost review', 'Mentoring juniors', 'Introductions to investors', 'Talks at meetups'].map(
      (title, i) => ({ title, communityIds: [cids[i % cids.length]!] }),
    ),
    LOCAL,
    now,
  );
  const everyone = readAll(doc, 'contacts').items;
  const ids = everyone.map((c) => c.id as ContactId);
  // A tenth of the people in a community or two, some helping an objective.
  doc.transact(() => {
    for (const c of everyone) {
      if (rand() >= 0.1) continue;
      const communityIds = [pick(rand, cids), ...(rand() < 0.3 ? [pick(rand, cids)] : [])];
      const objectiveIds = rand() < 0.1 ? [pick(rand, oids)] : [];
      update(
        doc,
        'contacts',
        c.id as ContactId,
        { communityIds: [...new Set(communityIds)], objectiveIds },
        LOCAL,
        now,
      );
    }
  });
  addMany(
    doc,
    'actions',
    Array.from({ length: 20 }, (_, i) => ({
      title: `Step ${i + 1}: ${pick(rand, ['Attend the PyData meetup', 'Write a post on cost work', 'Ask for an introduction', 'Volunteer for the working party'])}`,
      dueOn: new Date(now.getTime() + (i - 5) * 86_400_000).toISOString().slice(0, 10),
      objectiveId: pick(rand, oids),
    })),
    LOCAL,
    now,
  );
  const DAY = 86_400_000;
  addMany(
    doc,
    'interactions',
    Array.from({ length: 1500 }, () => {
      const at = new Date(now.getTime() - Math.floor(rand() * 365) * DAY);
      const followUp = rand() < 0.1 ? new Date(at.getTime() + 3 * DAY).toISOString().slice(0, 10) : null;
      return {
        at: at.toISOString(),
        contactIds: [pick(rand, ids)],
        channel: 'in-person' as const,
        notes: 'Caught up about the next meetup.',
        followUpOn: followUp,
        followUpDone: followUp !== null && rand() < 0.7,
      };
    }),
    LOCAL,
    now,
  );
  const counts = Object.fromEntries(
    ['contacts', 'communities', 'objectives', 'offers', 'actions', 'interactions'].map((c) => [
      c,
      readAll(doc, c as 'contacts').items.length,
    ]),
  );
  return { update: Y.encodeStateAsUpdate(doc), people: everyone.length, counts, csv };
}
