/**
 * Branded ids: an ObjectiveId can never be passed where a ContactId is meant,
 * though both are plain strings at run time.
 */
declare const brand: unique symbol;
export type Id<Kind extends string> = string & { readonly [brand]: Kind };

export type ContactId = Id<'Contact'>;
export type CommunityId = Id<'Community'>;
export type ObjectiveId = Id<'Objective'>;
export type OfferId = Id<'Offer'>;
export type InteractionId = Id<'Interaction'>;
export type LedgerEntryId = Id<'LedgerEntry'>;
export type ActionId = Id<'Action'>;
export type EventId = Id<'Event'>;
export type IntroductionId = Id<'Introduction'>;

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** 128 random bits, URL-safe base64 (22 characters). */
export function newId<I extends Id<string>>(): I {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') as I;
}

export function isId(value: unknown): value is Id<string> {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
