/**
 * The relay's VAPID key pair (RFC 8292): made on first start, kept in DATA_DIR/vapid.json
 * (readable by the relay's user only). Devices subscribe with its public key, so replacing it
 * would orphan every subscription: it is only ever read after that.
 */
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

const KEY = /^[A-Za-z0-9_-]+$/;

export function loadOrCreateVapidKeys(dataDir: string): VapidKeys {
  const file = path.join(dataDir, 'vapid.json');
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<VapidKeys>;
    if (
      typeof stored.publicKey === 'string' &&
      typeof stored.privateKey === 'string' &&
      KEY.test(stored.publicKey) &&
      KEY.test(stored.privateKey)
    ) {
      return { publicKey: stored.publicKey, privateKey: stored.privateKey };
    }
    throw new Error(
      `${file} is not a VAPID key pair; move it away to make a new one (devices will need to turn reminders on again)`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = webpush.generateVAPIDKeys();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ publicKey: keys.publicKey, privateKey: keys.privateKey }), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return keys;
}
