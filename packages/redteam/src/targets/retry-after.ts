/**
 * A target's "come back later" hint. ExchangeResult has no field for it, so targets attach the hint
 * to the result object here and the pacer reads it back; it never reaches transcripts.
 */
import type { ExchangeResult } from "../model.js";

const hints = new WeakMap<ExchangeResult, number>();

/**
 * Milliseconds a Retry-After header asks for: delay-seconds or an HTTP date; undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // HTTP dates always name the weekday and month; this keeps "-1" from parsing as a year.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Attaches a Retry-After hint (ms) to a result; returns the result. */
export function withRetryAfter(result: ExchangeResult, delayMs: number | undefined): ExchangeResult {
  if (delayMs !== undefined) hints.set(result, delayMs);
  return result;
}

export function retryAfterOf(result: ExchangeResult): number | undefined {
  return hints.get(result);
}
