/**
 * What an HTTP exchange's failure or status means for a scan, shared by the HTTP-based targets:
 * a 429 is "rate_limited" (retried), other non-2xx statuses are "http_status" (5xx retried, 4xx not).
 */
import type { ExchangeResult } from "../model.js";
import { excerpt, failed } from "./exchange-result.js";
import type { HttpCallOutcome } from "./http-call.js";
import { parseRetryAfter, withRetryAfter } from "./retry-after.js";

/** What every result of an HTTP exchange records: the wire bodies, the timing and the status. */
export function exchangeFacts(outcome: HttpCallOutcome, wireRequest: string) {
  return {
    wireRequest,
    wireResponse: outcome.body,
    latencyMs: outcome.latencyMs,
    httpStatus: outcome.status,
    truncated: outcome.truncated,
  };
}

/** The failed result for an outcome that did not end in a complete 2xx reply; undefined otherwise. */
export function failedHttpExchange(outcome: HttpCallOutcome, wireRequest: string): ExchangeResult | undefined {
  const facts = exchangeFacts(outcome, wireRequest);
  if (outcome.failure) return failed(outcome.failure.kind, outcome.failure.message, facts);
  const status = outcome.status ?? 0;
  if (status >= 200 && status < 300) return undefined;

  const detail = errorMessageIn(outcome.body);
  const message = `HTTP ${status} ${outcome.statusText}`.trim() + (detail ? `: ${excerpt(detail)}` : "");
  const retryHeader = outcome.headers["retry-after"];
  const retryAfter = parseRetryAfter(Array.isArray(retryHeader) ? retryHeader[0] : retryHeader);
  if (status === 429) return withRetryAfter(failed("rate_limited", message, facts), retryAfter);
  return withRetryAfter(failed("http_status", message, facts), status >= 500 ? retryAfter : undefined);
}

/** The human error message an API put in a JSON error body (`error.message`, `error`, `message`, `detail`). */
export function errorMessageIn(body: string): string | undefined {
  if (!body.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const nested = parsed.error as { message?: unknown } | undefined;
    for (const candidate of [nested?.message, parsed.error, parsed.message, parsed.detail]) {
      if (typeof candidate === "string" && candidate.trim()) return candidate;
    }
  } catch {
    // Not JSON: the status line says enough.
  }
  return undefined;
}

/** Parses a JSON body; undefined when it is not JSON. */
export function parseJsonBody(body: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}
