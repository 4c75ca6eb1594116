/** The y-websocket sync frames the raw-socket benches send and recognise, written once. */
import * as encoding from 'lib0/encoding';

/** A sync message: step 0 (state vector), 1 (answer) or 2 (update), with its payload. */
export function message(step: number, payload: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return Buffer.from(encoding.toUint8Array(e));
}
/** A sync step 1 with an empty state vector: "send me everything". */
export const STEP1_EMPTY = message(0, new Uint8Array([0]));
export const isStep2 = (m: Buffer) => m[0] === 0 && m[1] === 1;
export const isUpdate = (m: Buffer) => m[0] === 0 && m[1] === 2;
