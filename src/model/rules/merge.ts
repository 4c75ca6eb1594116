/**
 * Merging two records of one person so that nothing is lost. The kept record's
 * values win; every different value of the other record survives somewhere:
 * lists are united, long texts are joined, and a single value that cannot live
 * beside the kept one is written into the notes as "Also: Role — CTO".
 */
import { contactSpec, type Contact } from '../contact.ts';
import type { IsoDate, Values } from '../fields.ts';
import type { ContactId, EventId } from '../ids.ts';
import { listEntryKey } from './same-person.ts';

export type ContactValues = Values<typeof contactSpec>;
type Field = keyof ContactValues;

export interface MergeLabels {
  /** Names an event, so a second "event where we met" reads as a name, not an id. */
  eventName?: (id: EventId) => string | undefined;
  personName?: (id: ContactId) => string | undefined;
}

/** Single values: the kept one wins; a different other one goes into the notes. */
const SCALARS = [
  'name',
  'role',
  'organisation',
  'department',
  'linkedin',
  'website',
  'location',
  'birthday',
  'power',
  'interest',
  'metLine',
] as const;
/** Texts where two versions can stand one after the other. */
const JOINED = ['whatTheyDo', 'interests', 'needs'] as const;
const LISTS = ['emails', 'phones', 'tags', 'communityIds', 'objectiveIds'] as const;

const alsoLine = (field: Field, value: string) => `Also: ${contactSpec[field].label} — ${value}`;

function valuesOf(c: Contact): ContactValues {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(contactSpec)) out[key] = (c as unknown as Record<string, unknown>)[key];
  return out as ContactValues;
}

const isBlank = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const fits = (field: Field, value: unknown) => contactSpec[field].parse(value).ok;

export function joinText(a: string, b: string): string {
  if (b.trim() === '' || a.includes(b.trim())) return a;
  if (a.trim() === '') return b;
  return `${a.trimEnd()}\n\n${b.trim()}`;
}

/**
 * The values the kept record should have after merging `drop` into `keep`.
 * Pure: the caller writes them (see src/store/merge.ts) and re-points the rest.
 */
export function mergeContacts(keep: Contact, drop: Contact, labels: MergeLabels = {}): ContactValues {
  const merged = valuesOf(keep);
  const other = valuesOf(drop);
  const notes: string[] = [];
  const m = merged as Record<Field, unknown>;

  for (const field of SCALARS) {
    const mine = m[field];
    const theirs = other[field];
    if (isBlank(theirs) || mine === theirs) continue;
    if (isBlank(mine)) m[field] = theirs;
    else notes.push(alsoLine(field, String(theirs)));
  }

  for (const field of JOINED) {
    const joined = joinText(merged[field], other[field]);
    if (fits(field, joined)) merged[field] = joined;
    else notes.push(alsoLine(field, other[field]));
  }

  for (const field of LISTS) {
    const union = [...(merged[field] as string[])];
    const overflow: string[] = [];
    // One entry however it is written: "+44 20 7946 0958" and "020 7946 0958" are one phone.
    const have = new Set(union.map((v) => listEntryKey(field, v)));
    for (const v of other[field] as string[]) {
      const key = listEntryKey(field, v);
      if (have.has(key)) continue;
      have.add(key);
      union.push(v);
      if (!fits(field, union)) overflow.push(union.pop() as string);
    }
    m[field] = union;
    if (overflow.length) notes.push(alsoLine(field, overflow.join(', ')));
  }

  mergeMeeting(merged, other, notes, labels);

  if (merged.introducedById === keep.id || merged.introducedById === drop.id) merged.introducedById = null;
  const theirIntroducer = other.introducedById;
  if (
    theirIntroducer !== null &&
    theirIntroducer !== keep.id &&
    theirIntroducer !== drop.id &&
    theirIntroducer !== merged.introducedById
  ) {
    if (merged.introducedById === null) merged.introducedById = theirIntroducer;
    else notes.push(alsoLine('introducedById', labels.personName?.(theirIntroducer) ?? 'another person'));
  }

  // Connected since the earlier of the two; seen regularly if either says so.
  if (other.connectedOn !== null && (merged.connectedOn === null || other.connectedOn < merged.connectedOn))
    merged.connectedOn = other.connectedOn;
  if (other.seenRegularly) merged.seenRegularly = true;
  if (other.cadenceDays !== null && (merged.cadenceDays === null || other.cadenceDays < merged.cadenceDays)) {
    merged.cadenceDays = other.cadenceDays;
  }
  // A snooze is a passing state, not a fact about the person: the later one holds.
  if (other.snoozedUntil !== null && (merged.snoozedUntil === null || other.snoozedUntil > merged.snoozedUntil)) {
    merged.snoozedUntil = other.snoozedUntil;
  }
  merged.mergedIntoId = null;

  let text = joinText(merged.notes, other.notes);
  if (notes.length) text = joinText(text, notes.join('\n'));
  merged.notes = text;
  return merged;
}

/** When, where and at which event we met describe one meeting: the earliest meeting wins as a whole. */
function mergeMeeting(merged: ContactValues, other: ContactValues, notes: string[], labels: MergeLabels): void {
  const earlier = (a: IsoDate | null, b: IsoDate | null) => a !== null && (b === null || a < b);
  const takeTheirs = earlier(other.metOn, merged.metOn);
  const [win, lose] = takeTheirs ? [other, merged] : [merged, other];
  const result = {
    metOn: win.metOn ?? lose.metOn,
    metPlace: win.metPlace || lose.metPlace,
    metEventId: win.metEventId ?? lose.metEventId,
  };
  if (lose.metOn !== null && lose.metOn !== result.metOn) notes.push(alsoLine('metOn', lose.metOn));
  if (lose.metPlace !== '' && lose.metPlace !== result.metPlace) notes.push(alsoLine('metPlace', lose.metPlace));
  if (lose.metEventId !== null && lose.metEventId !== result.metEventId) {
    notes.push(alsoLine('metEventId', labels.eventName?.(lose.metEventId) ?? 'another event'));
  }
  merged.metOn = result.metOn;
  merged.metPlace = result.metPlace;
  merged.metEventId = result.metEventId;
}

/** The fields of `merged` that differ from `keep`: the patch to write. */
export function mergePatch(keep: Contact, merged: ContactValues): Partial<ContactValues> {
  const patch: Record<string, unknown> = {};
  const before = valuesOf(keep) as Record<string, unknown>;
  for (const [key, value] of Object.entries(merged)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch as Partial<ContactValues>;
}
