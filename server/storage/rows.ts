/** What both stores read and write alike: a device's row (the same columns in SQLite and PostgreSQL), and update bytes. */
import type { DeviceRecord } from './types.ts';

export interface DeviceRow {
  id: string;
  space_id: string;
  name: string;
  secret_hash: Buffer;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export const toDevice = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  spaceId: row.space_id,
  name: row.name,
  secretHash: row.secret_hash,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
});

/** Both drivers bind a Buffer as bytes; wrap without copying. */
export const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
