/**
 * The relay's copy of a space's awareness (presence): who is online and what they chose to share.
 * Mirrors y-protocols' rules (a higher clock wins; `null` removes) on entries that protocol.ts has
 * already decoded and checked, and re-encodes what it forwards, so raw client bytes never reach
 * another client.
 */
import * as encoding from 'lib0/encoding';
import type { AwarenessEntry } from './protocol.ts';

interface Entry {
  clock: number;
  /** JSON text; 'null' once removed (kept so the clock keeps counting). */
  state: string;
  owner: object | null;
  /** When it last changed (epoch ms). */
  at: number;
}

/** Entries per space, so that no device can grow the relay's memory without bound. */
const MAX_CLIENTS_PER_SPACE = 512;

export class SpaceAwareness {
  private readonly entries = new Map<number, Entry>();

  /** Applies checked entries from `owner`; returns the encoded update to forward, or null. */
  apply(incoming: readonly AwarenessEntry[], owner: object): Uint8Array | null | 'full' {
    const changed: number[] = [];
    for (const { clientId, clock, state } of incoming) {
      const current = this.entries.get(clientId);
      const currentClock = current?.clock ?? 0;
      const removal = state === 'null';
      const accept =
        currentClock < clock ||
        (currentClock === clock && removal && current !== undefined && current.state !== 'null');
      if (!accept) continue;
      if (current === undefined && this.entries.size >= MAX_CLIENTS_PER_SPACE) return 'full';
      this.entries.set(clientId, { clock, state, owner: removal ? null : owner, at: Date.now() });
      changed.push(clientId);
    }
    return changed.length === 0 ? null : this.encode(changed);
  }

  /** Marks every client of a closing connection as gone; returns the update to forward. */
  removeOwner(owner: object): Uint8Array | null {
    const changed: number[] = [];
    for (const [clientId, entry] of this.entries) {
      if (entry.owner !== owner) continue;
      entry.clock += 1;
      entry.state = 'null';
      entry.owner = null;
      changed.push(clientId);
    }
    const update = changed.length === 0 ? null : this.encode(changed);
    this.prune();
    return update;
  }

  /**
   * Forgets, without telling anyone, the clients of `owner` silent for `maxAgeMs`: entries another
   * node announced, whose removal may never come if that node died. Clients renew every 15 s and
   * drop a peer silent for 30 s themselves, so this only keeps newcomers from seeing ghosts.
   */
  forgetSilent(owner: object, maxAgeMs: number, now = Date.now()): void {
    for (const entry of this.entries.values()) {
      if (entry.owner !== owner || now - entry.at < maxAgeMs) continue;
      entry.state = 'null';
      entry.owner = null;
    }
  }

  /** All present clients, for a newcomer or a query-awareness message; null when nobody is there. */
  encodePresent(): Uint8Array | null {
    const present = [...this.entries].filter(([, e]) => e.state !== 'null').map(([id]) => id);
    return present.length === 0 ? null : this.encode(present);
  }

  private encode(clientIds: readonly number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, clientIds.length);
    for (const id of clientIds) {
      const entry = this.entries.get(id);
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry?.clock ?? 0);
      encoding.writeVarString(encoder, entry?.state ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }

  /** Forget removed clients once the map grows; a late stale update then simply re-adds them. */
  private prune(): void {
    if (this.entries.size < MAX_CLIENTS_PER_SPACE / 2) return;
    for (const [id, entry] of this.entries) if (entry.state === 'null') this.entries.delete(id);
  }
}
