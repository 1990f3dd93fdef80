import { describe, expect, it } from "vitest";
import type { ExchangeErrorKind, ExchangeResult } from "../model.js";
import { isRetryable, retryDelayMs, targetCoped } from "./retry-policy.js";

function failure(kind: ExchangeErrorKind, httpStatus?: number): ExchangeResult {
  return {
    ok: false,
    reply: "",
    toolCalls: null,
    httpStatus,
    latencyMs: 1,
    attempts: 1,
    truncated: false,
    error: { kind, message: kind },
    wire: { request: "", response: "" },
  };
}

describe("isRetryable", () => {
  it("retries transient failures only", () => {
    expect(isRetryable(failure("timeout"))).toBe(true);
    expect(isRetryable(failure("network"))).toBe(true);
    expect(isRetryable(failure("rate_limited", 429))).toBe(true);
    expect(isRetryable(failure("http_status", 503))).toBe(true);
    expect(isRetryable(failure("http_status", 404))).toBe(false);
    expect(isRetryable(failure("bad_reply", 200))).toBe(false);
    expect(isRetryable(failure("aborted"))).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const options = { baseDelayMs: 250, maxDelayMs: 5000 };

  it("doubles from the base delay and stops at the maximum", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, undefined, options))).toEqual([
      250, 500, 1000, 2000, 4000, 5000,
    ]);
  });

  it("prefers Retry-After, capped", () => {
    expect(retryDelayMs(1, 1200, options)).toBe(1200);
    expect(retryDelayMs(1, 0, options)).toBe(0);
    expect(retryDelayMs(1, 3_600_000, options)).toBe(5000);
  });
});

describe("targetCoped", () => {
  it("counts answers that are not overload signals", () => {
    expect(targetCoped({ ...failure("bad_reply", 200), ok: true })).toBe(true);
    expect(targetCoped(failure("http_status", 400))).toBe(true);
    expect(targetCoped(failure("rate_limited", 429))).toBe(false);
    expect(targetCoped(failure("http_status", 502))).toBe(false);
    expect(targetCoped(failure("timeout"))).toBe(false);
  });
});
