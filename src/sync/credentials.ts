/**
 * The device's relay credentials live on this device only (localStorage of the
 * app's origin), never in the synced document and never in a URL.
 */
import type { SpaceCredentials } from './relay-api.ts';

const KEY = 'rapport.sync';

export interface StoredSync extends SpaceCredentials {
  /** Set when the relay said this device was removed: it must not reconnect. */
  revoked?: boolean;
  /** The space is end-to-end encrypted: what syncs is its sealed envelope (sync/private/). */
  private?: boolean;
  /** This device joined by a link and should make a new space key once it has synced. */
  rotateDue?: boolean;
}

export function loadSync(): StoredSync | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<StoredSync> | null;
    if (
      !raw ||
      typeof raw.relayUrl !== 'string' ||
      typeof raw.spaceId !== 'string' ||
      typeof raw.deviceId !== 'string' ||
      typeof raw.token !== 'string'
    )
      return null;
    return {
      relayUrl: raw.relayUrl,
      spaceId: raw.spaceId,
      deviceId: raw.deviceId,
      token: raw.token,
      revoked: raw.revoked === true,
      private: raw.private === true,
      rotateDue: raw.rotateDue === true,
    };
  } catch {
    return null;
  }
}

export function saveSync(value: StoredSync): void {
  localStorage.setItem(KEY, JSON.stringify(value));
}

export function forgetSync(): void {
  localStorage.removeItem(KEY);
}
