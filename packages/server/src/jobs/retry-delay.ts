/** How long a failed job waits before its next attempt. */
export interface RetryPolicy {
  /** The wait after the first failure. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

/** 10 s, 20 s, 40 s … capped at an hour: eight attempts span about twenty minutes. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 10_000, maxMs: 3_600_000 };

/**
 * The wait before attempt `failedAttempt + 1`: doubling from `baseMs`, capped at `maxMs`, of which a
 * random half is taken away ("equal jitter"), so jobs that failed together (a receiver that was down)
 * do not all come back in the same instant. `random` is in [0, 1).
 */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy, random: number = Math.random()): number {
  const exponent = Math.max(0, Math.min(failedAttempt - 1, 40));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
