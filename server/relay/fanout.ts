/**
 * What the relay tells the other nodes serving the same spaces, and hears from them. One node
 * (SQLite) has none: `noFanout`. Several nodes use Redis (server/cluster/redis-fanout.ts). What
 * travels is what the relay already broadcasts to its own devices — stored updates, re-encoded
 * awareness — and ids of revoked devices; never anything the relay would not send a device.
 */

export interface FanoutHandlers {
  /** Another node stored this update of the space (it is durable) and broadcast it. */
  readonly update: (spaceId: string, update: Uint8Array) => void;
  /** Another node's devices changed their presence in the space (an awareness update). */
  readonly awareness: (spaceId: string, update: Uint8Array) => void;
  /** Devices were revoked on another node; `erasedSpaceId` when it erased their space. */
  readonly revoked: (deviceIds: readonly string[], erasedSpaceId: string | null) => void;
  /**
   * The link to the other nodes was lost and is back: whatever was said meanwhile was missed, so
   * the relay catches up from storage.
   */
  readonly reconnected: () => void;
  /**
   * Another node stored updates of these spaces while it could not tell the others (its link was
   * down): read them again from storage.
   */
  readonly reread: (spaceIds: readonly string[]) => void;
}

export interface Fanout {
  /** Starts hearing of a space; resolves once subscribed, or at once while the link is down. */
  join(spaceId: string): Promise<void>;
  leave(spaceId: string): void;
  publishUpdate(spaceId: string, update: Uint8Array): void;
  publishAwareness(spaceId: string, update: Uint8Array): void;
  publishRevoked(deviceIds: readonly string[], erasedSpaceId: string | null): void;
  close(): Promise<void>;
}

export const noFanout: Fanout = {
  join: () => Promise.resolve(),
  leave: () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
  publishRevoked: () => {},
  close: () => Promise.resolve(),
};
