/**
 * Updates whose dependencies had not arrived yet. Yjs would keep such a remainder inside the
 * document as "pending" and later merge it with new arrivals using mergeUpdates, which can hang
 * on crafted input (yjs#687). Instead we strip the pending part from the document and keep the
 * raw update here; once the document has advanced past what it was missing, the whole update is
 * simply applied again (V1 applyUpdate, no merge: already integrated parts are skipped).
 * Bounded in count, bytes, age and retries, so that parking is never a way to make the relay
 * work without end; what falls out is re-sent by the client's next sync step 2.
 */
export interface Parked {
  readonly bytes: Uint8Array;
  /** client id → clock Yjs reported missing; ready once the document's state passes it. */
  readonly missing: ReadonlyMap<number, number>;
  /** Part of it was a deletion of items we do not have yet. */
  readonly deletes: boolean;
  readonly origin: object;
  readonly at: number;
  readonly retries: number;
}

const MAX_ITEMS = 128;
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_AGE_MS = 60_000;
const MAX_RETRIES = 3;

export class ParkedUpdates {
  private items: Parked[] = [];
  private bytes = 0;
  /** Updates given up on (evicted, expired or out of retries), for metrics. */
  dropped = 0;

  get size(): number {
    return this.items.length;
  }

  park(item: Parked): void {
    if (item.retries > MAX_RETRIES || item.bytes.byteLength > MAX_BYTES) {
      this.dropped += 1;
      return;
    }
    this.items.push(item);
    this.bytes += item.bytes.byteLength;
    while (this.items.length > MAX_ITEMS || this.bytes > MAX_BYTES) this.remove(0);
  }

  /** Removes and returns the items worth retrying now. */
  takeReady(stateOf: (client: number) => number, now: number = Date.now()): Parked[] {
    const ready: Parked[] = [];
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i]!;
      if (now - item.at > MAX_AGE_MS) {
        this.remove(i);
        continue;
      }
      let isReady = item.deletes;
      for (const [client, clock] of item.missing) if (clock < stateOf(client)) isReady = true;
      if (isReady) {
        this.items.splice(i, 1);
        this.bytes -= item.bytes.byteLength;
        ready.unshift(item);
      }
    }
    return ready;
  }

  private remove(index: number): void {
    const [item] = this.items.splice(index, 1);
    if (item !== undefined) {
      this.bytes -= item.bytes.byteLength;
      this.dropped += 1;
    }
  }
}
