/**
 * The oracle: records every local transaction of every Node device at the level Yjs stores it
 * (which keys of which maps it set or removed, and to what), what that device had seen when it
 * made it, and whether the device then *claimed* it: its local copy reported "saved", or its
 * relay connection reported "up to date". At the end it checks, against the converged document:
 *
 * 1. every claimed transaction is in it (its inserted items and its deletions), crash or not;
 * 2. every key a claimed transaction wrote holds the value it wrote, unless another transaction
 *    touched that key (or the entry holding it) without having seen this one first. Only such
 *    a later or concurrent write may replace an edit; everything else must survive.
 *
 * "Seen" is read from Yjs itself: a snapshot (state vector and delete set) of the writer's
 * document right after its transaction. Transactions that never reached anyone (made on a
 * device that then crashed before saving or syncing) are left out of both checks.
 */
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../src/model/index.ts';
import { isOrigin } from '../../src/store/index.ts';

const ABSENT = '(absent)';
const TOP_LEVEL = [...COLLECTION_NAMES, 'me', 'notDuplicates'] as const;

/** A key path: [map] for nothing, [map, key] at top level, [collection, entryId, field] inside an entry. */
type Path = readonly string[];
const pathKey = (p: Path) => JSON.stringify(p);

export type Claim = 'saved' | 'acked';

export interface WriteRecord {
  seq: number;
  device: string;
  generation: number;
  /** The operation (trace line) that made it. */
  op: string;
  client: number;
  from: number;
  to: number;
  deletes: [client: number, clock: number, len: number][];
  seen: Y.Snapshot;
  /** Key path → the canonical value right after the transaction. */
  keys: Map<string, string>;
  claims: Set<Claim>;
}

/** A value as compared: JSON for plain values; an entry by its initial values. */
function canonical(value: unknown): string {
  if (value === undefined) return ABSENT;
  if (value instanceof Y.Map) return `entry ${String(value.get('@'))}`;
  if (value instanceof Y.AbstractType) return `type ${JSON.stringify(value.toJSON())}`;
  return JSON.stringify(value);
}

function valueAt(doc: Y.Doc, path: Path): string {
  const [map, key, field] = path as [string, string, string | undefined];
  const top = doc.getMap<unknown>(map);
  if (field === undefined) return canonical(top.get(key));
  const entry = top.get(key);
  if (!(entry instanceof Y.Map)) return `(no entry ${key})`;
  return canonical(entry.has(field) ? entry.get(field) : undefined);
}

function allDeleted(ds: Y.Snapshot['ds'], deletes: WriteRecord['deletes']): boolean {
  return deletes.every(([client, clock, len]) => {
    for (let c = clock; c < clock + len; c++) if (!Y.isDeleted(ds, Y.createID(client, c))) return false;
    return true;
  });
}

/** Whether the document `snapshot` was taken of already held everything `b` did. */
function holds(snapshot: Y.Snapshot, b: WriteRecord): boolean {
  return (snapshot.sv.get(b.client) ?? 0) >= b.to && allDeleted(snapshot.ds, b.deletes);
}

export class Oracle {
  readonly records: WriteRecord[] = [];
  /** Claimed key writes the last check held to their values (the rest had a later or concurrent writer). */
  asserted = 0;
  private seq = 0;

  now(): number {
    return this.seq;
  }

  /** Records `doc`'s own transactions (store origins and undo) until the returned function is called. */
  attach(doc: Y.Doc, device: string, generation: number, op: () => string): () => void {
    const tops = new Map<unknown, string>(TOP_LEVEL.map((name) => [doc.getMap(name), name]));
    const handler = (tx: Y.Transaction) => {
      if (!isOrigin(tx.origin) && !(tx.origin instanceof Y.UndoManager)) return;
      if (isOrigin(tx.origin) && tx.origin.kind === 'migration') return;
      const keys = new Map<string, string>();
      tx.changed.forEach((changedKeys, type) => {
        const top = tops.get(type);
        let prefix: string[] | null = null;
        if (top !== undefined) prefix = [top];
        else if (type._item !== null && type._item.parentSub !== null && tops.has(type._item.parent)) {
          prefix = [tops.get(type._item.parent)!, type._item.parentSub];
        }
        if (prefix === null) return;
        for (const key of changedKeys) {
          if (key === null) continue;
          const path = [...prefix, key];
          keys.set(pathKey(path), valueAt(doc, path));
        }
      });
      const deletes: WriteRecord['deletes'] = [];
      tx.deleteSet.clients.forEach((items, client) =>
        items.forEach((item) => deletes.push([client, item.clock, item.len])),
      );
      const from = tx.beforeState.get(doc.clientID) ?? 0;
      const to = tx.afterState.get(doc.clientID) ?? 0;
      if (keys.size === 0 && from === to && deletes.length === 0) return;
      this.records.push({
        seq: ++this.seq,
        device,
        generation,
        op: op(),
        client: doc.clientID,
        from,
        to,
        deletes,
        seen: Y.snapshot(doc),
        keys,
        claims: new Set(),
      });
    };
    doc.on('afterTransaction', handler);
    return () => doc.off('afterTransaction', handler);
  }

  /** The device says every change of this document generation up to `upTo` is saved / on the relay. */
  claim(device: string, generation: number, upTo: number, how: Claim): void {
    for (const r of this.records)
      if (r.device === device && r.generation === generation && r.seq <= upTo) r.claims.add(how);
  }

  /** Problems found in the converged document `final`; empty when every claimed edit is there. */
  check(final: Y.Doc): string[] {
    const problems: string[] = [];
    const finalSnapshot = Y.snapshot(final);
    const arrived = (r: WriteRecord) =>
      r.to > r.from ? (finalSnapshot.sv.get(r.client) ?? 0) >= r.to : allDeleted(finalSnapshot.ds, r.deletes);
    const describe = (r: WriteRecord) =>
      `#${r.seq} ${r.device}/gen${r.generation} [${[...r.claims].join('+')}] ${r.op}`;

    const live = this.records.filter(arrived);
    for (const r of this.records) {
      if (r.claims.size > 0 && !holds(finalSnapshot, r))
        problems.push(`lost: ${describe(r)} is not in the final document`);
    }

    const writers = new Map<string, WriteRecord[]>();
    for (const r of live) for (const key of r.keys.keys()) writers.set(key, [...(writers.get(key) ?? []), r]);
    for (const a of live) {
      if (a.claims.size === 0) continue;
      for (const [key, wrote] of a.keys) {
        const path = JSON.parse(key) as string[];
        const container = path.length === 3 ? pathKey(path.slice(0, 2)) : null;
        const others = [...(writers.get(key) ?? []), ...(container ? (writers.get(container) ?? []) : [])].filter(
          (b) => b !== a,
        );
        if (!others.every((b) => holds(a.seen, b))) continue; // a concurrent or later write may have replaced it
        this.asserted++;
        const found = valueAt(final, path);
        if (found !== wrote)
          problems.push(
            `overwritten: ${describe(a)} set ${path.join('/')} = ${wrote.slice(0, 120)}, final has ${found.slice(0, 120)}`,
          );
      }
    }
    return problems;
  }
}
