/**
 * Keeps the plaintext document (on this device only) and the envelope (what the relay carries)
 * in step:
 *
 * - each change made on this device is sealed — a short burst of them merged into one — and
 *   appended to the envelope's entries;
 * - each entry that arrives is opened and applied to the plaintext document with its own
 *   transaction origin, so it is never sealed and sent back;
 * - an entry that does not open (malformed, tampered, wrong key, from another space) or whose
 *   update Yjs refuses is skipped and counted, never applied; one sealed under an epoch this
 *   device does not hold yet waits for the key;
 * - past `compactAfter` entries that weigh half the snapshots they follow (amortised linear), the
 *   device replaces the entries it has taken in by one sealed
 *   snapshot of the plaintext document, so that the relay's own compaction can free them.
 *   Two devices compacting at once each delete what they covered and leave a full snapshot:
 *   the other device's snapshot then opens to nothing new, and the next compaction folds both.
 */
import * as Y from 'yjs';
import { isOwnChange, makeOrigin } from '../../store/index.ts';
import { envelopeEntries, envelopeKeys, learnKeys, registerDevice, rotateEpoch, type Identity } from './envelope.ts';
import { Coverage } from './coverage.ts';
import { EntryKind, openEntry, readHeader, sealEntry, type Keyring } from './seal.ts';

/** Entries at least this large are checked against the network before they are applied. */
const CHECK_BEFORE_APPLYING_BYTES = 64 * 1024;
/** How long the catch-up waits after the first sync, so that what it brought is shown before it runs. */
const CATCH_UP_PAUSE_MS = 200;

/** Origin of plaintext changes opened from the envelope: never sealed again. */
const FROM_ENVELOPE = makeOrigin('relay');
/** Origin of this device's own writes to the envelope. */
const SEALED_HERE = Symbol('sealed here');

export interface EntryHealth {
  /** Entries opened and applied. */
  opened: number;
  /** Entries skipped for good, by reason. */
  skipped: { malformed: number; rejected: number; unreadable: number };
  /** Entries waiting for a key this device does not hold (yet). */
  waiting: number;
}

export interface PrivateBridge {
  /** Resolves once the envelope's current entries are taken in and this device is registered. */
  ready: Promise<void>;
  /** Seals what the envelope lacks of this device's document (after the envelope has synced). */
  catchUp(): Promise<void>;
  /** Resolves when every change made so far is sealed and every entry seen is handled. */
  settled(): Promise<void>;
  /** Replaces the entries taken in by one sealed snapshot; false when there was nothing to do. */
  compact(): Promise<boolean>;
  /** A new epoch for `keep` (and this device); the devices not kept lose their registration. Then compacts. */
  rotate(keep: Iterable<string>): Promise<void>;
  health(): EntryHealth;
  destroy(): void;
}

interface BridgeOptions extends Identity {
  plain: Y.Doc;
  envelope: Y.Doc;
  keyring: Keyring;
  /** Called when the keyring gained keys (to store them on the device). */
  onKeys?: (keyring: Keyring) => void;
  onHealth?: (health: EntryHealth) => void;
  /** Compact once the envelope holds this many entries… */
  compactAfter?: number;
  /**
   * …and its update entries weigh this share of its snapshots (0.5: re-sealing the whole document
   * is then paid for by what was written since, so compaction costs amortised linear time), or
   * there are 20 times `compactAfter` entries.
   */
  compactRatio?: number;
  /** Errors that are bugs, not hostile input (a failing WebCrypto call, say). */
  onError?: (error: unknown) => void;
}

export function makePrivateBridge(opts: BridgeOptions): PrivateBridge {
  const { plain, envelope, keyring } = opts;
  const me: Identity = { spaceId: opts.spaceId, deviceId: opts.deviceId, device: opts.device };
  const entries = envelopeEntries(envelope);
  const keys = envelopeKeys(envelope);
  const compactAfter = opts.compactAfter ?? 200;
  const compactRatio = opts.compactRatio ?? 0.5;
  const compactionDue = (): boolean => {
    if (entries.length < compactAfter) return false;
    if (entries.length >= compactAfter * 20) return true;
    let updates = 0;
    let snapshots = 0;
    for (const entry of entries.toArray()) {
      if (entry[1] === EntryKind.snapshot) snapshots += entry.byteLength;
      else updates += entry.byteLength;
    }
    return updates >= snapshots * compactRatio;
  };
  const onError = opts.onError ?? (() => undefined);

  const health: EntryHealth = { opened: 0, skipped: { malformed: 0, rejected: 0, unreadable: 0 }, waiting: 0 };
  /** Entries (by id) taken in: opened and applied, or sealed here. A snapshot may delete these. */
  const covered = new Set<string>();
  /** Entries (by id) skipped for good: a snapshot may delete these too. */
  const junk = new Set<string>();
  /** Entries waiting for their epoch's key. */
  const waiting = new Map<string, Uint8Array>();
  const coverage = new Coverage();
  /**
   * Payloads taken in before the catch-up, whose ranges it needs. Reading an update's ranges
   * costs a pass over it (a tenth of a second for 10,000 people): deferred until the catch-up,
   * so that a freshly paired device shows the network first; not kept after it.
   */
  let toCover: Uint8Array[] | null = [];
  const cover = (update: Uint8Array) => toCover?.push(update);
  let destroyed = false;

  /** One chain for everything asynchronous, so entries are handled, and seals appended, in order. */
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>): Promise<void> => {
    chain = chain.then(() => (destroyed ? undefined : task())).catch(onError);
    return chain;
  };
  const report = () => {
    health.waiting = waiting.size;
    opts.onHealth?.({ ...health, skipped: { ...health.skipped } });
  };

  /**
   * At a start, the envelope kept on the device holds what the network already has: a large
   * entry (a snapshot of thousands of people) is checked first, which costs a quarter of applying
   * it again and spares the page a long task. Small entries are cheaper to apply than to check.
   */
  const alreadyHeld = (payload: Uint8Array): boolean =>
    payload.byteLength >= CHECK_BEFORE_APPLYING_BYTES && Y.snapshotContainsUpdate(Y.snapshot(plain), payload);

  const take = async (entry: Uint8Array): Promise<void> => {
    const head = readHeader(entry);
    if (head === null) {
      health.skipped.malformed++;
      return;
    }
    // An id seen before is opened again all the same: a copy with altered bytes must count as
    // rejected, and an exact replay opens to an update Yjs already holds.
    const opened = await openEntry(entry, keyring, me.spaceId);
    if (!opened.ok) {
      if (opened.error.type === 'unknown-epoch') waiting.set(head.id, entry);
      else {
        junk.add(head.id);
        health.skipped[opened.error.type === 'malformed' ? 'malformed' : 'rejected']++;
      }
      return;
    }
    waiting.delete(head.id);
    if (head.kind !== EntryKind.update && head.kind !== EntryKind.snapshot) {
      junk.add(head.id);
      health.skipped.rejected++;
      return;
    }
    try {
      if (!alreadyHeld(opened.payload)) Y.applyUpdate(plain, opened.payload, FROM_ENVELOPE);
      cover(opened.payload);
    } catch {
      junk.add(head.id);
      health.skipped.unreadable++;
      return;
    }
    covered.add(head.id);
    health.opened++;
  };

  const takeAll = (list: readonly Uint8Array[]) =>
    enqueue(async () => {
      for (const entry of list) await take(entry);
      report();
      if (compactionDue()) void compact();
    });

  const retryWaiting = () =>
    enqueue(async () => {
      const list = [...waiting.values()];
      waiting.clear();
      for (const entry of list) await take(entry);
      report();
    });

  const onEntries = (event: Y.YArrayEvent<Uint8Array>, tr: Y.Transaction) => {
    if (tr.origin === SEALED_HERE) return;
    const added: Uint8Array[] = [];
    for (const change of event.changes.delta)
      if (Array.isArray(change.insert)) for (const e of change.insert) if (e instanceof Uint8Array) added.push(e);
    if (added.length) void takeAll(added);
  };
  const learn = () =>
    enqueue(async () => {
      if ((await learnKeys(envelope, keyring, me)) > 0) {
        opts.onKeys?.(keyring);
        void retryWaiting();
      }
    });
  const onKeysChanged = (_event: Y.YMapEvent<Uint8Array>, tr: Y.Transaction) => {
    if (tr.origin !== SEALED_HERE) void learn();
  };

  /** Local changes not yet sealed, oldest first. */
  let unsealed: Uint8Array[] = [];
  let sealScheduled = false;
  const sealPending = () =>
    enqueue(async () => {
      sealScheduled = false;
      if (unsealed.length === 0) return;
      const burst = unsealed;
      unsealed = [];
      // Our own updates, made by Yjs here: merging them is safe (never done to received bytes).
      const update = burst.length === 1 ? burst[0]! : Y.mergeUpdates(burst);
      const sealed = await sealEntry(EntryKind.update, update, keyring.current(), me.spaceId, me.deviceId);
      covered.add(readHeader(sealed)!.id);
      cover(update);
      envelope.transact(() => entries.push([sealed]), SEALED_HERE);
      if (compactionDue()) void compact();
    });
  const onPlainUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_ENVELOPE || !(origin === null || origin === undefined || isOwnChange(origin))) return;
    unsealed.push(update);
    if (!sealScheduled) {
      sealScheduled = true;
      void sealPending();
    }
  };

  let compacting: Promise<boolean> | null = null;
  const compact = (): Promise<boolean> => {
    compacting ??= new Promise<boolean>((resolve) => {
      void enqueue(async () => {
        const all = entries.toArray();
        const current = keyring.current();
        // What this snapshot may replace: what the document already holds (frozen now, before
        // the await, together with the encoding) — entries waiting for a key stay.
        const replaceable = new Set<string>();
        let stale = false;
        for (const entry of all) {
          const head = readHeader(entry);
          if (head === null) continue;
          if (!covered.has(head.id) && !junk.has(head.id)) continue;
          replaceable.add(head.id);
          if (head.eid !== current.eid) stale = true;
        }
        if (replaceable.size < 2 && !stale) return resolve(false);
        const snapshot = Y.encodeStateAsUpdate(plain);
        const sealed = await sealEntry(EntryKind.snapshot, snapshot, current, me.spaceId, me.deviceId);
        covered.add(readHeader(sealed)!.id);
        envelope.transact(() => {
          // Indexes may have moved while sealing: find the entries again by id, delete from the end.
          const now = entries.toArray();
          for (let i = now.length - 1; i >= 0; i--) {
            const head = readHeader(now[i]!);
            if (head === null || replaceable.has(head.id)) entries.delete(i, 1);
          }
          entries.push([sealed]);
        }, SEALED_HERE);
        resolve(true);
      }).catch(() => resolve(false));
    }).finally(() => {
      compacting = null;
    });
    return compacting;
  };

  const ready = (async () => {
    if ((await learnKeys(envelope, keyring, me)) > 0) opts.onKeys?.(keyring);
    entries.observe(onEntries);
    keys.observe(onKeysChanged);
    await takeAll(entries.toArray());
    await enqueue(async () => {
      const mine = envelope.getMap<Uint8Array>('devices').get(me.deviceId);
      if (!(mine instanceof Uint8Array)) await registerDevice(envelope, keyring, me, SEALED_HERE);
    });
    plain.on('update', onPlainUpdate);
  })();

  return {
    ready,
    async catchUp() {
      await ready;
      // Nothing here is urgent: what the first sync brought is shown first, then the catch-up reads
      // the ranges it needs (a pass over every payload taken in, a long task for a big network).
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_PAUSE_MS));
      await enqueue(async () => {
        if (toCover === null) return;
        for (const update of toCover) coverage.add(update);
        // From here on, what this device writes is sealed as it is written: no more catching up.
        toCover = null;
        if (!coverage.lacks(plain)) return;
        const diff = Y.encodeStateAsUpdate(plain, coverage.stateVector());
        const sealed = await sealEntry(EntryKind.update, diff, keyring.current(), me.spaceId, me.deviceId);
        covered.add(readHeader(sealed)!.id);
        envelope.transact(() => entries.push([sealed]), SEALED_HERE);
      });
    },
    async settled() {
      await ready;
      for (let last: Promise<void> | null = null; last !== chain; ) {
        last = chain;
        await chain;
      }
    },
    compact,
    async rotate(keep) {
      await ready;
      const recipients = new Set(keep);
      await enqueue(async () => {
        await rotateEpoch(envelope, keyring, me, recipients, SEALED_HERE);
        opts.onKeys?.(keyring);
      });
      await compact();
    },
    health: () => ({ ...health, waiting: waiting.size, skipped: { ...health.skipped } }),
    destroy() {
      destroyed = true;
      plain.off('update', onPlainUpdate);
      entries.unobserve(onEntries);
      keys.unobserve(onKeysChanged);
    },
  };
}
