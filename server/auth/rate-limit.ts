/**
 * Token buckets keyed by a string (an IP address, a space id). Bounded in memory: when the map
 * is full, the bucket idle the longest is dropped (Map keeps insertion order; we re-insert on use).
 */
export interface RateLimiter {
  /** Takes one token; false when the key is over its rate. */
  take(key: string, now?: number): boolean;
  /** Seconds until one token is available again. */
  retryAfter(key: string, now?: number): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function makeRateLimiter(capacity: number, perSecond: number, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refill = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key);
    if (bucket === undefined) {
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (oldest.done !== true) buckets.delete(oldest.value);
      }
      const fresh = { tokens: capacity, at: now };
      buckets.set(key, fresh);
      return fresh;
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.delete(key);
    buckets.set(key, bucket);
    return bucket;
  };
  return {
    take(key, now = Date.now()) {
      const bucket = refill(key, now);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    retryAfter(key, now = Date.now()) {
      const bucket = refill(key, now);
      return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / perSecond);
    },
  };
}

/**
 * A limiter whose buckets may live elsewhere (Redis, shared by several nodes): asynchronous, and
 * answering with how long to wait when the key is over its rate.
 */
export interface SharedRateLimiter {
  take(key: string): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
}

/** A process's own buckets behind the shared interface (one node). */
export function localRateLimiter(limiter: RateLimiter): SharedRateLimiter {
  return {
    take: async (key) => {
      const now = Date.now();
      return limiter.take(key, now) ? { ok: true } : { ok: false, retryAfter: limiter.retryAfter(key, now) };
    },
  };
}
