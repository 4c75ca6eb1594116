/**
 * Fan-out between relay nodes over Redis pub/sub. One channel per space carries its stored
 * updates and awareness (binary: kind, sender node id, bytes); one control channel carries
 * revocations (JSON of device ids). Each node subscribes only to the spaces it holds in memory.
 * Redis keeps nothing: PostgreSQL is the record, and a node that was cut off from Redis catches
 * up from it (`reconnected`). What a node could not publish while its link was down is kept in a
 * small outbox — the ids of the spaces it stored updates of, and revocations — and sent once the
 * link is back: the revocations as they were, and for the spaces a "re-read" message on which the
 * other nodes catch those spaces up from storage (`reread`). Awareness is not kept (it is
 * refreshed by the clients).
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, FanoutHandlers } from '../relay/fanout.ts';

const SPACE_PREFIX = 'rapport:space:';
const CONTROL = 'rapport:control';
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const NODE_ID_BYTES = 16;

export interface RedisFanoutOptions {
  /** redis://… — never logged (it may hold a password). */
  readonly url: string;
  readonly handlers: FanoutHandlers;
  /** Connection trouble, for the log (the client reconnects by itself). */
  readonly onError: (event: string, error: string) => void;
}

export function makeRedisFanout(options: RedisFanoutOptions): Fanout {
  const { handlers, onError } = options;
  const nodeId = crypto.randomBytes(NODE_ID_BYTES);
  const common = {
    lazyConnect: false,
    // Reconnect soon after a loss, but not in a tight loop.
    retryStrategy: (times: number) => Math.min(100 * times, 1_000),
    maxRetriesPerRequest: null,
  };
  // Auto-pipelining: the publications of one write batch (one per update) leave in one write.
  const publisher = new Redis(options.url, { ...common, enableOfflineQueue: false, enableAutoPipelining: true });
  const subscriber = new Redis(options.url, { ...common, autoResubscribe: true });
  const joined = new Set<string>();
  let everReady = false;
  let lost = false;

  /** What could not be published while the link was down (see the header). */
  const unsentSpaces = new Set<string>();
  const unsentControl: Buffer[] = [];
  const flushOutbox = () => {
    if (publisher.status !== 'ready') return;
    const control = unsentControl.splice(0);
    const spaces = [...unsentSpaces];
    unsentSpaces.clear();
    for (const payload of control) publishControl(payload);
    if (spaces.length > 0) publishControl(Buffer.from(JSON.stringify({ reread: spaces })));
  };

  publisher.on('error', (e: Error) => onError('redis.publisher-error', e.message));
  publisher.on('ready', flushOutbox);
  subscriber.on('error', (e: Error) => onError('redis.subscriber-error', e.message));
  subscriber.on('close', () => {
    if (everReady) lost = true;
  });
  subscriber.on('ready', () => {
    if (!everReady) {
      everReady = true;
      void subscriber.subscribe(CONTROL).catch((e: Error) => onError('redis.subscribe-failed', e.message));
      // Spaces served before Redis was first reached may have missed what other nodes said.
      lost = joined.size > 0;
    }
    // ioredis subscribes again to what it had right after this event; what was published in
    // between is lost to us. A PING queued behind those subscriptions answers once they hold.
    if (lost) {
      lost = false;
      setImmediate(() => {
        subscriber
          .ping()
          .then(() => handlers.reconnected())
          .catch((e: Error) => {
            lost = true; // the next 'ready' tries again
            onError('redis.resubscribe-failed', e.message);
          });
      });
    }
  });

  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString();
    if (channel === CONTROL) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.toString());
      } catch {
        return onError('redis.bad-message', 'control message is not JSON');
      }
      const { devices, erased, reread } = (parsed ?? {}) as { devices?: unknown; erased?: unknown; reread?: unknown };
      if (Array.isArray(reread)) {
        if (reread.every((s) => typeof s === 'string')) handlers.reread(reread as string[]);
        return;
      }
      if (!Array.isArray(devices) || !devices.every((d) => typeof d === 'string')) return;
      handlers.revoked(devices as string[], typeof erased === 'string' ? erased : null);
      return;
    }
    if (!channel.startsWith(SPACE_PREFIX) || message.length < 1 + NODE_ID_BYTES) return;
    // Our own message, back from Redis: already delivered here.
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(nodeId)) return;
    const spaceId = channel.slice(SPACE_PREFIX.length);
    const bytes = new Uint8Array(
      message.buffer,
      message.byteOffset + 1 + NODE_ID_BYTES,
      message.length - 1 - NODE_ID_BYTES,
    );
    if (message[0] === KIND_UPDATE) handlers.update(spaceId, bytes);
    else if (message[0] === KIND_AWARENESS) handlers.awareness(spaceId, bytes);
  });

  // Updates are stored anyway: when one cannot be published, the other nodes are told later to
  // re-read its space.
  const publishUpdateOf = (spaceId: string, payload: Buffer) => {
    if (publisher.status !== 'ready') {
      unsentSpaces.add(spaceId);
      return;
    }
    publisher.publish(SPACE_PREFIX + spaceId, payload).catch((e: Error) => {
      unsentSpaces.add(spaceId);
      onError('redis.publish-failed', e.message);
      flushOutbox(); // if the link came back meanwhile
    });
  };
  const publishControl = (payload: Buffer): void => {
    if (publisher.status !== 'ready') {
      unsentControl.push(payload);
      return;
    }
    publisher.publish(CONTROL, payload).catch((e: Error) => {
      unsentControl.push(payload);
      onError('redis.publish-failed', e.message);
      flushOutbox();
    });
  };
  const publishAwarenessOf = (spaceId: string, payload: Buffer) => {
    if (publisher.status !== 'ready') return; // presence is sent again by the clients
    publisher.publish(SPACE_PREFIX + spaceId, payload).catch((e: Error) => onError('redis.publish-failed', e.message));
  };
  const framed = (kind: number, bytes: Uint8Array) =>
    Buffer.concat([Buffer.from([kind]), nodeId, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);

  return {
    async join(spaceId) {
      joined.add(spaceId);
      const subscribed = subscriber.subscribe(SPACE_PREFIX + spaceId);
      // While Redis is down the subscription waits in ioredis's queue; loading must not wait.
      if (subscriber.status === 'ready')
        await subscribed.catch((e: Error) => onError('redis.subscribe-failed', e.message));
      else subscribed.catch((e: Error) => onError('redis.subscribe-failed', e.message));
    },
    leave(spaceId) {
      if (!joined.delete(spaceId)) return;
      subscriber
        .unsubscribe(SPACE_PREFIX + spaceId)
        .catch((e: Error) => onError('redis.unsubscribe-failed', e.message));
    },
    publishUpdate: (spaceId, update) => publishUpdateOf(spaceId, framed(KIND_UPDATE, update)),
    publishAwareness: (spaceId, update) => publishAwarenessOf(spaceId, framed(KIND_AWARENESS, update)),
    publishRevoked(deviceIds, erasedSpaceId) {
      publishControl(Buffer.from(JSON.stringify({ devices: deviceIds, erased: erasedSpaceId })));
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
