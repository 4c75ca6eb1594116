import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 128 random bits, URL-safe: 22 characters of base64url. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newId = (): string => randomBytes(16).toString('base64url');

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * A device token is `<deviceId>.<secret>` (256-bit secret). The id part lets the relay fetch the
 * one device row and compare the secret's hash in constant time, instead of searching by hash.
 * Both halves are URL-safe and valid as a Sec-WebSocket-Protocol value.
 */
interface IssuedToken {
  readonly token: string;
  readonly secretHash: Buffer;
}

export function issueToken(deviceId: string): IssuedToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${deviceId}.${secret}`, secretHash: sha256(secret) };
}

export function parseToken(token: string): { deviceId: string; secret: string } | null {
  if (token.length !== 22 + 1 + 43) return null;
  const deviceId = token.slice(0, 22);
  const secret = token.slice(23);
  if (token[22] !== '.' || !ID_PATTERN.test(deviceId) || !SECRET_PATTERN.test(secret)) return null;
  return { deviceId, secret };
}

export const looksLikeToken = (value: string): boolean => parseToken(value) !== null;

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const hash = sha256(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

/** Constant-time comparison of two strings of possibly different length (via their hashes). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

// Crockford base32: no I, L, O, U, so that a code read aloud or off a screen is unambiguous.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12; // 60 bits; brute force is stopped by rate limits and per-space burn-out

/** A short pairing code shown as `XXXX-XXXX-XXXX`. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Canonical form of a typed code: case, dashes, spaces and look-alike letters do not matter. */
export function normalizePairingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
