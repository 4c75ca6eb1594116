/**
 * Sealed entries: what a private space's envelope holds instead of Yjs updates.
 *
 *   version (1) | kind (1) | epoch id (4) | author length (1) | author device id | nonce (12) | AES-GCM ciphertext + tag
 *
 * The associated data is the space id followed by the whole header, so an entry does not open
 * in another space, under another epoch, as another kind, or as written by another device.
 * The header is in the clear: the relay learns which device wrote an entry, under which epoch,
 * and how big it is — nothing of its contents.
 */
import { aesOpen, aesSeal, labelled, NONCE_BYTES, newer, type EpochKey } from './keys.ts';

const ENTRY_VERSION = 1;

export const EntryKind = {
  /** One local Yjs update, or a short burst of them merged. */
  update: 1,
  /** The whole plaintext document, replacing the entries a device compacted away. */
  snapshot: 2,
  /** A device's public key, sealed so that only holders of the space key can add one. */
  device: 3,
} as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

const KINDS = new Set<number>(Object.values(EntryKind));
const MAX_AUTHOR_BYTES = 64;
const te = new TextEncoder();
const td = new TextDecoder('utf-8', { fatal: true });

interface EntryHeader {
  kind: EntryKind;
  eid: number;
  author: string;
  /** The entry's nonce as hex: random per entry, so it names the entry. */
  id: string;
  /** Where the nonce starts. */
  bodyAt: number;
}

type OpenError =
  /** Not an entry at all, or cut short. */
  | { type: 'malformed' }
  /** Sealed under an epoch this device does not hold (yet). */
  | { type: 'unknown-epoch'; eid: number }
  /** Does not open: tampered, wrong key, or moved from another space. */
  | { type: 'rejected' };

type Opened =
  | { ok: true; header: EntryHeader; payload: Uint8Array }
  | { ok: false; error: OpenError; header: EntryHeader | null };

/** The epoch keys a device holds, by id. */
export class Keyring {
  private readonly epochs = new Map<number, EpochKey>();
  private newest: EpochKey | null = null;

  constructor(keys: Iterable<EpochKey> = []) {
    for (const k of keys) this.add(k);
  }

  /** True when the key was new here. */
  add(epoch: EpochKey): boolean {
    if (this.epochs.has(epoch.eid)) return false;
    this.epochs.set(epoch.eid, epoch);
    this.newest = this.newest === null ? epoch : newer(this.newest, epoch);
    return true;
  }

  get(eid: number): EpochKey | undefined {
    return this.epochs.get(eid);
  }

  has(eid: number): boolean {
    return this.epochs.has(eid);
  }

  /** The epoch new entries are sealed under. */
  current(): EpochKey {
    if (this.newest === null) throw new Error('no space key on this device');
    return this.newest;
  }

  get size(): number {
    return this.epochs.size;
  }

  all(): EpochKey[] {
    return [...this.epochs.values()];
  }
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function readHeader(entry: Uint8Array): EntryHeader | null {
  if (!(entry instanceof Uint8Array) || entry.byteLength < 7) return null;
  if (entry[0] !== ENTRY_VERSION || !KINDS.has(entry[1]!)) return null;
  const authorLength = entry[6]!;
  const bodyAt = 7 + authorLength;
  if (authorLength === 0 || authorLength > MAX_AUTHOR_BYTES || entry.byteLength < bodyAt + NONCE_BYTES + 16)
    return null;
  let author: string;
  try {
    author = td.decode(entry.subarray(7, bodyAt));
  } catch {
    return null;
  }
  const eid = new DataView(entry.buffer, entry.byteOffset).getUint32(2);
  return { kind: entry[1] as EntryKind, eid, author, id: toHex(entry.subarray(bodyAt, bodyAt + NONCE_BYTES)), bodyAt };
}

function header(kind: EntryKind, eid: number, author: string): Uint8Array {
  const authorBytes = te.encode(author);
  if (authorBytes.byteLength === 0 || authorBytes.byteLength > MAX_AUTHOR_BYTES)
    throw new RangeError('author id must be 1–64 bytes');
  const out = new Uint8Array(7 + authorBytes.byteLength);
  out[0] = ENTRY_VERSION;
  out[1] = kind;
  new DataView(out.buffer).setUint32(2, eid);
  out[6] = authorBytes.byteLength;
  out.set(authorBytes, 7);
  return out;
}

function aad(spaceId: string, head: Uint8Array): Uint8Array {
  const space = labelled('rapport/entry/v1', spaceId);
  const out = new Uint8Array(space.byteLength + head.byteLength);
  out.set(space);
  out.set(head, space.byteLength);
  return out;
}

export async function sealEntry(
  kind: EntryKind,
  payload: Uint8Array,
  epoch: EpochKey,
  spaceId: string,
  author: string,
): Promise<Uint8Array> {
  const head = header(kind, epoch.eid, author);
  const body = await aesSeal(epoch.key, aad(spaceId, head), payload);
  const out = new Uint8Array(head.byteLength + body.byteLength);
  out.set(head);
  out.set(body, head.byteLength);
  return out;
}

export async function openEntry(entry: Uint8Array, keyring: Keyring, spaceId: string): Promise<Opened> {
  const head = readHeader(entry);
  if (head === null) return { ok: false, error: { type: 'malformed' }, header: null };
  const epoch = keyring.get(head.eid);
  if (epoch === undefined) return { ok: false, error: { type: 'unknown-epoch', eid: head.eid }, header: head };
  const payload = await aesOpen(epoch.key, aad(spaceId, entry.subarray(0, head.bodyAt)), entry.subarray(head.bodyAt));
  if (payload === null) return { ok: false, error: { type: 'rejected' }, header: head };
  return { ok: true, header: head, payload };
}
