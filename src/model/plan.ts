/** The method's own entities: objectives, offers and the actions that close gaps. */
import { choice, date, dateTime, integer, list, ref, refs, text } from './fields.ts';
import { STAKE_MAX } from './contact.ts';
import type { Entity } from './entity.ts';
import { COMMUNITY_KINDS, type CommunityKind } from './community.ts';
import type { ActionId, CommunityId, ContactId, ObjectiveId, OfferId, StakeId } from './ids.ts';
import { err, ok } from './result.ts';

export const OBJECTIVE_KINDS = ['learn', 'new-role', 'project-support', 'visibility', 'clients', 'other'] as const;
const OBJECTIVE_STATUSES = ['active', 'paused', 'achieved', 'dropped'] as const;

const communityKind = (v: unknown) =>
  COMMUNITY_KINDS.includes(v as CommunityKind)
    ? ok(v as CommunityKind)
    : err(`“${String(v)}” is not a kind of community.`);

export const objectiveSpec = {
  title: text('Objective', { required: true, max: 300 }),
  kind: choice('Kind', OBJECTIVE_KINDS, 'other'),
  description: text('Description', { multiline: true, max: 5000 }),
  targetOn: date('Target date'),
  status: choice('Status', OBJECTIVE_STATUSES, 'active'),
  /** Kinds of community this objective needs reach into; empty means "suggest from the kind". */
  communityKinds: list('Communities it needs', communityKind, COMMUNITY_KINDS.length),
  /** Set when merged into another objective (the same one entered on two devices); it is then in the Trash. */
  mergedIntoId: ref<ObjectiveId>('Merged into'),
};
export type Objective = Entity<typeof objectiveSpec, ObjectiveId>;

const OFFER_KINDS = ['skill', 'knowledge', 'introductions', 'time', 'resources'] as const;
const OFFER_STATUSES = ['active', 'retired'] as const;

export const offerSpec = {
  title: text('Offer', { required: true, max: 300 }),
  kind: choice('Kind', OFFER_KINDS, 'skill'),
  description: text('Description', { multiline: true, max: 5000 }),
  targetOn: date('Target date'),
  status: choice('Status', OFFER_STATUSES, 'active'),
  /** The communities this offer is meant for. */
  communityIds: refs<CommunityId>('For communities'),
  mergedIntoId: ref<OfferId>('Merged into'),
};
export type Offer = Entity<typeof offerSpec, OfferId>;

const ACTION_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;

export const actionSpec = {
  title: text('Action', { required: true, max: 300 }),
  notes: text('Notes', { multiline: true }),
  dueOn: date('Due'),
  status: choice('Status', ACTION_STATUSES, 'planned'),
  doneAt: dateTime('Done at'),
  objectiveId: ref<ObjectiveId>('Objective'),
  communityId: ref<CommunityId>('Community'),
  contactId: ref<ContactId>('Person'),
  /** The gap this action was planned from, so the plan can show what it closes. */
  gapKey: text('Gap', { max: 300 }),
};
export type Action = Entity<typeof actionSpec, ActionId>;

/**
 * Where a person stands for one objective on the power / interest grid. The
 * person's own power and interest are their standing in general; someone with
 * little say over your career may have a lot over one project.
 */
export const stakeSpec = {
  contactId: ref<ContactId>('Person', true),
  objectiveId: ref<ObjectiveId>('Objective', true),
  power: integer('Power', 0, STAKE_MAX),
  interest: integer('Interest', 0, STAKE_MAX),
};
export type ObjectiveStake = Entity<typeof stakeSpec, StakeId>;
