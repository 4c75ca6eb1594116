/**
 * One space in memory: its Y.Doc (rebuilt from storage with V1 applyUpdate), its awareness and
 * its open connections. The relay never looks inside the document; it only uses Yjs to validate
 * updates, to answer sync step 1 with exactly what a client lacks, and to compact storage.
 */
import * as Y from 'yjs';
import type { StoredUpdate } from '../storage/types.ts';
import { SpaceAwareness } from './awareness.ts';
import { ParkedUpdates } from './parked.ts';

/** Transaction origin for updates read back from storage (not re-persisted, not broadcast). */
const FROM_STORAGE = Symbol('storage');

/** An update Yjs integrated into the document, with the connection it came from. */
export interface Integrated {
  readonly update: Uint8Array;
  readonly origin: object;
}

type ApplyResult =
  /** Applied; `integrated` is what Yjs actually added (may be empty for a duplicate). */
  | { ok: true; integrated: Integrated[] }
  /**
   * Refused. `integrated` is what was sound before the failure (parked updates it unblocked),
   * to be stored as usual. `rebuild`: Yjs threw after changing the document (it neither rolls
   * back nor always reports what it kept), so the caller must rebuild it from storage once
   * `integrated` is stored (see `rebuild`).
   */
  | { ok: false; error: string; integrated: Integrated[]; rebuild: boolean };

export interface SpaceMember {
  send(message: Uint8Array): void;
}

export class Space {
  doc = new Y.Doc({ gc: true });
  readonly awareness = new SpaceAwareness();
  readonly members = new Set<SpaceMember>();
  readonly parked = new ParkedUpdates();
  idleTimer: NodeJS.Timeout | null = null;
  /** Connections admitted to the space whose upgrade has not completed yet (see Spaces.acquire). */
  claims = 0;
  /**
   * While the document is being rebuilt from storage, the messages that arrive are held here and
   * handled in order afterwards; null otherwise.
   */
  held: (() => void)[] | null = null;
  private captured: Integrated[] | null = null;
  private capturing: object | null = null;
  /** Set when a client transaction added structs or deletions (even one that then threw). */
  private changed = false;

  constructor(readonly id: string) {
    this.listen();
  }

  /**
   * Listens to 'update' only while a client's update is applied (see applyOnce): Yjs encodes the
   * event's bytes for every transaction while anyone listens, and rows read from storage (a cold
   * load: one 4 MiB snapshot) or announced by other nodes need no such copy.
   */
  private readonly capture = (update: Uint8Array): void => {
    if (this.capturing !== null) this.captured?.push({ update, origin: this.capturing });
  };

  private listen(): void {
    // Emitted at the start of a transaction's cleanup, before the steps that can still throw
    // (delete-set merge, GC) and before 'update': the one reliable sign that the document moved.
    this.doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
      if (tr.origin !== FROM_STORAGE && (tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState)))
        this.changed = true;
    });
  }

  /**
   * Replaces the document by one rebuilt from storage, after a failed apply left it unsure.
   * Members stay connected: nothing of the failed update was broadcast, so what they hold is
   * still a subset of storage plus their own edits.
   */
  rebuild(rows: readonly StoredUpdate[]): { skipped: number } {
    this.doc.destroy();
    this.doc = new Y.Doc({ gc: true });
    this.listen();
    return this.load(rows);
  }

  /**
   * Rebuilds the document from stored rows (all written by this relay from Yjs's own output),
   * one transaction per row, exactly as they were applied live: one big transaction can trip
   * Yjs's delete-set merge on crafted content that was harmless row by row. A row Yjs still
   * refuses is skipped (and reported) rather than making the whole space unloadable.
   */
  load(rows: readonly StoredUpdate[]): { skipped: number; incomplete: number } {
    let skipped = 0;
    let incomplete = 0;
    for (const row of rows) {
      try {
        Y.applyUpdate(this.doc, row.data, FROM_STORAGE);
      } catch {
        skipped++;
      }
      if (this.takePending() !== null) incomplete++;
    }
    return { skipped, incomplete };
  }

  /**
   * Applies stored rows that another node wrote (or that this one missed while cut off from the
   * others) and returns what they added, as one update for this node's members (null when
   * nothing was new). They were validated by the node that stored them. `incomplete`: some
   * waited for something this document lacks (announced out of order): the part that waited was
   * left out, and reading all of the space's rows again brings it in.
   */
  absorb(rows: readonly StoredUpdate[]): { added: Uint8Array | null; incomplete: boolean } {
    const before = Y.encodeStateVector(this.doc);
    let changed = false;
    const mark = (tr: Y.Transaction) => {
      if (tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState)) changed = true;
    };
    this.doc.on('afterTransaction', mark);
    let incomplete = 0;
    try {
      incomplete = this.load(rows).incomplete;
    } finally {
      this.doc.off('afterTransaction', mark);
    }
    return { added: changed ? Y.encodeStateAsUpdate(this.doc, before) : null, incomplete: incomplete > 0 };
  }

  /**
   * Applies an update from a client (V1 applyUpdate: it reads every struct before integrating,
   * so malformed bytes usually fail before the document changes; when they fail later, the
   * result says so). Parked updates that the new state unblocks are applied right after, and
   * reported as integrated too.
   */
  applyClientUpdate(update: Uint8Array, origin: object): ApplyResult {
    const captured: Integrated[] = [];
    this.captured = captured;
    try {
      const first = this.applyOnce(update, origin, 0);
      if (first !== null) return first;
      // Each integration may unblock parked updates, which may unblock others: a few rounds.
      for (let round = 0; round < 4 && captured.length > 0; round++) {
        const ready = this.parked.takeReady((client) => Y.getState(this.doc.store, client));
        if (ready.length === 0) break;
        for (const item of ready) {
          const failed = this.applyOnce(item.bytes, item.origin, item.retries + 1);
          if (failed !== null) return failed;
        }
      }
      return { ok: true, integrated: captured };
    } finally {
      this.captured = null;
    }
  }

  private applyOnce(update: Uint8Array, origin: object, retries: number): ApplyResult | null {
    const captured = this.captured ?? [];
    const before = captured.length;
    this.capturing = origin;
    this.changed = false;
    const doc = this.doc;
    doc.on('update', this.capture);
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      this.takePending();
      const rebuild = this.changed || captured.length > before;
      // Whatever this apply reported is part of the failure: keep only what came before it.
      captured.length = before;
      return { ok: false, error: describe(error), integrated: [...captured], rebuild };
    } finally {
      doc.off('update', this.capture);
      this.capturing = null;
    }
    const pending = this.takePending();
    if (pending !== null) this.parked.park({ bytes: update, origin, at: Date.now(), retries, ...pending });
    return null;
  }

  /**
   * Strips Yjs's pending state from the document (see parked.ts) and says what it was waiting for.
   */
  private takePending(): { missing: Map<number, number>; deletes: boolean } | null {
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return null;
    const missing = new Map(store.pendingStructs?.missing ?? []);
    const deletes = store.pendingDs !== null;
    store.pendingStructs = null;
    store.pendingDs = null;
    return { missing, deletes };
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /** What a peer with `stateVector` lacks; the document never holds pending parts (see parked.ts). */
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

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 120);
