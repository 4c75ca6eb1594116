/**
 * Update bytes to and from PostgreSQL in its binary formats. `pg` speaks the text protocol: a
 * `bytea` parameter inside an array is sent as hex, and a `bytea` column comes back as hex, which
 * the driver decodes as UTF-8 into a string and then parses — for a 4 MiB snapshot, about 8 MiB of
 * string each way and most of a cold load's time. (`pg`'s `binary: true` result mode is no way
 * out: it still decodes each field as a UTF-8 string and re-encodes it, which corrupts bytes that
 * are not valid UTF-8.) So rows are read with `COPY … TO STDOUT (FORMAT binary)`, whose data
 * messages `pg` hands over as raw bytes, and written as one binary `bytea[]` parameter (a Buffer
 * parameter is sent in binary format).
 */
import type pg from 'pg';

/** `bytea`'s type oid, which a binary array names for its elements. */
const BYTEA_OID = 17;

/** A one-dimensional `bytea[]` in PostgreSQL's binary array format (what `array_recv` reads). */
export function byteaArray(items: readonly Uint8Array[]): Buffer {
  let size = 20;
  for (const item of items) size += 4 + item.byteLength;
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(0, 4); // no nulls
  out.writeInt32BE(BYTEA_OID, 8);
  out.writeInt32BE(items.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const item of items) {
    out.writeInt32BE(item.byteLength, at);
    out.set(item, at + 4);
    at += 4 + item.byteLength;
  }
  return out;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * A query for `client.query` (pg's "submittable" interface, as pg-cursor uses it): runs one
 * `COPY (SELECT <bigint>, <bytea> …) TO STDOUT (FORMAT binary)` with the simple protocol and
 * resolves with its rows. The statement is sent as text: it may hold no parameters, so the
 * caller quotes values with `pg.escapeLiteral`.
 */
export class CopyIdBytes {
  readonly rows: Promise<{ id: number; data: Uint8Array }[]>;
  /** Set by `pg` (which also wraps it for `query_timeout`); called once, when done or failed. */
  callback?: (error: Error | null) => void;
  private readonly chunks: Buffer[] = [];
  private failure: Error | null = null;
  private settled = false;

  constructor(private readonly text: string) {
    this.rows = new Promise((resolve, reject) => {
      this.callback = (error) => {
        if (error !== null) return reject(error);
        try {
          resolve(parseCopy(Buffer.concat(this.chunks)));
        } catch (parseError) {
          reject(parseError);
        }
      };
    });
  }

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    // The chunk is a view into the driver's read buffer, which is reused: copy it out.
    this.chunks.push(Buffer.from(message.chunk));
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    this.settle(this.failure);
  }

  handleError(error: Error): void {
    this.settle(error);
  }

  // Not part of a COPY's answer.
  handleRowDescription(): void {
    this.failure ??= new Error('unexpected row description in COPY');
  }
  handleDataRow(): void {
    this.failure ??= new Error('unexpected data row in COPY');
  }
  handleEmptyQuery(): void {
    this.failure ??= new Error('empty query');
  }
  handlePortalSuspended(): void {
    this.failure ??= new Error('unexpected portal suspension');
  }
  handleCopyInResponse(connection: { sendCopyFail(message: string): void }): void {
    connection.sendCopyFail('not a COPY FROM');
  }

  private settle(error: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.callback?.(error);
  }
}

/** Rows of two columns, an int8 and a bytea, from a binary COPY; the bytes are views into `copy`. */
function parseCopy(copy: Buffer): { id: number; data: Uint8Array }[] {
  if (copy.length < SIGNATURE.length + 8 || !copy.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error('not a binary COPY');
  let at = SIGNATURE.length + 4; // flags
  at += 4 + copy.readInt32BE(at); // header extension
  const rows: { id: number; data: Uint8Array }[] = [];
  for (;;) {
    const fields = copy.readInt16BE(at);
    at += 2;
    if (fields === -1) return rows;
    if (fields !== 2 || copy.readInt32BE(at) !== 8) throw new Error('unexpected COPY row');
    const id = Number(copy.readBigInt64BE(at + 4));
    at += 12;
    const length = copy.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > copy.length) throw new Error('unexpected COPY field');
    rows.push({ id, data: new Uint8Array(copy.buffer, copy.byteOffset + at, length) });
    at += length;
  }
}
