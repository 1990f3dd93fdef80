// @ts-check
/**
 * A token bucket per client: `burst` requests at once, refilled at `burst` per second. The hardened
 * app answers 429 with Retry-After: 1 when a client's bucket is empty.
 */

/** Clients remembered at once; the oldest are forgotten first. */
const MAX_CLIENTS = 10_000;

/**
 * @param {{ burst: number, now?: () => number }} options
 * @returns {{ take(client: string): boolean }}
 */
export function createRateLimiter({ burst, now = Date.now }) {
  /** @type {Map<string, { tokens: number, at: number }>} */
  const buckets = new Map();
  return {
    take(client) {
      const time = now();
      const bucket = buckets.get(client) ?? { tokens: burst, at: time };
      buckets.delete(client);
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * burst);
      bucket.at = time;
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      buckets.set(client, bucket);
      if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value ?? "");
      return allowed;
    },
  };
}
