/**
 * The preview of an import: who is new, who is already here (by the one
 * same-person rule of src/model/rules/same-person.ts, which the duplicates
 * finder uses too), who might be (a name alone agrees: a person decides), and
 * what taking each file record in would change, field by field. Pure: it reads
 * the people it is given and writes nothing.
 *
 * Taking changes in never loses anything: empty fields are filled, lists are
 * united, long texts are joined, and a single value the file replaces is kept
 * in Notes ("Before the import of 5 December 2026: Role — Senior PM").
 */
import { contactSpec, type Community, type Contact, type ContactId, type IsoDate } from '../model/index.ts';
import { linkedinKey, nameKey, organisationKey } from '../model/rules/contact-keys.ts';
import { joinText } from '../model/rules/merge.ts';
import { runAtOnce, runInSlices } from '../model/rules/slices.ts';
import {
  crowdKeys,
  listEntryKey,
  preparePerson,
  SamePersonIndex,
  type DuplicateReason,
  type Likeness,
  type Prepared,
} from '../model/rules/same-person.ts';
import { cleanCommunityNames, communityKey, communityNamer } from './community-names.ts';
import type { ContactDraft, ContactField, ContactValues, LineProblem } from './types.ts';

/** Changes are taken or left in groups, per person. */
export type ChangeGroup = 'name' | 'work' | 'contact' | 'about';

interface ChangeBase {
  field: ContactField;
  label: string;
  group: ChangeGroup;
}
export type FieldChange = ChangeBase &
  (
    | /** The existing field was empty and takes the incoming value. */ {
        kind: 'fill';
        value: string | number | boolean;
      }
    | /** The file holds another value: it replaces the one here, which is kept in Notes. */ {
        kind: 'replace';
        value: string | number | boolean;
        from: string | number | boolean;
      }
    | /** Incoming list entries (emails, phones, tags) the existing person lacks. */ { kind: 'add'; value: string[] }
    | /** A long text the existing one does not contain: joined after it. */ { kind: 'join'; value: string }
    | /** Kept in Notes: what has no room in its field, or a differing value within one file. */ {
        kind: 'note';
        value: string;
      }
  );

export interface ImportMatch {
  existingId: ContactId;
  existingName: string;
  draft: ContactDraft;
  /** Empty when the person is already up to date. */
  changes: FieldChange[];
  /** Why they look like one person, in words: "same email ana@acme.example". */
  matchedBy: string;
  /** What the person here holds, in a line: to tell two records apart. */
  existingHolds: string;
}

export interface ImportPlan {
  newPeople: ContactDraft[];
  /** Certainly people already here. */
  matches: ImportMatch[];
  /** Only the name agrees: new unless the person says they are the same. */
  uncertain: ImportMatch[];
  invalid: LineProblem[];
  /** Rows of the file that were the same person as an earlier row and were folded into it. */
  mergedInFile: { line: number; intoLine: number }[];
  /** Communities the file names that this space does not have yet: the import creates them. */
  newCommunities: string[];
}

/** Fields an import never sets: links to other entities of this space, and the merge marker. */
const SKIPPED: ReadonlySet<ContactField> = new Set([
  'communityIds',
  'objectiveIds',
  'metEventId',
  'introducedById',
  'mergedIntoId',
]);
const JOINED: ReadonlySet<ContactField> = new Set(['whatTheyDo', 'interests', 'needs', 'metLine', 'notes']);
const GROUP: Partial<Record<ContactField, ChangeGroup>> = {
  name: 'name',
  role: 'work',
  organisation: 'work',
  department: 'work',
  emails: 'contact',
  phones: 'contact',
  linkedin: 'contact',
  website: 'contact',
  location: 'contact',
};
export const GROUP_LABELS: Record<ChangeGroup, string> = {
  name: 'Name',
  work: 'Role and organisation',
  contact: 'Contact details',
  about: 'Other details',
};
const FIELDS = (Object.keys(contactSpec) as ContactField[]).filter((f) => !SKIPPED.has(f));
const NOTES_MAX = 20_000;

type Value = ContactValues[ContactField];
const isEmpty = (v: unknown) => v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
const listMax = (field: ContactField) => (contactSpec[field] as { max?: number }).max ?? 100;

/** The form under which two values of a field say the same thing. */
function sameValue(field: ContactField, a: Value, b: Value): boolean {
  if (a === b) return true;
  const x = String(a);
  const y = String(b);
  if (field === 'name') return nameKey(x) === nameKey(y);
  if (field === 'organisation') return organisationKey(x) === organisationKey(y);
  if (field === 'linkedin' || field === 'website') return linkedinKey(x) === linkedinKey(y);
  return x.trim().toLowerCase() === y.trim().toLowerCase();
}

/**
 * What taking `incoming` into `base` would change; `base` is not modified.
 * Where both hold different single values, the file's replaces the one here
 * (`replace`), or, within one file (`replace: false`), is kept in Notes.
 */
function diffInto(base: ContactValues, incoming: ContactValues, opts: { replace?: boolean } = {}): FieldChange[] {
  const replace = opts.replace ?? true;
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const label = contactSpec[field].label;
    const group = GROUP[field] ?? 'about';
    const next = incoming[field];
    const current = base[field];
    if (isEmpty(next)) continue;
    if (Array.isArray(next)) {
      const have = new Set((current as string[]).map((v) => listEntryKey(field, v)));
      const added: string[] = [];
      for (const v of next as string[]) {
        const k = listEntryKey(field, v);
        if (!have.has(k)) have.add(k), added.push(v);
      }
      const room = Math.max(listMax(field) - (current as string[]).length, 0);
      if (added.length && room > 0) changes.push({ field, label, group, kind: 'add', value: added.slice(0, room) });
      for (const v of added.slice(room)) changes.push({ field, label, group, kind: 'note', value: v });
    } else if (isEmpty(current)) {
      changes.push({ field, label, group, kind: 'fill', value: next as string | number | boolean });
    } else if (JOINED.has(field)) {
      if (!(current as string).includes((next as string).trim()))
        changes.push({ field, label, group, kind: 'join', value: next as string });
    } else if (!sameValue(field, current, next)) {
      if (replace)
        changes.push({
          field,
          label,
          group,
          kind: 'replace',
          value: next as string | number | boolean,
          from: current as string | number | boolean,
        });
      else changes.push({ field, label, group, kind: 'note', value: String(next) });
    }
  }
  return changes;
}

/** A day as people write it: "5 December 2026". */
const dayInWords = (now: Date) =>
  now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The values to write so that `current` takes `changes`, re-checked against
 * `current` as it is now: an edit made since the preview is kept (the file's
 * value then goes to Notes), a value already there is not written again.
 * Communities joined (named, not ids) are left to the store, which finds or creates them.
 */
export function patchFor(
  current: ContactValues,
  changes: readonly FieldChange[],
  now: Date = new Date(),
): Partial<ContactValues> {
  const patch: Partial<Record<ContactField, unknown>> = {};
  const lines: string[] = [];
  const imported = (c: FieldChange, value: unknown) => lines.push(`Imported: ${c.label} — ${String(value)}`);
  for (const c of changes) {
    if (c.field === 'communityIds') continue;
    const have = (patch[c.field] ?? current[c.field]) as Value;
    if (c.kind === 'fill' || c.kind === 'replace') {
      if (isEmpty(have)) patch[c.field] = c.value;
      else if (sameValue(c.field, have, c.value as Value)) continue;
      else if (c.kind === 'replace' && sameValue(c.field, have, c.from as Value)) {
        patch[c.field] = c.value;
        lines.push(`Before the import of ${dayInWords(now)}: ${c.label} — ${String(c.from)}`);
      } else imported(c, c.value);
    } else if (c.kind === 'add') {
      const list = [...(have as string[])];
      const keys = new Set(list.map((v) => listEntryKey(c.field, v)));
      for (const v of c.value) {
        const k = listEntryKey(c.field, v);
        if (keys.has(k)) continue;
        keys.add(k);
        if (list.length < listMax(c.field)) list.push(v);
        else imported(c, v);
      }
      if (list.length !== (have as string[]).length) patch[c.field] = list;
    } else if (c.kind === 'join') {
      const joined = joinText(have as string, c.value);
      if (joined === have) continue;
      if (contactSpec[c.field].parse(joined).ok) patch[c.field] = joined;
      else imported(c, c.value);
    } else if (!String(patch.notes ?? current.notes).includes(c.value.trim())) {
      imported(c, c.value);
    }
  }
  if (lines.length) patch.notes = appendNotes(String(patch.notes ?? current.notes), lines);
  return patch as Partial<ContactValues>;
}

/** Notes with lines appended, kept within the field's limit. */
function appendNotes(notes: string, lines: string[]): string {
  const joined = [notes.trimEnd(), lines.join('\n')].filter((s) => s !== '').join('\n\n');
  return joined.length <= NOTES_MAX ? joined : `${joined.slice(0, NOTES_MAX - 1)}…`;
}

/** Applies changes to plain values (the in-file merge; the store writes the same patch to the document). */
const applyChanges = (base: ContactValues, changes: FieldChange[]): ContactValues => ({
  ...base,
  ...patchFor(base, changes),
});

/** The rule's reasons as the preview words them. */
export function matchedBy(likeness: Likeness): string {
  const r = likeness.reasons[0] as DuplicateReason;
  if (r.kind === 'email') return `same email ${r.value}`;
  if (r.kind === 'phone') return `same phone ${r.value}`;
  if (r.kind === 'linkedin') return 'same LinkedIn profile';
  if (r.kind === 'similar-name') return `${r.similarity === 1 ? 'same' : 'similar'} name at ${r.organisation}`;
  return likeness.certain ? 'same name, nothing else to compare' : 'same name only';
}

/** A record in one line: "Designer at Acme · sam@x.example · +44 20 7946 0958"; "nothing but the name". */
export function holds(
  p: Pick<ContactValues, 'role' | 'organisation' | 'emails' | 'phones' | 'linkedin' | 'location'>,
): string {
  const work = [p.role, p.organisation].filter((s) => s !== '').join(' at ');
  const parts = [work, p.emails[0] ?? '', p.phones[0] ?? '', p.linkedin ? 'LinkedIn profile' : '', p.location].filter(
    (s) => s !== '',
  );
  return parts.length ? parts.join(' · ') : 'nothing but the name';
}

const byKey = (l: Likeness) => l.reasons.some((r) => r.kind === 'email' || r.kind === 'phone' || r.kind === 'linkedin');

/**
 * Planning offers to pause after this many records (see planImportInSteps): a hundred took 50–240 ms
 * on a phone-speed CPU against 7,000 people, ten stay within a frame's budget.
 */
const STEP = 10;

/**
 * Plans an import against the people already in the space (live, not merged
 * away), yielding between steps so a caller can let the screen breathe.
 * Records that are the same person within the file are folded together first,
 * so a file with duplicates never creates two people.
 */
function* planning(
  drafts: readonly ContactDraft[],
  existing: readonly Contact[],
  invalid: readonly LineProblem[],
  communities: readonly Community[],
): Generator<void, ImportPlan> {
  // Each record is prepared once (its name folded, its keys read), a step at a time.
  const prepared: Prepared<ContactValues>[] = [];
  for (const [i, draft] of drafts.entries()) {
    if (i > 0 && i % STEP === 0) yield;
    prepared.push(preparePerson(draft.values));
  }
  yield;

  // 1. Fold records of one person within the file (certain matches only). A key
  // shared by a crowd of the file's records (a team inbox) does not fold them.
  const groups = new SamePersonIndex<ContactValues>(crowdKeys(prepared));
  /** Every values object ever filed → its group (a group is filed again as it grows). */
  const groupOf = new Map<ContactValues, ContactDraft>();
  const latest = new Map<ContactDraft, Prepared<ContactValues>>();
  const inOrder: ContactDraft[] = [];
  const mergedInFile: ImportPlan['mergedInFile'] = [];
  for (const [i, draft] of drafts.entries()) {
    if (i > 0 && i % STEP === 0) yield;
    const mine = prepared[i] as Prepared<ContactValues>;
    const hit = groups.candidates(mine, { certainOnly: true }).find((c) => c.likeness.certain);
    const group = hit && groupOf.get(hit.item);
    if (!group) {
      const copy = { ...draft, notes: [...draft.notes] };
      groupOf.set(copy.values, copy);
      latest.set(copy, groups.add(mine));
      inOrder.push(copy);
      continue;
    }
    group.values = applyChanges(group.values, diffInto(group.values, draft.values, { replace: false }));
    groupOf.set(group.values, group);
    latest.set(group, groups.add(group.values));
    group.notes.push(...draft.notes.filter((n) => !group.notes.includes(n)));
    foldCommunities(group, draft);
    mergedInFile.push({ line: draft.line, intoLine: group.line });
  }
  yield;

  // 2. Match against the people already here, filed a step at a time.
  const live = existing.filter((p) => p.deletedAt === null && p.mergedIntoId === null);
  const theirs: Prepared<Contact>[] = [];
  for (const [i, person] of live.entries()) {
    if (i > 0 && i % STEP === 0) yield;
    theirs.push(preparePerson(person));
  }
  const here = new SamePersonIndex<Contact>(crowdKeys(theirs));
  for (const [i, p] of theirs.entries()) {
    if (i > 0 && i % (STEP * 4) === 0) yield;
    here.add(p);
  }
  yield;
  const communityName = communityNamer(communities);
  const changesFor = (person: Contact, draft: ContactDraft) => [
    ...diffInto(person, draft.values),
    ...communitiesJoined(person, draft, communityName),
  ];
  const plan: ImportPlan = {
    newPeople: [],
    matches: [],
    uncertain: [],
    invalid: [...invalid],
    mergedInFile,
    newCommunities: [],
  };
  const claimed = new Map<ContactId, ImportMatch>();
  let done = 0;
  for (const draft of inOrder) {
    if (++done % STEP === 0) yield;
    const [best, next] = here.candidates(latest.get(draft) as Prepared<ContactValues>, { strongest: true });
    if (!best) {
      plan.newPeople.push(draft);
      continue;
    }
    const person = best.item;
    const earlier = claimed.get(person.id);
    if (earlier && best.likeness.certain) {
      // Two file records lead to the same person: fold the second into the first.
      earlier.draft.values = applyChanges(
        earlier.draft.values,
        diffInto(earlier.draft.values, draft.values, { replace: false }),
      );
      foldCommunities(earlier.draft, draft);
      earlier.changes = changesFor(person, earlier.draft);
      mergedInFile.push({ line: draft.line, intoLine: earlier.draft.line });
      continue;
    }
    const match: ImportMatch = {
      existingId: person.id,
      existingName: person.name,
      draft,
      changes: changesFor(person, draft),
      matchedBy: matchedBy(best.likeness),
      existingHolds: holds(person),
    };
    // Two people here it could be, on the name alone: a person decides which, if either.
    const ambiguous = next?.likeness.certain === true && !byKey(best.likeness) && !byKey(next.likeness);
    if (!best.likeness.certain || earlier || ambiguous) {
      plan.uncertain.push(match);
      continue;
    }
    claimed.set(person.id, match);
    plan.matches.push(match);
  }
  plan.newPeople.sort((a, b) => a.line - b.line);
  plan.matches.sort((a, b) => a.draft.line - b.draft.line);
  plan.uncertain.sort((a, b) => a.draft.line - b.draft.line);
  plan.newCommunities = namesToCreate(
    [...plan.newPeople, ...plan.matches.map((m) => m.draft), ...plan.uncertain.map((m) => m.draft)],
    communities,
    communityName,
  );
  return plan;
}

/** The communities a record adds to a person here, by name: those the person is not in yet. Written by the store, which finds or creates each. */
function communitiesJoined(
  person: Contact,
  draft: ContactDraft,
  communityName: (id: string) => string | undefined,
): FieldChange[] {
  if (!draft.communities?.length) return [];
  const have = new Set(person.communityIds.map((id) => communityKey(communityName(id) ?? '')));
  const added = draft.communities.filter((name) => !have.has(communityKey(name)));
  return added.length
    ? [{ field: 'communityIds', label: contactSpec.communityIds.label, group: 'about', kind: 'add', value: added }]
    : [];
}

/** A second record of one person in the file: its communities join the first's. */
function foldCommunities(into: ContactDraft, from: ContactDraft) {
  if (!from.communities?.length) return;
  into.communities = cleanCommunityNames([...(into.communities ?? []), ...from.communities]);
}

/** Names the drafts use that no community here answers to, once each, in the order first met. */
function namesToCreate(
  drafts: readonly ContactDraft[],
  communities: readonly Community[],
  communityName: (id: string) => string | undefined,
): string[] {
  const here = new Set(communities.flatMap((c) => (communityName(c.id) === undefined ? [] : [communityKey(c.name)])));
  return cleanCommunityNames(drafts.flatMap((d) => d.communities ?? [])).filter(
    (name) => !here.has(communityKey(name)),
  );
}

export function planImport(
  drafts: readonly ContactDraft[],
  existing: readonly Contact[],
  invalid: readonly LineProblem[] = [],
  communities: readonly Community[] = [],
): ImportPlan {
  return runAtOnce(planning(drafts, existing, invalid, communities));
}

/** `planImport` in time slices (see runInSlices), `pause` awaited between them. */
export function planImportInSteps(
  drafts: readonly ContactDraft[],
  existing: readonly Contact[],
  invalid: readonly LineProblem[],
  pause: () => Promise<void>,
  options: { communities?: readonly Community[]; sliceMs?: number } = {},
): Promise<ImportPlan> {
  return runInSlices(planning(drafts, existing, invalid, options.communities ?? []), pause, options.sliceMs);
}

/* ---------- the person's choices in the preview ---------- */

export interface ImportChoices {
  /** `${existingId}|${group}`: change groups the person left out. */
  left: ReadonlySet<string>;
  /** Uncertain matches the person said are the same person. */
  samePerson: ReadonlySet<ContactId>;
  /** People whose new role or organisation the person wants to congratulate. */
  congratulate: ReadonlySet<ContactId>;
}

export const choiceKey = (id: ContactId, group: ChangeGroup) => `${id}|${group}`;

/** Groups of a match's changes, in the order shown. */
export function changeGroups(changes: readonly FieldChange[]): [ChangeGroup, FieldChange[]][] {
  const order: ChangeGroup[] = ['work', 'contact', 'about', 'name'];
  return order
    .map((g) => [g, changes.filter((c) => c.group === g)] as [ChangeGroup, FieldChange[]])
    .filter(([, list]) => list.length > 0);
}

/**
 * What is offered by default: every change taken except a different name (a
 * file rarely knows a name better than its owner), uncertain matches kept as
 * new people, nobody congratulated.
 */
export function defaultChoices(plan: ImportPlan): ImportChoices {
  const left = new Set<string>();
  for (const m of [...plan.matches, ...plan.uncertain])
    if (m.changes.some((c) => c.group === 'name' && c.kind === 'replace')) left.add(choiceKey(m.existingId, 'name'));
  return { left, samePerson: new Set(), congratulate: new Set() };
}

/** A new role or organisation in the file for someone who had one: a reason to get in touch. */
export interface WorkChange {
  existingId: ContactId;
  name: string;
  role: { from: string; to: string } | null;
  organisation: { from: string; to: string } | null;
}

export function workChange(m: ImportMatch): WorkChange | null {
  const of = (field: ContactField) => {
    const c = m.changes.find((x) => x.field === field && x.kind === 'replace');
    return c && c.kind === 'replace' ? { from: String(c.from), to: String(c.value) } : null;
  };
  const role = of('role');
  const organisation = of('organisation');
  return role || organisation ? { existingId: m.existingId, name: m.existingName, role, organisation } : null;
}

/** "Congratulate José Núñez on the new role: Head of Product at Climatebase". */
function congratulationTitle(w: WorkChange, draft: ContactValues): string {
  const at = draft.organisation ? ` at ${draft.organisation}` : '';
  const what = w.role ? `the new role: ${draft.role}${at}` : `the move to ${draft.organisation}`;
  return `Congratulate ${w.name} on ${what}`;
}

export interface ChosenImport {
  plan: ImportPlan;
  /** Actions to plan, one per person to congratulate, due `today`. */
  congratulations: { contactId: ContactId; title: string; dueOn: IsoDate }[];
}

/** The plan as the person chose it: left groups dropped, uncertain matches decided. */
export function choosePlan(plan: ImportPlan, choices: ImportChoices, today: IsoDate): ChosenImport {
  const keep = (m: ImportMatch): ImportMatch => ({
    ...m,
    changes: m.changes.filter((c) => !choices.left.has(choiceKey(m.existingId, c.group))),
  });
  const matches = plan.matches.map(keep);
  const newPeople = [...plan.newPeople];
  for (const m of plan.uncertain) {
    if (choices.samePerson.has(m.existingId)) matches.push(keep(m));
    else newPeople.push(m.draft);
  }
  const congratulations: ChosenImport['congratulations'] = [];
  for (const m of matches) {
    if (!choices.congratulate.has(m.existingId)) continue;
    const w = workChange(m);
    if (w)
      congratulations.push({ contactId: m.existingId, title: congratulationTitle(w, m.draft.values), dueOn: today });
  }
  return { plan: { ...plan, matches, newPeople, uncertain: [] }, congratulations };
}
