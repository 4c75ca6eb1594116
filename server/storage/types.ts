/**
 * What the relay needs from a store. SQLite (sqlite.ts) is the default; another backend only has
 * to keep these promises: every method is atomic, and `appendUpdates` has made its rows durable
 * when its promise resolves. A method whose promise rejects changed nothing.
 */

export interface SpaceRecord {
  readonly id: string;
  readonly createdAt: number;
}

export interface DeviceRecord {
  readonly id: string;
  readonly spaceId: string;
  readonly name: string;
  /** sha-256 of the device's secret; the secret itself is never stored. */
  readonly secretHash: Buffer;
  readonly createdAt: number;
  readonly lastSeenAt: number | null;
  readonly revokedAt: number | null;
}

export interface PairingRecord {
  readonly codeHash: Buffer;
  readonly spaceId: string;
  readonly createdBy: string;
  readonly expiresAt: number;
}

export interface StoredUpdate {
  readonly id: number;
  readonly data: Uint8Array;
}

export interface NewUpdate {
  readonly spaceId: string;
  readonly data: Uint8Array;
}

/**
 * What the relay keeps per device for reminders: where to send a wake-up and the keys to
 * encrypt it for that browser (from PushSubscription.toJSON()), and when it was last set.
 */
export interface PushSubscriptionRecord {
  readonly deviceId: string;
  /** The push service URL (checked: https, public address). */
  readonly endpoint: string;
  /** The browser's P-256 public key, base64url (65 bytes). */
  readonly p256dh: string;
  /** The browser's auth secret, base64url (16 bytes). */
  readonly auth: string;
  readonly updatedAt: number;
}

export interface WakeRecord {
  readonly deviceId: string;
  /** Epoch ms. */
  readonly at: number;
}

export type RedeemResult = 'ok' | 'invalid';

export interface Storage {
  /** Creates the space and its first device together. */
  createSpace(space: SpaceRecord, device: DeviceRecord): Promise<void>;
  getSpace(spaceId: string): Promise<SpaceRecord | null>;

  getDevice(deviceId: string): Promise<DeviceRecord | null>;
  listDevices(spaceId: string): Promise<DeviceRecord[]>;
  /** Marks the device revoked; false when no such active device exists in that space. */
  revokeDevice(spaceId: string, deviceId: string, at: number): Promise<boolean>;
  /**
   * Erases what a space stores — every update row and pairing code — and revokes all its devices
   * (returned), so nothing of its document is left to read: freed pages are zeroed and the WAL is
   * truncated. The space's id stays known, empty, with its devices revoked.
   */
  eraseSpace(spaceId: string, at: number): Promise<string[]>;
  touchDevice(deviceId: string, at: number): Promise<void>;

  /**
   * Stores the code, in the same step as checking that its creator is not revoked (a device
   * revoked while its request was under way must not leave a working code behind): false, and
   * nothing stored, when it is.
   */
  createPairing(pairing: PairingRecord): Promise<boolean>;
  /**
   * Spends the code and adds the device in one step. 'invalid' covers unknown, expired, spent and
   * other-space codes alike, so that a caller cannot tell them apart.
   */
  redeemPairing(spaceId: string, codeHash: Buffer, now: number, device: DeviceRecord): Promise<RedeemResult>;
  /** Spends every outstanding code of a space (after too many wrong guesses). */
  burnPairings(spaceId: string): Promise<void>;
  /**
   * Counts one more wrong pairing guess against a space and returns the count so far, kept in
   * storage so that every node counts the same guesses. 0 for a space that does not exist.
   */
  countWrongGuess(spaceId: string): Promise<number>;
  /** Starts the space's count of wrong guesses afresh (a code was redeemed, or all were spent). */
  clearWrongGuesses(spaceId: string): Promise<void>;

  /**
   * Sets the device's subscription and replaces its wake times, atomically — only while the device
   * is not revoked (checked in the same step): false, and nothing stored, when it is.
   */
  setReminders(subscription: PushSubscriptionRecord, wakeAt: readonly number[]): Promise<boolean>;
  /** Replaces the wake times of a device that already has a subscription; false when it has none. */
  setWakes(deviceId: string, wakeAt: readonly number[]): Promise<boolean>;
  getPushSubscription(deviceId: string): Promise<PushSubscriptionRecord | null>;
  /** Drops the subscription and its wake times (turned off, gone at the push service, device revoked). */
  dropPushSubscription(deviceId: string): Promise<void>;
  /** The earliest wake time of any device, or null. */
  nextWakeAt(): Promise<number | null>;
  /** Removes and returns every wake time at or before `now`. */
  takeDueWakes(now: number): Promise<WakeRecord[]>;

  loadUpdates(spaceId: string): Promise<StoredUpdate[]>;
  /** Appends all rows in one transaction. */
  appendUpdates(rows: readonly NewUpdate[]): Promise<void>;
  /** Id of the space's newest row, or null when it has none. */
  lastUpdateId(spaceId: string): Promise<number | null>;
  /**
   * Replaces the space's rows up to and including `upToId` with one snapshot that takes their
   * place in the order (rows are applied in id order on load), atomically.
   */
  replaceWithSnapshot(spaceId: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  countUpdates(spaceId: string): Promise<number>;

  /** Flushes and releases everything; nothing may be called afterwards. */
  close(): Promise<void>;
}
