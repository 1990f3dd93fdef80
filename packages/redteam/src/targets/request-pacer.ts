/**
 * Pacing between the runner and a target: at most `concurrency` exchanges in flight (lowered while
 * the target answers 429), an optional requests-per-minute cap, and retries of transient failures
 * with exponential back-off that honours Retry-After.
 */
import type { ExchangeRequest, ExchangeResult, Target } from "../model.js";
import { createAdaptiveGate } from "./adaptive-gate.js";
import { failed } from "./exchange-result.js";
import { retryAfterOf } from "./retry-after.js";
import { isRetryable, retryDelayMs, targetCoped } from "./retry-policy.js";

/** Attempts after a 429 before giving up, whatever `retries` says (each waits out Retry-After or back-off). */
export const RATE_LIMITED_RETRIES = 10;

export interface PacerOptions {
  concurrency: number;
  requestsPerMinute?: number;
  /** Extra attempts after a transient failure. */
  retries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits `ms`, resolving early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for the rate cap and Retry-After pauses (milliseconds). */
  now?: () => number;
}

export interface PacedTarget extends Target {
  /** One attempt outside all pacing (no queue, no rate cap, no retry), for the bounded burst probe. */
  sendUnpaced(request: ExchangeRequest, signal?: AbortSignal): Promise<ExchangeResult>;
  /** The current state, for progress displays. */
  pacing(): { concurrencyLimit: number; inFlight: number; waiting: number };
}

export function pacedTarget(target: Target, options: PacerOptions): PacedTarget {
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const delays = { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: options.maxDelayMs ?? 30_000 };
  const gate = createAdaptiveGate(options.concurrency);
  const spacingMs = options.requestsPerMinute ? 60_000 / options.requestsPerMinute : 0;
  let nextStartAt = 0;
  /** After a 429 with Retry-After nobody starts a request before this time. */
  let pausedUntil = 0;

  const waitForRateSlot = async (signal?: AbortSignal) => {
    if (spacingMs === 0) return;
    const start = Math.max(now(), nextStartAt);
    nextStartAt = start + spacingMs;
    if (start > now()) await sleep(start - now(), signal);
  };

  async function send(request: ExchangeRequest, signal?: AbortSignal): Promise<ExchangeResult> {
    let attempts = 0;
    let last: ExchangeResult | undefined;
    for (;;) {
      const pause = pausedUntil - now();
      if (pause > 0) await sleep(pause, signal);
      const ticket = signal?.aborted ? undefined : await gate.acquire(signal, attempts > 0);
      if (!ticket) return aborted(last, attempts);
      let result: ExchangeResult;
      try {
        await waitForRateSlot(signal);
        if (signal?.aborted) return aborted(last, attempts);
        attempts++;
        result = await target.send(request, signal);
      } finally {
        ticket.release();
      }
      last = result;
      if (targetCoped(result)) gate.succeeded();
      const hint = retryAfterOf(result);
      const delay = retryDelayMs(attempts, hint, delays);
      const sharedPause = result.error?.kind === "rate_limited" && hint !== undefined;
      if (result.error?.kind === "rate_limited") gate.rateLimited(ticket);
      // Everyone waits out a Retry-After (even when this request gives up); back-off delays only this one.
      if (sharedPause) pausedUntil = Math.max(pausedUntil, now() + delay);
      // Throttling is the target pacing us, not failing: it gets a longer budget than other failures.
      const budget =
        result.error?.kind === "rate_limited" ? Math.max(options.retries, RATE_LIMITED_RETRIES) : options.retries;
      if (result.ok || !isRetryable(result) || attempts > budget) return { ...result, attempts };
      if (!sharedPause) await sleep(delay, signal);
      if (signal?.aborted) return aborted(last, attempts);
    }
  }

  return {
    capabilities: () => target.capabilities(),
    send,
    async sendUnpaced(request, signal) {
      return { ...(await target.send(request, signal)), attempts: 1 };
    },
    pacing: () => ({ concurrencyLimit: gate.limit(), inFlight: gate.inFlight(), waiting: gate.waiting() }),
    close: () => target.close(),
  };
}

function aborted(last: ExchangeResult | undefined, attempts: number): ExchangeResult {
  const result = failed("aborted", "aborted", {
    wireRequest: last?.wire.request ?? "",
    wireResponse: last?.wire.response ?? "",
    latencyMs: last?.latencyMs ?? 0,
    httpStatus: last?.httpStatus,
  });
  return { ...result, attempts };
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
