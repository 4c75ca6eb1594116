/**
 * The registry of entity collections: each name is a top-level map in the
 * document, and its spec is what every entry in it must satisfy.
 */
import {
  interactionSpec,
  introductionSpec,
  eventSpec,
  ledgerSpec,
  type Interaction,
  type Introduction,
  type LedgerEntry,
  type RapportEvent,
} from './activity.ts';
import { communitySpec, type Community } from './community.ts';
import { contactSpec, type Contact } from './contact.ts';
import type { FieldSpecs } from './fields.ts';
import {
  actionSpec,
  objectiveSpec,
  offerSpec,
  stakeSpec,
  type Action,
  type Objective,
  type ObjectiveStake,
  type Offer,
} from './plan.ts';

export const collectionSpecs = {
  contacts: contactSpec,
  communities: communitySpec,
  objectives: objectiveSpec,
  offers: offerSpec,
  interactions: interactionSpec,
  ledger: ledgerSpec,
  actions: actionSpec,
  events: eventSpec,
  introductions: introductionSpec,
  stakes: stakeSpec,
} as const satisfies Record<string, FieldSpecs>;

export type CollectionName = keyof typeof collectionSpecs;
export const COLLECTION_NAMES = Object.keys(collectionSpecs) as CollectionName[];

/** The entity type stored in each collection. */
export interface EntityOf {
  contacts: Contact;
  communities: Community;
  objectives: Objective;
  offers: Offer;
  interactions: Interaction;
  ledger: LedgerEntry;
  actions: Action;
  events: RapportEvent;
  introductions: Introduction;
  stakes: ObjectiveStake;
}
export type IdOf<C extends CollectionName> = EntityOf[C]['id'];

/** The noun a person reads for one entry of each collection. */
export const COLLECTION_NOUNS: Record<CollectionName, string> = {
  contacts: 'person',
  communities: 'community',
  objectives: 'objective',
  offers: 'offer',
  interactions: 'interaction',
  ledger: 'give-and-take entry',
  actions: 'action',
  events: 'event',
  introductions: 'introduction',
  stakes: 'stakeholder position',
};
