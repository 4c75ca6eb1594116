import { choice, ref, text } from './fields.ts';
import type { Entity } from './entity.ts';
import type { CommunityId } from './ids.ts';

export const COMMUNITY_KINDS = [
  'own-team',
  'other-departments',
  'former-colleagues',
  'customers',
  'suppliers',
  'local-organisation',
  'professional-body',
  'voluntary-group',
  'alumni',
  'online',
  'other',
] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const COMMUNITY_KIND_LABELS: Record<CommunityKind, string> = {
  'own-team': 'Own team',
  'other-departments': 'Other departments',
  'former-colleagues': 'Former colleagues and clients',
  customers: 'Customers',
  suppliers: 'Suppliers and partners',
  'local-organisation': 'Local organisation',
  'professional-body': 'Professional body',
  'voluntary-group': 'Voluntary group',
  alumni: 'Alumni',
  online: 'Online community',
  other: 'Other',
};

const MEMBERSHIPS = ['member', 'want-to-join', 'former'] as const;

export const communitySpec = {
  name: text('Name', { required: true, max: 200 }),
  kind: choice('Kind', COMMUNITY_KINDS, 'other'),
  description: text('Description', { multiline: true, max: 5000 }),
  /** What would be useful to this group: step 3 of the method. */
  offer: text('What I could offer them', { multiline: true, max: 5000 }),
  membership: choice('Membership', MEMBERSHIPS, 'member'),
  mergedIntoId: ref<CommunityId>('Merged into'),
};

export type Community = Entity<typeof communitySpec, CommunityId>;
