/**
 * The relay's VAPID key pair (RFC 8292): made on first start, kept in DATA_DIR/vapid.json
 * (readable by the relay's user only) — or, with several nodes, in PostgreSQL, where the first
 * node to start puts its own (storage/postgres.ts `sharedVapidKeys`). Devices subscribe with its
 * public key, so replacing it would orphan every subscription: it is only ever read after that.
 */
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

const KEY = /^[A-Za-z0-9_-]+$/;

/** A key pair from its JSON text, or null when the text is not one. */
export function parseVapidKeys(text: string): VapidKeys | null {
  try {
    const stored = JSON.parse(text) as Partial<VapidKeys> | null;
    if (
      typeof stored?.publicKey === 'string' &&
      typeof stored.privateKey === 'string' &&
      KEY.test(stored.publicKey) &&
      KEY.test(stored.privateKey)
    )
      return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  } catch {
    // not JSON: not a key pair either
  }
  return null;
}

/** DATA_DIR/vapid.json, or null when there is none; a file that is not a key pair stops the start. */
export function readVapidKeys(dataDir: string): VapidKeys | null {
  const file = path.join(dataDir, 'vapid.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const keys = parseVapidKeys(text);
  if (keys === null)
    throw new Error(
      `${file} is not a VAPID key pair; move it away to make a new one (devices will need to turn reminders on again)`,
    );
  return keys;
}

export const makeVapidKeys = (): VapidKeys => webpush.generateVAPIDKeys();

export function loadOrCreateVapidKeys(dataDir: string): VapidKeys {
  const stored = readVapidKeys(dataDir);
  if (stored !== null) return stored;
  const file = path.join(dataDir, 'vapid.json');
  const keys = makeVapidKeys();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ publicKey: keys.publicKey, privateKey: keys.privateKey }), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return keys;
}
