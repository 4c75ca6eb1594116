/**
 * A document stored as several updates instead of one, so that loading it on a
 * phone is many short tasks rather than one of a second or more: each piece is
 * a run of one device's changes in the order it made them (a piece never needs a
 * later one of the same device), and the last piece carries what came after the
 * others and every deletion. Applying the pieces in order gives the document;
 * applying them in any order still does (Yjs holds back what arrives early), only
 * more slowly.
 *
 * Encoding is planned by clock ranges and done a piece at a time, so it can be
 * spread over tasks too; the document may change in between (a piece then
 * overlaps the next a little, which Yjs skips when applying).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** About 60 KB of a network of people (a person is two or three structs): 10–20 ms of applying on a mid-range phone. */
const STRUCTS_PER_PIECE = 500;

/** [client, from clock, to clock) */
type Range = [number, number, number];

type Struct = Y.Item | Y.GC;

function structsOf(doc: Y.Doc): Map<number, Struct[]> {
  return (doc.store as unknown as { clients: Map<number, Struct[]> }).clients;
}

/** The pieces to encode, as clock ranges, all but the last (which `lastPiece` writes from the state they reach). */
export function planPieces(doc: Y.Doc, perPiece = STRUCTS_PER_PIECE): Range[][] {
  const pieces: Range[][] = [];
  let piece: Range[] = [];
  let count = 0;
  // Higher client ids first, as Yjs writes them.
  for (const [client, structs] of [...structsOf(doc)].sort((a, b) => b[0] - a[0])) {
    let from = structs[0]?.id.clock ?? 0;
    for (let i = 0; i < structs.length; i++) {
      const s = structs[i]!;
      count++;
      if (count >= perPiece) {
        piece.push([client, from, s.id.clock + s.length]);
        pieces.push(piece);
        piece = [];
        count = 0;
        from = s.id.clock + s.length;
      }
    }
    const end = structs.length ? structs[structs.length - 1]!.id.clock + structs[structs.length - 1]!.length : from;
    if (end > from) piece.push([client, from, end]);
  }
  // What is left over goes into the last piece, written with the deletions.
  return pieces;
}

/** One piece: the structs of each range, as they are now; no deletions. */
export function encodePiece(doc: Y.Doc, ranges: readonly Range[]): Uint8Array {
  const clients = structsOf(doc);
  const encoder = new Y.UpdateEncoderV1();
  const runs: [number, number, number, number][] = [];
  for (const [client, from, to] of ranges) {
    const structs = clients.get(client);
    if (!structs?.length) continue;
    const start = Y.findIndexSS(structs as never, from);
    let end = start;
    while (end < structs.length && structs[end]!.id.clock < to) end++;
    if (end > start) runs.push([client, from, start, end]);
  }
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const [client, from, start, end] of runs) {
    const structs = clients.get(client)!;
    encoding.writeVarUint(encoder.restEncoder, end - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, from);
    structs[start]!.write(encoder, from - structs[start]!.id.clock);
    for (let i = start + 1; i < end; i++) structs[i]!.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0); // an empty delete set
  return encoder.toUint8Array();
}

/** Everything after the planned pieces, and every deletion. */
export function lastPiece(doc: Y.Doc, planned: readonly Range[][]): Uint8Array {
  const reached = new Map<number, number>();
  for (const piece of planned)
    for (const [client, , to] of piece) reached.set(client, Math.max(reached.get(client) ?? 0, to));
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(reached));
}

/** The whole document as pieces, at once (tests, and callers that need no pauses). */
export function encodePieces(doc: Y.Doc, perPiece = STRUCTS_PER_PIECE): Uint8Array[] {
  const plan = planPieces(doc, perPiece);
  return [...plan.map((ranges) => encodePiece(doc, ranges)), lastPiece(doc, plan)];
}
