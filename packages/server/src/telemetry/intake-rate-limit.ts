/** Tokens remembered at most; the least recently used are forgotten first. */
const MAX_TOKENS = 10_000;

/**
 * Spans per second each API token may send to the intake, as a token bucket holding one second's
 * worth: bursts up to that size pass, a steady rate above it is refused with the wait until enough
 * has refilled. Counted in this server's memory; with several servers each allows the rate.
 */
export class IntakeRateLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(private readonly spansPerSecond: number) {}

  /** Takes `spans` from the token's bucket; null when allowed, else the seconds to wait. */
  take(tokenId: string, spans: number, now = Date.now()): number | null {
    const capacity = this.spansPerSecond;
    const bucket = this.buckets.get(tokenId) ?? { level: capacity, at: now };
    bucket.level = Math.min(capacity, bucket.level + ((now - bucket.at) / 1000) * this.spansPerSecond);
    bucket.at = now;
    this.buckets.delete(tokenId);
    this.buckets.set(tokenId, bucket);
    if (this.buckets.size > MAX_TOKENS) this.buckets.delete(this.buckets.keys().next().value as string);
    // A batch larger than the whole bucket passes when the bucket is full, so no batch size is refused forever.
    const cost = Math.min(spans, capacity);
    if (bucket.level >= cost) {
      bucket.level -= cost;
      return null;
    }
    return Math.max(1, Math.ceil((cost - bucket.level) / this.spansPerSecond));
  }
}
