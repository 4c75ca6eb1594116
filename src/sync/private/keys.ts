/**
 * Keys of a private space, all made and used on the device with WebCrypto.
 *
 * - An **epoch key** (AES-256-GCM) seals the space's entries. A space starts with one; each
 *   revocation or completed pairing makes a new epoch. An epoch is named by a random 32-bit id
 *   (`eid`, so that two devices rotating at once make two epochs rather than one mixed one) and
 *   ordered by `n`; the newest (highest `n`, then highest `eid`) seals new entries.
 * - A **device key pair** (ECDH P-256): its private key is made non-extractable and never leaves
 *   the device; its public key is published in the envelope so that others can wrap new epoch
 *   keys for it.
 * - **Wrapping**: an epoch key for one device is sealed with AES-GCM under a key derived by
 *   HKDF-SHA-256 from an ECDH agreement between a fresh ephemeral key pair and the device's
 *   public key. The associated data binds space, epoch and device, so a wrapped key cannot be
 *   moved to another space, epoch or device.
 */

const subtle = () => globalThis.crypto.subtle;
/** WebCrypto's types want an ArrayBuffer-backed view; ours always are (never shared memory). */
const bs = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;
const te = new TextEncoder();

export interface EpochKey {
  /** Random id, carried in the clear by every entry sealed under it. */
  readonly eid: number;
  /** Order of epochs: 0 for the space's first. */
  readonly n: number;
  readonly key: CryptoKey;
}

export interface DeviceKeys {
  readonly publicKey: CryptoKey;
  /** Non-extractable: usable for ECDH on this device only. */
  readonly privateKey: CryptoKey;
  /** The public key as raw bytes (65, uncompressed point). */
  readonly publicRaw: Uint8Array;
}

const AES_KEY_BYTES = 32;
export const NONCE_BYTES = 12;

export function randomEid(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export async function newEpochKey(n: number, eid = randomEid()): Promise<EpochKey> {
  // Extractable: an epoch key travels in a pairing link and is wrapped for other devices.
  const key = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  return { eid, n, key };
}

export async function importEpochKey(raw: Uint8Array, n: number, eid: number): Promise<EpochKey> {
  if (raw.byteLength !== AES_KEY_BYTES) throw new RangeError('an epoch key is 32 bytes');
  const key = await subtle().importKey('raw', bs(raw), { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  return { eid, n, key };
}

export async function exportEpochKey(epoch: EpochKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('raw', epoch.key));
}

/** Newest first: higher n, then higher eid (so every device picks the same one). */
export function newer(a: EpochKey, b: EpochKey): EpochKey {
  if (a.n !== b.n) return a.n > b.n ? a : b;
  return a.eid >= b.eid ? a : b;
}

export async function newDeviceKeys(): Promise<DeviceKeys> {
  const pair = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const publicRaw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { publicKey: pair.publicKey, privateKey: pair.privateKey, publicRaw };
}

export async function importDevicePublicKey(raw: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', bs(raw), { name: 'ECDH', namedCurve: 'P-256' }, true, []);
}

/** Length-prefixed parts, so that ("ab", "c") and ("a", "bc") never give the same bytes. */
export function labelled(label: string, ...parts: (string | number)[]): Uint8Array {
  const chunks = [label, ...parts.map(String)].map((s) => te.encode(s));
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + 4 + c.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const c of chunks) {
    view.setUint32(at, c.byteLength);
    out.set(c, at + 4);
    at += 4 + c.byteLength;
  }
  return out;
}

export async function aesSeal(key: CryptoKey, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: nonce, additionalData: bs(aad) }, key, bs(plaintext)),
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
  out.set(nonce);
  out.set(sealed, NONCE_BYTES);
  return out;
}

/** Null when the bytes do not open under this key and associated data. */
export async function aesOpen(key: CryptoKey, aad: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.byteLength < NONCE_BYTES + 16) return null;
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: bs(sealed.subarray(0, NONCE_BYTES)), additionalData: bs(aad) },
      key,
      bs(sealed.subarray(NONCE_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** What a wrapped epoch key holds besides the key: its order and the epoch it follows. */
const WRAPPED_PLAIN_BYTES = 4 + AES_KEY_BYTES;
const POINT_BYTES = 65;

async function wrappingKey(
  shared: ArrayBuffer,
  salt: Uint8Array,
  info: Uint8Array,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bs(salt), info: bs(info) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const wrapInfo = (spaceId: string, eid: number, deviceId: string) =>
  labelled('rapport/wrap/v1', spaceId, eid, deviceId);

/** Seals `epoch` for the device whose public key is `recipient`: ephemeral point | nonce | sealed(n | key). */
export async function wrapEpochKey(
  epoch: EpochKey,
  recipient: CryptoKey,
  spaceId: string,
  deviceId: string,
): Promise<Uint8Array> {
  const ephemeral = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ephemeralRaw = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const shared = await subtle().deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256);
  const info = wrapInfo(spaceId, epoch.eid, deviceId);
  const key = await wrappingKey(shared, ephemeralRaw, info, 'encrypt');
  const plain = new Uint8Array(WRAPPED_PLAIN_BYTES);
  new DataView(plain.buffer).setUint32(0, epoch.n);
  plain.set(await exportEpochKey(epoch), 4);
  const sealed = await aesSeal(key, info, plain);
  const out = new Uint8Array(POINT_BYTES + sealed.byteLength);
  out.set(ephemeralRaw);
  out.set(sealed, POINT_BYTES);
  return out;
}

/** The epoch key wrapped for this device, or null when it does not open (not ours, tampered, other space). */
export async function unwrapEpochKey(
  wrapped: Uint8Array,
  eid: number,
  own: DeviceKeys,
  spaceId: string,
  deviceId: string,
): Promise<EpochKey | null> {
  if (wrapped.byteLength < POINT_BYTES + NONCE_BYTES + 16) return null;
  let ephemeral: CryptoKey;
  try {
    ephemeral = await importDevicePublicKey(wrapped.subarray(0, POINT_BYTES));
  } catch {
    return null;
  }
  const shared = await subtle().deriveBits({ name: 'ECDH', public: ephemeral }, own.privateKey, 256);
  const info = wrapInfo(spaceId, eid, deviceId);
  const key = await wrappingKey(shared, wrapped.slice(0, POINT_BYTES), info, 'decrypt');
  const plain = await aesOpen(key, info, wrapped.subarray(POINT_BYTES));
  if (plain === null || plain.byteLength !== WRAPPED_PLAIN_BYTES) return null;
  return importEpochKey(plain.subarray(4), new DataView(plain.buffer, plain.byteOffset).getUint32(0), eid);
}

/**
 * The previous epoch's key sealed under the next one, so that a device given only the newest
 * key can still read what was sealed before (never the other way round: a revoked device,
 * holding only older keys, cannot go forward).
 */
export async function sealPreviousKey(next: EpochKey, previous: EpochKey, spaceId: string): Promise<Uint8Array> {
  const plain = new Uint8Array(8 + AES_KEY_BYTES);
  const view = new DataView(plain.buffer);
  view.setUint32(0, previous.eid);
  view.setUint32(4, previous.n);
  plain.set(await exportEpochKey(previous), 8);
  return aesSeal(next.key, labelled('rapport/previous/v1', spaceId, next.eid), plain);
}

export async function openPreviousKey(next: EpochKey, sealed: Uint8Array, spaceId: string): Promise<EpochKey | null> {
  const plain = await aesOpen(next.key, labelled('rapport/previous/v1', spaceId, next.eid), sealed);
  if (plain === null || plain.byteLength !== 8 + AES_KEY_BYTES) return null;
  const view = new DataView(plain.buffer, plain.byteOffset);
  return importEpochKey(plain.subarray(8), view.getUint32(4), view.getUint32(0));
}

/** An epoch key as text for a pairing link's fragment: base64url of eid | n | key. */
export async function epochKeyToText(epoch: EpochKey): Promise<string> {
  const bytes = new Uint8Array(8 + AES_KEY_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, epoch.eid);
  view.setUint32(4, epoch.n);
  bytes.set(await exportEpochKey(epoch), 8);
  return toBase64Url(bytes);
}

export async function epochKeyFromText(text: string): Promise<EpochKey | null> {
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.byteLength !== 8 + AES_KEY_BYTES) return null;
  const view = new DataView(bytes.buffer);
  return importEpochKey(bytes.subarray(8), view.getUint32(4), view.getUint32(0));
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const raw = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
