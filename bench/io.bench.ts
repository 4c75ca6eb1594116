/**
 * Import and export at the sizes issue 8 names: a 10,000-card vCard file parsed,
 * planned against an existing network and applied to a Y.Doc (target ≤ 3 s in
 * all); LinkedIn's Connections.csv with 30,000 rows; 10,000 people exported to
 * vCard, CSV, JSON backup and ICS. Each figure is the median of a few runs.
 * Rerun: npx tsx bench/io.bench.ts
 */
import * as Y from 'yjs';
import {
  contactSpec,
  parseValues,
  type Action,
  type ActionId,
  type ContactId,
  type Interaction,
  type InteractionId,
} from '../src/model/index.ts';
import { addMany, readAll } from '../src/store/index.ts';
import { applyImport } from '../src/store/import.ts';
import { exportBackup } from '../src/store/backup.ts';
import { backupToJson } from '../src/io/backup.ts';
import { writeContactsCsv } from '../src/io/csv-write.ts';
import { writeIcs } from '../src/io/ics-write.ts';
import { planImport } from '../src/io/match.ts';
import { parseFile } from '../src/io/parse-file.ts';
import type { ContactValues } from '../src/io/types.ts';
import { writeVCards } from '../src/io/vcard-write.ts';

const RUNS = 3;
const enc = new TextEncoder();
const FIRST = ['Ana', 'Kwame', 'Zoë', 'Jürgen', 'Li', 'Priya', 'René', 'Sofia', 'Chidi', 'Yui', 'Tom', 'María'];
const LAST = [
  'Lima',
  'Mensah',
  'Ångström',
  'Müller',
  'Wei',
  'Natarajan',
  'Dubois',
  'Rossi',
  'Okafor',
  'Nakamura',
  'Baker',
  'García',
];
const ORGS = [
  'Acme Corp',
  'Société Générale',
  'Studio Rossi',
  'Bäckerei Schmidt GmbH',
  'Open Source Initiative',
  'Mensah, Boateng & Partners',
];

function person(i: number): ContactValues {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const r = parseValues(contactSpec, {
    name: `${first} ${last} ${i}`,
    role: i % 3 ? 'Engineering Manager' : 'Partner, Strategy',
    organisation: ORGS[i % ORGS.length],
    department: i % 4 ? '' : 'Research; Data',
    emails: i % 5 ? [`person${i}@example.org`] : [`person${i}@example.org`, `p${i}@work.example`],
    phones: i % 2 ? [`+44 20 ${String(7000_0000 + i).replace(/(\d{4})(\d{4})/, '$1 $2')}`] : [],
    linkedin: i % 3 ? `https://www.linkedin.com/in/person-${i}` : '',
    website: i % 7 ? '' : `https://person${i}.example.com/`,
    location: i % 2 ? 'Bristol' : 'Genève',
    birthday: i % 6 ? null : i % 12 ? '1985-04-12' : '--03-15',
    tags: i % 4 ? ['climate', 'rust'] : ['mentor'],
    notes: i % 3 ? '' : `Met at RustConf ${2020 + (i % 5)}, talked about WASM.\nLikes climbing. ✓`,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function median(runs: number[]): number {
  const s = [...runs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
/** CPU time of this process in ms: on a shared, loaded machine it says more than the wall clock. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const figure = (wall: number[], cpuMs: number[]) =>
  `${median(wall).toFixed(0).padStart(6)} ms  (cpu ${median(cpuMs).toFixed(0)} ms)`;
function measure<T>(label: string, fn: () => T): T {
  const times: number[] = [];
  const cpus: number[] = [];
  let out!: T;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const c = cpu();
    out = fn();
    cpus.push(cpu() - c);
    times.push(performance.now() - t);
  }
  console.log(`${label.padEnd(58)} ${figure(times, cpus)}`);
  return out;
}

console.log(`io bench (median of ${RUNS}; wall clock, and this process's CPU time); rerun: npx tsx bench/io.bench.ts`);
console.log(
  `load average now: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores\n`,
);

// 1. vCard import: parse, plan against 2,000 existing people (1,000 of them in the file), apply.
const COUNT = 10_000;
const people = Array.from({ length: COUNT }, (_, i) => person(i));
const vcf = enc.encode(writeVCards(people));
const existing = Array.from({ length: 2000 }, (_, i) => person(i * 10)); // every 10th imported person already exists
console.log(`vCard file: ${COUNT} cards, ${(vcf.length / 1e6).toFixed(1)} MB`);
const totals: number[] = [];
const totalCpu: number[] = [];
const parts = { parse: [] as number[], plan: [] as number[], apply: [] as number[] };
const partsCpu = { parse: [] as number[], plan: [] as number[], apply: [] as number[] };
let summary = '';
for (let run = 0; run < RUNS; run++) {
  const doc = new Y.Doc();
  addMany(
    doc,
    'contacts',
    existing.map((p) => ({ ...p, role: '' })),
  );
  const [t0, c0] = [performance.now(), cpu()];
  const parsed = parseFile('contacts.vcf', vcf);
  const [t1, c1] = [performance.now(), cpu()];
  if (!parsed.ok) throw new Error(parsed.error.message);
  const plan = planImport(parsed.report.drafts, readAll(doc, 'contacts').items, parsed.report.invalid);
  const [t2, c2] = [performance.now(), cpu()];
  const done = applyImport(doc, plan);
  const [t3, c3] = [performance.now(), cpu()];
  done.forget();
  parts.parse.push(t1 - t0);
  parts.plan.push(t2 - t1);
  parts.apply.push(t3 - t2);
  partsCpu.parse.push(c1 - c0);
  partsCpu.plan.push(c2 - c1);
  partsCpu.apply.push(c3 - c2);
  totals.push(t3 - t0);
  totalCpu.push(c3 - c0);
  summary = `${done.result.created.length} created, ${done.result.updated.length} merged, ${parsed.report.invalid.length} invalid`;
}
console.log(`${'  parse (bytes → checked drafts)'.padEnd(58)} ${figure(parts.parse, partsCpu.parse)}`);
console.log(
  `${'  plan (match against 2,000 existing, read included)'.padEnd(58)} ${figure(parts.plan, partsCpu.plan)}`,
);
console.log(
  `${'  apply into the Y.Doc (one transaction, undoable)'.padEnd(58)} ${figure(parts.apply, partsCpu.apply)}`,
);
console.log(
  `${'vCard import of 10,000 cards, total'.padEnd(58)} ${figure(totals, totalCpu)}  target ≤ 3000 ms; ${summary}`,
);

// 2. LinkedIn Connections.csv, 30,000 rows, with its preamble and BOM.
const ROWS = 30_000;
const csvRows = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
];
for (let i = 0; i < ROWS; i++) {
  csvRows.push(
    `${FIRST[i % 12]},${LAST[(i >> 3) % 12]} ${i},https://www.linkedin.com/in/member-${i},${i % 10 ? '' : `m${i}@example.com`},"${ORGS[i % ORGS.length]}","Partner, Strategy",${String((i % 28) + 1).padStart(2, '0')} Jan ${2010 + (i % 15)}`,
  );
}
const linkedin = enc.encode(`\uFEFF${csvRows.join('\r\n')}\r\n`);
measure(`LinkedIn CSV, ${ROWS.toLocaleString('en')} rows (${(linkedin.length / 1e6).toFixed(1)} MB): parse`, () => {
  const r = parseFile('Connections.csv', linkedin);
  if (!r.ok || r.report.drafts.length !== ROWS) throw new Error('LinkedIn rows lost');
  return r;
});

// 3. Export of 10,000 people.
const doc = new Y.Doc();
const made = addMany(doc, 'contacts', people).created;
const contacts = readAll(doc, 'contacts').items;
const at = new Date().toISOString();
const interactions: Interaction[] = made.map((c, i) => ({
  id: `interaction-${String(i).padStart(8, '0')}` as InteractionId,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  at,
  contactIds: [c.id as ContactId],
  channel: 'call',
  eventId: null,
  place: '',
  notes: '',
  learned: '',
  shared: '',
  followUpOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  followUpDone: i % 4 === 0,
  followUpKeptOpenAt: null,
}));
const actions: Action[] = made.slice(0, 2000).map((c, i) => ({
  id: `action-${String(i).padStart(8, '0')}` as ActionId,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  title: `Send the deck to ${c.name}`,
  notes: '',
  dueOn: '2026-06-01',
  status: 'planned',
  doneAt: null,
  objectiveId: null,
  communityId: null,
  contactId: c.id as ContactId,
  gapKey: '',
}));
const sizeOf = (s: string) => `${(enc.encode(s).length / 1e6).toFixed(1)} MB`;
let out = measure('export 10,000 people → vCard 4.0', () => writeVCards(contacts));
console.log(`${''.padEnd(58)}   ${sizeOf(out)}`);
out = measure('export 10,000 people → CSV', () => writeContactsCsv(contacts));
console.log(`${''.padEnd(58)}   ${sizeOf(out)}`);
out = measure('export the space (10,000 people) → JSON backup', () => backupToJson(exportBackup(doc).backup));
console.log(`${''.padEnd(58)}   ${sizeOf(out)}`);
out = measure('export 7,500 follow-ups + 2,000 actions → ICS', () => writeIcs({ interactions, actions, contacts }));
console.log(`${''.padEnd(58)}   ${sizeOf(out)}`);
