import type { DeviceRecord, Storage } from '../storage/types.ts';
import {
  ID_PATTERN,
  issueToken,
  newId,
  newPairingCode,
  normalizePairingCode,
  parseToken,
  secretMatches,
  sha256,
} from './tokens.ts';

/** Why a token was not accepted; each maps to one HTTP status and one WebSocket close code. */
type AuthFailure = 'token-required' | 'token-invalid' | 'device-revoked';

export type AuthResult = { ok: true; device: DeviceRecord } | { ok: false; error: AuthFailure };

const PAIRING_TTL_MS = 10 * 60 * 1000;
/** Wrong pairing guesses against one space before all its codes are spent. */
const MAX_WRONG_GUESSES = 10;
const MAX_NAME = 80;

interface DeviceView {
  readonly deviceId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  /** True for the device whose token made the request. */
  readonly current: boolean;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Keeps a device name printable and short; it is shown to the user, never interpreted. */
export function cleanDeviceName(input: unknown, fallback: string): string {
  if (typeof input !== 'string') return fallback;
  const name = input
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .trim()
    .slice(0, MAX_NAME);
  return name === '' ? fallback : name;
}

export interface Devices {
  authenticate(spaceId: string, token: string | null): Promise<AuthResult>;
  createSpace(deviceName: string): Promise<{ spaceId: string; deviceId: string; token: string }>;
  /** Null when the device was revoked meanwhile (no code is stored then). */
  createPairing(device: DeviceRecord): Promise<{ code: string; expiresAt: string } | null>;
  pair(
    spaceId: string,
    code: string,
    deviceName: string,
  ): Promise<{ ok: true; deviceId: string; token: string } | { ok: false }>;
  list(spaceId: string, currentDeviceId: string): Promise<DeviceView[]>;
  revoke(spaceId: string, deviceId: string): Promise<boolean>;
  touch(deviceId: string): Promise<void>;
}

export function makeDevices(storage: Storage, now: () => number = Date.now): Devices {
  const newDevice = (spaceId: string, name: string) => {
    const id = newId();
    const { token, secretHash } = issueToken(id);
    const device: DeviceRecord = { id, spaceId, name, secretHash, createdAt: now(), lastSeenAt: null, revokedAt: null };
    return { device, token };
  };

  return {
    async authenticate(spaceId, token) {
      if (token === null || token === '') return { ok: false, error: 'token-required' };
      const parsed = parseToken(token);
      if (parsed === null || !ID_PATTERN.test(spaceId)) return { ok: false, error: 'token-invalid' };
      const device = await storage.getDevice(parsed.deviceId);
      // Hash and compare even when there is no such device, so timing does not reveal which ids exist.
      const matches = secretMatches(parsed.secret, device?.secretHash ?? sha256(''));
      if (device === null || !matches || device.spaceId !== spaceId) return { ok: false, error: 'token-invalid' };
      if (device.revokedAt !== null) return { ok: false, error: 'device-revoked' };
      return { ok: true, device };
    },

    async createSpace(deviceName) {
      const spaceId = newId();
      const { device, token } = newDevice(spaceId, deviceName);
      await storage.createSpace({ id: spaceId, createdAt: now() }, device);
      return { spaceId, deviceId: device.id, token };
    },

    async createPairing(device) {
      const code = newPairingCode();
      const normalized = normalizePairingCode(code);
      if (normalized === null) throw new Error('generated pairing code does not normalize');
      const expiresAt = now() + PAIRING_TTL_MS;
      const stored = await storage.createPairing({
        codeHash: sha256(normalized),
        spaceId: device.spaceId,
        createdBy: device.id,
        expiresAt,
      });
      if (!stored) return null;
      return { code, expiresAt: new Date(expiresAt).toISOString() };
    },

    async pair(spaceId, code, deviceName) {
      const normalized = normalizePairingCode(code);
      if (!ID_PATTERN.test(spaceId) || normalized === null) return { ok: false };
      const { device, token } = newDevice(spaceId, deviceName);
      const result = await storage.redeemPairing(spaceId, sha256(normalized), now(), device);
      if (result === 'ok') {
        await storage.clearWrongGuesses(spaceId);
        return { ok: true, deviceId: device.id, token };
      }
      // Counted in storage, so guesses spread over several nodes add up.
      const wrong = await storage.countWrongGuess(spaceId);
      if (wrong >= MAX_WRONG_GUESSES) {
        // Someone is guessing: spend every outstanding code; the user simply makes a new one.
        await storage.burnPairings(spaceId);
        await storage.clearWrongGuesses(spaceId);
      }
      return { ok: false };
    },

    async list(spaceId, currentDeviceId) {
      return (await storage.listDevices(spaceId))
        .filter((d) => d.revokedAt === null)
        .map((d) => ({
          deviceId: d.id,
          name: d.name,
          createdAt: new Date(d.createdAt).toISOString(),
          lastSeenAt: iso(d.lastSeenAt),
          current: d.id === currentDeviceId,
        }));
    },

    revoke: async (spaceId, deviceId) => ID_PATTERN.test(deviceId) && storage.revokeDevice(spaceId, deviceId, now()),

    touch: (deviceId) => storage.touchDevice(deviceId, now()),
  };
}
