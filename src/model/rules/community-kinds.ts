/** Which kinds of community an objective needs, and how to say a kind in a sentence. */
import type { CommunityKind } from '../community.ts';
import type { Objective } from '../plan.ts';
import { listAlternatives } from './words.ts';

type ObjectiveKind = Objective['kind'];

/** Where help with each kind of objective usually comes from, best first. */
export const SUGGESTED_COMMUNITY_KINDS: Record<ObjectiveKind, readonly CommunityKind[]> = {
  visibility: ['professional-body', 'online', 'alumni'],
  'new-role': ['former-colleagues', 'professional-body', 'alumni'],
  learn: ['professional-body', 'online'],
  clients: ['customers', 'local-organisation', 'former-colleagues', 'online'],
  'project-support': ['own-team', 'other-departments'],
  other: [],
};

/** The kinds of community inside the user's employer. */
export const EMPLOYER_KINDS: readonly CommunityKind[] = ['own-team', 'other-departments'];

/**
 * The kinds an objective needs: those the user chose, else those suggested by
 * its kind. `explicit` tells whether each is required (chosen) or one of
 * several alternatives (suggested).
 */
export function neededKinds(objective: Objective): { kinds: readonly CommunityKind[]; explicit: boolean } {
  if (objective.communityKinds.length > 0) return { kinds: objective.communityKinds, explicit: true };
  return { kinds: SUGGESTED_COMMUNITY_KINDS[objective.kind], explicit: false };
}

/** A kind of community as the object of a sentence: "a professional body". */
export const KIND_PHRASE: Record<CommunityKind, string> = {
  'own-team': 'your own team',
  'other-departments': 'another department',
  'former-colleagues': 'your former colleagues or clients',
  customers: 'your customers',
  suppliers: 'your suppliers or partners',
  'local-organisation': 'a local organisation',
  'professional-body': 'a professional body',
  'voluntary-group': 'a voluntary group',
  alumni: 'an alumni group',
  online: 'an online community',
  other: 'another community',
};

export function kindsPhrase(kinds: readonly CommunityKind[]): string {
  return listAlternatives(kinds.map((k) => KIND_PHRASE[k]));
}
