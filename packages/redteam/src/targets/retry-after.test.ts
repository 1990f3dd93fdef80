import { describe, expect, it } from "vitest";
import type { ExchangeResult } from "../model.js";
import { parseRetryAfter, retryAfterOf, withRetryAfter } from "./retry-after.js";

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    expect(parseRetryAfter("1.5")).toBe(1500);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
  });

  it("ignores missing or unreadable values", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-1")).toBeUndefined();
  });
});

describe("withRetryAfter", () => {
  it("keeps the hint beside the result without changing it", () => {
    const result = { ok: false } as ExchangeResult;
    withRetryAfter(result, 1200);
    expect(retryAfterOf(result)).toBe(1200);
    expect(Object.keys(result)).toEqual(["ok"]);
    expect(retryAfterOf({ ok: true } as ExchangeResult)).toBeUndefined();
  });
});
