/** Which failed exchanges are worth another attempt, and how long to wait before it. */
import type { ExchangeResult } from "../model.js";

/** Timeouts, network errors, 429 and 5xx are transient; 4xx, bad replies and aborts are not. */
export function isRetryable(result: ExchangeResult): boolean {
  switch (result.error?.kind) {
    case "timeout":
    case "network":
    case "rate_limited":
      return true;
    case "http_status":
      return (result.httpStatus ?? 0) >= 500;
    default:
      return false;
  }
}

/**
 * Delay before attempt `failedAttempts + 1`: the server's Retry-After when it gave one, else
 * exponential back-off from `baseDelayMs`; never more than `maxDelayMs`.
 */
export function retryDelayMs(
  failedAttempts: number,
  retryAfterMs: number | undefined,
  options: { baseDelayMs: number; maxDelayMs: number },
): number {
  const wanted = retryAfterMs ?? options.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(wanted, options.maxDelayMs);
}

/** The response answered, so the target is coping: anything but a 429, a 5xx or no answer at all. */
export function targetCoped(result: ExchangeResult): boolean {
  if (result.ok) return true;
  const status = result.httpStatus;
  return status !== undefined && status !== 429 && status < 500;
}
