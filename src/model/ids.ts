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
export type StakeId = Id<'Stake'>;

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Random bytes are drawn in blocks: one getRandomValues call per id is slow at import scale.
const pool = new Uint8Array(16 * 256);
let poolUsed = pool.length;

/** 128 random bits, URL-safe base64 without padding (22 characters). */
export function newId<I extends Id<string>>(): I {
  if (poolUsed === pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  let id = '';
  let bits = 0;
  let value = 0;
  for (let i = poolUsed; i < poolUsed + 16; i++) {
    value = (value << 8) | (pool[i] as number);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      id += ALPHABET[(value >> bits) & 63];
    }
  }
  poolUsed += 16;
  return (id + ALPHABET[(value << (6 - bits)) & 63]) as I;
}

export function isId(value: unknown): value is Id<string> {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
