/** What a gap is: one plain sentence saying why, and the action that would close it. */
import type { CommunityKind } from '../community.ts';
import type { IsoDate } from '../fields.ts';
import type { ActionId, CommunityId, ContactId, ObjectiveId, OfferId } from '../ids.ts';

export const GAP_KINDS = [
  'objective-uncovered',
  'community-kind-missing',
  'objective-cold',
  'taken-more',
  'stale-link',
  'offer-unreceived',
  'community-no-offer',
  'community-empty',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** A draft for the actions collection, ready to pre-fill the "Plan an action" form. */
export interface SuggestedAction {
  title: string;
  notes: string;
  dueOn: IsoDate;
  objectiveId: ObjectiveId | null;
  communityId: CommunityId | null;
  contactId: ContactId | null;
  gapKey: string;
}

export interface Gap {
  /**
   * Stable while the situation is the same, e.g. 'objective-uncovered:<id>'. A
   * key carries what would make a new gap of the same kind different (a
   * lapsed rhythm includes the day it counts from), so closing one gap does
   * not silence its successor.
   */
  key: string;
  kind: GapKind;
  sentence: string;
  objectiveId?: ObjectiveId;
  communityId?: CommunityId;
  contactId?: ContactId;
  offerId?: OfferId;
  /** For 'community-kind-missing' and 'objective-uncovered': the kind to widen into. */
  suggestedKind?: CommunityKind;
  suggestedAction: SuggestedAction;
  /** open: nothing planned; planned: an open action carries the key; closed: such an action is done. */
  status: 'open' | 'planned' | 'closed';
  actionIds: ActionId[];
}

/** A gap before the plan's actions are looked at. */
export type FoundGap = Omit<Gap, 'status' | 'actionIds'>;
