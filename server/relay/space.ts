/**
 * One space in memory: its Y.Doc (rebuilt from storage with V1 applyUpdate), its awareness and
 * its open connections. The relay never looks inside the document; it only uses Yjs to validate
 * updates, to answer sync step 1 with exactly what a client lacks, and to compact storage.
 */
import * as Y from 'yjs';
import type { StoredUpdate } from '../storage/types.ts';
import { SpaceAwareness } from './awareness.ts';

/** Transaction origin for updates read back from storage (not re-persisted, not broadcast). */
const FROM_STORAGE = Symbol('storage');

export type ApplyResult =
  /** Applied; `integrated` is what Yjs actually added (may be empty for a duplicate). */
  | { ok: true; integrated: Uint8Array[] }
  /** Rejected before touching the document. */
  | { ok: false; tainted: false; error: string }
  /** Failed half-way: the document holds part of it and must be rebuilt from storage. */
  | { ok: false; tainted: true; error: string };

export interface SpaceMember {
  send(message: Uint8Array): void;
}

export class Space {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new SpaceAwareness();
  readonly members = new Set<SpaceMember>();
  /** Rows in storage since the last snapshot; drives compaction. */
  storedRows = 0;
  idleTimer: NodeJS.Timeout | null = null;
  private captured: Uint8Array[] | null = null;

  constructor(readonly id: string) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_STORAGE) this.captured?.push(update);
    });
  }

  /** Rebuilds the document from stored rows (all written by this relay from Yjs's own output). */
  load(rows: readonly StoredUpdate[]): void {
    Y.transact(
      this.doc,
      () => {
        for (const row of rows) Y.applyUpdate(this.doc, row.data, FROM_STORAGE);
      },
      FROM_STORAGE,
    );
    this.storedRows = rows.length;
    this.dropPending();
  }

  /**
   * Validates and applies an update from a client. The bytes are decoded completely first (V1,
   * linear time), so malformed input is refused before the document changes.
   */
  applyClientUpdate(update: Uint8Array, origin: object): ApplyResult & { droppedPending?: boolean } {
    try {
      Y.decodeUpdate(update);
    } catch (error) {
      return { ok: false, tainted: false, error: describe(error) };
    }
    const captured: Uint8Array[] = [];
    this.captured = captured;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      return captured.length === 0
        ? { ok: false, tainted: false, error: describe(error) }
        : { ok: false, tainted: true, error: describe(error) };
    } finally {
      this.captured = null;
    }
    return { ok: true, integrated: captured, droppedPending: this.dropPending() };
  }

  /**
   * Yjs keeps parts of an update whose dependencies are missing as "pending" and later merges
   * them with mergeUpdates, which can hang on crafted input (yjs#687). We never keep them: every
   * integrated struct is already stored and broadcast, and a real client that raced (sent an edit
   * before its sync step 2) re-sends the missing part in that step 2 right after.
   */
  private dropPending(): boolean {
    const store = this.doc.store;
    const had = store.pendingStructs !== null || store.pendingDs !== null;
    store.pendingStructs = null;
    store.pendingDs = null;
    return had;
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /** What a peer with `stateVector` lacks; pending parts never exist here (see dropPending). */
  diff(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** The whole document as one update, re-encoded by Yjs from its own validated structs. */
  snapshot(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  broadcast(message: Uint8Array, except: SpaceMember | null): void {
    for (const member of this.members) if (member !== except) member.send(message);
  }

  destroy(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.doc.destroy();
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 120);
