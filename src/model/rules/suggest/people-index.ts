/**
 * Everything known about each person, as fields to match against, built once
 * over the whole network: what they do and need, what was learned when talking
 * to them, their communities and what the user offers those communities, and
 * how warm the relationship is.
 */
import { runAtOnce, runInSlices } from '../slices.ts';
import type { Interaction } from '../../activity.ts';
import { COMMUNITY_KIND_LABELS, type Community } from '../../community.ts';
import type { Contact } from '../../contact.ts';
import type { IsoDate, IsoDateTime } from '../../fields.ts';
import type { CommunityId, ContactId } from '../../ids.ts';
import type { Offer } from '../../plan.ts';
import { freshnessOf, type Freshness } from '../coverage.ts';
import { localDay, instantMs, type Instant } from '../dates.ts';
import { lastContactByPerson, lastContactDayByPerson, lastTouchDayByPerson } from '../history.ts';
import { activePeople, makeIdResolver } from '../people-status.ts';
import { analyse, makeIndexBuilder, type FieldIndex, type FieldProfile } from './bm25.ts';

export const PERSON_FIELDS = [
  'role',
  'organisation',
  'department',
  'whatTheyDo',
  'interests',
  'needs',
  'tags',
  'notes',
  'metLine',
  'learned',
  'communities',
  'offers',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** How each field is named in a reason: "Talent partner at Climatebase — what they need: “…”". */
export const FIELD_LABELS: Record<PersonField, string> = {
  role: 'role',
  organisation: 'works at',
  department: 'department',
  whatTheyDo: 'what they do',
  interests: 'interests',
  needs: 'what they need',
  tags: 'tagged',
  notes: 'your notes',
  metLine: 'noted when you met',
  learned: 'you learned',
  communities: 'in',
  offers: 'you offer their community',
};

/** Builds a profile from weights by field name; unnamed fields are ignored. */
export function profileOf(weights: Partial<Record<PersonField, number>>): FieldProfile {
  // Short fields (a role, a few tags) are not penalised for being long; prose is, more.
  const b: Record<PersonField, number> = {
    role: 0.3,
    organisation: 0.3,
    department: 0.3,
    tags: 0.3,
    whatTheyDo: 0.6,
    interests: 0.6,
    needs: 0.6,
    metLine: 0.5,
    notes: 0.75,
    learned: 0.75,
    communities: 0.4,
    offers: 0.75,
  };
  return { weights: PERSON_FIELDS.map((f) => weights[f] ?? 0), b: PERSON_FIELDS.map((f) => b[f]) };
}

export interface PersonDoc {
  contact: Contact;
  /** The text of each field, in PERSON_FIELDS order, as matched and quoted. */
  texts: readonly string[];
  /** Live communities only. */
  communityIds: readonly CommunityId[];
  /** How recently the user was in touch; null when never. */
  warmth: Freshness | null;
}

export interface SuggestInput {
  contacts: readonly Contact[];
  communities?: readonly Community[];
  offers?: readonly Offer[];
  interactions?: readonly Interaction[];
  /** Warmth is worked out for this moment: rebuild the index on a new day. */
  now: Instant;
  timeZone: string;
  /** Pass it when already computed, to skip a pass over the interactions. */
  lastContact?: ReadonlyMap<ContactId, IsoDateTime>;
}

export interface HelperIndex {
  readonly people: readonly PersonDoc[];
  readonly docOf: ReadonlyMap<ContactId, number>;
  readonly index: FieldIndex;
  readonly communityById: ReadonlyMap<CommunityId, Community>;
  readonly offers: readonly Offer[];
  readonly today: IsoDate;
}

/** "Climate Tech London (Online community)" per line: the name and the kind both say something. */
function communityLines(ids: readonly CommunityId[], byId: ReadonlyMap<CommunityId, Community>): string {
  return ids
    .map((id) => {
      const c = byId.get(id) as Community;
      return `${c.name} (${COMMUNITY_KIND_LABELS[c.kind]})`;
    })
    .join('\n');
}

/** What the user offers each community: its own "what I could offer them" and the live offers meant for it. */
function offersByCommunity(
  communities: ReadonlyMap<CommunityId, Community>,
  offers: readonly Offer[],
): Map<CommunityId, string[]> {
  const out = new Map<CommunityId, string[]>();
  for (const c of communities.values()) if (c.offer.trim() !== '') out.set(c.id, [c.offer]);
  for (const o of offers) {
    if (o.deletedAt !== null || o.mergedIntoId !== null || o.status !== 'active') continue;
    for (const id of o.communityIds) {
      if (!communities.has(id)) continue;
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(o.description ? `${o.title}: ${o.description}` : o.title);
    }
  }
  return out;
}

/** What was learned about each person in interactions, trashed ones aside; merged people's go to the one kept. */
function learnedByPerson(
  interactions: readonly Interaction[],
  resolve: (id: ContactId) => ContactId,
): Map<ContactId, string[]> {
  const out = new Map<ContactId, string[]>();
  for (const i of interactions) {
    if (i.deletedAt !== null || i.learned.trim() === '') continue;
    for (const raw of i.contactIds) {
      const id = resolve(raw);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(i.learned);
    }
  }
  return out;
}

/** The index of everyone active: build once, then ask it for each objective, offer or person. */
export function buildHelperIndex(input: SuggestInput): HelperIndex {
  return runAtOnce(helperIndexSteps(input));
}

/** `buildHelperIndex` in time slices (see runInSlices), `pause` awaited between them: 0.6 s for 7,000 people on a phone. */
export function buildHelperIndexInSteps(
  input: SuggestInput,
  pause: () => Promise<void>,
  sliceMs = 30,
): Promise<HelperIndex> {
  return runInSlices(helperIndexSteps(input), pause, sliceMs);
}

function* helperIndexSteps(input: SuggestInput): Generator<void, HelperIndex> {
  const people = activePeople(input.contacts);
  const resolve = makeIdResolver(input.contacts);
  const communityById = new Map<CommunityId, Community>();
  for (const c of input.communities ?? [])
    if (c.deletedAt === null && c.mergedIntoId === null) communityById.set(c.id, c);
  const offers = (input.offers ?? []).filter((o) => o.deletedAt === null && o.mergedIntoId === null);
  const offered = offersByCommunity(communityById, offers);
  const learned = learnedByPerson(input.interactions ?? [], resolve);
  const nowMs = instantMs(input.now);
  const today = localDay(nowMs, input.timeZone);
  const lastTouch = lastTouchDayByPerson(
    lastContactDayByPerson(
      input.lastContact ?? lastContactByPerson(input.interactions ?? [], { until: nowMs, resolve }),
      input.timeZone,
    ),
    people,
  );

  yield;
  const builder = makeIndexBuilder(PERSON_FIELDS.length);
  const docs: PersonDoc[] = [];
  const docOf = new Map<ContactId, number>();
  for (const c of people.values()) {
    const d = docs.length;
    const communityIds = c.communityIds.filter((id) => communityById.has(id));
    const texts = [
      c.role,
      c.organisation,
      c.department,
      c.whatTheyDo,
      c.interests,
      c.needs,
      c.tags.join(', '),
      c.notes,
      c.metLine,
      (learned.get(c.id) ?? []).join('\n'),
      communityLines(communityIds, communityById),
      communityIds.flatMap((id) => offered.get(id) ?? []).join('\n'),
    ];
    texts.forEach((text, f) => {
      if (text !== '') builder.addField(d, f, analyse(text));
    });
    const day = lastTouch.get(c.id);
    const warmth = c.seenRegularly ? 'fresh' : day === undefined ? null : freshnessOf(day, today);
    docs.push({ contact: c, texts, communityIds, warmth });
    docOf.set(c.id, d);
    if (d % 50 === 49) yield;
  }
  builder.ensureDocs(docs.length);
  yield;
  return { people: docs, docOf, index: builder.build(), communityById, offers, today };
}
