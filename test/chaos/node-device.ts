/**
 * A device in Node running the app's own code: the document opened by `openSpace` from a
 * persistent IndexedDB (fake-indexeddb, which keeps every database for the life of the
 * process, so a restart finds what was stored), and `connectRelay` with the official
 * y-websocket provider on a real socket (the `ws` package stands in for the browser's
 * WebSocket; Node 20 has none).
 *
 * What can go wrong to it: its network drops (its sockets are cut and new ones refused until
 * healed), it turns sync off and on, its local database is closed and reopened while it keeps
 * working, and it crashes and restarts from what it had stored.
 */
import 'fake-indexeddb/auto';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { makeLocalCopy, type LocalCopy, type SaveState } from '../../src/sync/local.ts';
import { connectRelay, type RelayConnection, type SyncState } from '../../src/sync/relay.ts';
import type { SpaceCredentials } from '../../src/sync/relay-api.ts';
import { openSpace } from '../../src/sync/space.ts';
import type { Oracle } from './oracle.ts';

/** Where a cut-off device's sockets go: nothing listens on port 1, so they are refused at once. */
const NOWHERE = 'ws://127.0.0.1:1/sync';

interface Link {
  blocked: boolean;
  sockets: Set<WebSocket>;
}
/** Each device's network, found by the token it connects with (the second sub-protocol). */
const links = new Map<string, Link>();

class ChaosSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    const token = Array.isArray(protocols) ? protocols[1] : undefined;
    const link = token === undefined ? undefined : links.get(token);
    super(link?.blocked ? NOWHERE : url, protocols);
    if (link) {
      link.sockets.add(this);
      this.on('close', () => link.sockets.delete(this));
    }
    this.on('error', () => undefined); // refused connections are expected; the provider sees the close
  }
}
(globalThis as { WebSocket?: unknown }).WebSocket = ChaosSocket;

export class NodeDevice {
  doc!: Y.Doc;
  /** Null while the local database is closed. */
  local: LocalCopy | null = null;
  relay: RelayConnection | null = null;
  generation = 0;
  syncState: SyncState | null = null;
  saveState: SaveState = { kind: 'saved' };
  /** Undo offers, newest last (merges, imports, moves to the Trash). */
  undoables: { label: string; undo(): boolean }[] = [];
  private readonly link: Link = { blocked: false, sockets: new Set() };
  private detach: () => void = () => undefined;
  /** Closes the current copy's window for claims (see `claimSaved`). */
  private copyClosedAt: { seq: number | null } = { seq: null };

  constructor(
    readonly name: string,
    readonly dbName: string,
    readonly creds: SpaceCredentials,
    private readonly oracle: Oracle,
    private readonly currentOp: () => string,
  ) {
    links.set(creds.token, this.link);
  }

  get online(): boolean {
    return this.relay !== null;
  }
  get partitioned(): boolean {
    return this.link.blocked;
  }

  /** Opens the space as the app does on load, then syncs. */
  async start(connect = true): Promise<void> {
    const generation = ++this.generation;
    const window = { seq: null as number | null };
    this.copyClosedAt = window;
    const space = await openSpace({ dbName: this.dbName, onSaveState: (s) => this.onSaveState(s, generation, window) });
    this.doc = space.doc;
    this.local = space.local;
    this.saveState = { kind: 'saved' };
    this.detach = this.oracle.attach(this.doc, this.name, generation, this.currentOp);
    if (connect) this.connect();
  }

  /**
   * "Saved" from a copy covers what reached that copy: changes made up to now, or up to when it
   * was closed. Changes made while no copy was open are in the full state a new copy stores first.
   */
  private onSaveState(s: SaveState, generation: number, window: { seq: number | null }) {
    if (generation === this.generation && window === this.copyClosedAt) this.saveState = s;
    if (s.kind === 'saved') this.oracle.claim(this.name, generation, window.seq ?? this.oracle.now(), 'saved');
  }

  connect(): void {
    if (this.relay) return;
    const generation = this.generation;
    this.relay = connectRelay(this.doc, this.creds, (s) => {
      this.syncState = s;
      if (s.kind === 'up-to-date' && generation === this.generation)
        this.oracle.claim(this.name, generation, this.oracle.now(), 'acked');
    });
  }

  disconnect(): void {
    this.relay?.destroy();
    this.relay = null;
    this.syncState = null;
  }

  /** The network drops: open sockets are cut, new ones refused. */
  partition(): void {
    this.link.blocked = true;
    for (const socket of this.link.sockets) socket.terminate();
  }

  /** The network is back, and the app hears so (as from the browser's `online` event). */
  heal(): void {
    this.link.blocked = false;
    this.relay?.retryNow();
  }

  retryNow(): void {
    this.relay?.retryNow();
  }

  /** The browser closes the database under the running app (the app keeps working in memory). */
  async closeDb(): Promise<void> {
    if (!this.local) return;
    this.copyClosedAt.seq = this.oracle.now();
    const local = this.local;
    this.local = null;
    await local.destroy();
  }

  /** The database is opened again under the same document. */
  async reopenDb(): Promise<void> {
    if (this.local) return;
    const generation = this.generation;
    const window = { seq: null as number | null };
    this.copyClosedAt = window;
    this.local = makeLocalCopy(this.doc, {
      name: this.dbName,
      onSaveState: (s) => this.onSaveState(s, generation, window),
    });
    this.saveState = { kind: 'saved' };
    await this.local.loaded;
  }

  /** The app is killed mid-work (nothing flushed) and opened again from what it had stored. */
  async crashAndRestart(connect = this.online): Promise<void> {
    this.disconnect();
    this.detach();
    this.copyClosedAt.seq = this.oracle.now();
    const local = this.local;
    this.local = null;
    this.undoables = [];
    await local?.destroy();
    this.doc.destroy();
    await this.start(connect);
  }

  async flushed(): Promise<void> {
    await this.local?.flushed();
  }

  async stop(): Promise<void> {
    this.disconnect();
    this.detach();
    await this.local?.destroy();
    this.local = null;
    this.doc.destroy();
    links.delete(this.creds.token);
  }
}
