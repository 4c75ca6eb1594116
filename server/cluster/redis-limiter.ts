/**
 * Token buckets kept in Redis, so that a limit per address holds across every node (behind a load
 * balancer an address would otherwise get the limit once per node). One Lua script refills and
 * takes atomically, on Redis's clock. Keys are hashes of the address, and expire once the bucket
 * would be full again. While Redis cannot answer, each node falls back to its own buckets: the
 * limits still hold, per node.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { makeRateLimiter, type SharedRateLimiter } from '../auth/rate-limit.ts';

const TAKE = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / perMs) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return wait
`;

export interface RedisLimiters {
  /** A limiter named `name` (one bucket per key and name) of `capacity` tokens refilled at `perSecond`. */
  limiter(name: string, capacity: number, perSecond: number): SharedRateLimiter;
  close(): Promise<void>;
}

export function makeRedisLimiters(url: string, onError: (event: string, error: string) => void): RedisLimiters {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(100 * times, 1_000),
  });
  redis.on('error', (e: Error) => onError('redis.limiter-error', e.message));
  return {
    limiter(name, capacity, perSecond) {
      const fallback = makeRateLimiter(capacity, perSecond);
      const perMs = perSecond / 1000;
      return {
        async take(key) {
          if (redis.status === 'ready') {
            const hashed = crypto.createHash('sha256').update(key).digest('hex').slice(0, 32);
            try {
              const wait = Number(await redis.eval(TAKE, 1, `rapport:limit:${name}:${hashed}`, capacity, perMs));
              return wait === 0 ? { ok: true } : { ok: false, retryAfter: Math.ceil(wait / 1000) };
            } catch (error) {
              onError('redis.limiter-failed', error instanceof Error ? error.message : String(error));
            }
          }
          const now = Date.now();
          return fallback.take(key, now) ? { ok: true } : { ok: false, retryAfter: fallback.retryAfter(key, now) };
        },
      };
    },
    async close() {
      redis.disconnect();
    },
  };
}
