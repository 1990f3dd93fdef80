import { describe, expect, it } from "vitest";
import { AnonymousReportLimiter } from "./concern-rate-limit.js";

describe("anonymous report limit", () => {
  it("allows a few reports per client and window, then refuses until the window has passed", () => {
    const limiter = new AnonymousReportLimiter(3, 1000);
    expect([1, 2, 3, 4].map(() => limiter.allow("203.0.113.7", 0))).toEqual([true, true, true, false]);
    expect(limiter.allow("203.0.113.8", 0)).toBe(true);
    expect(limiter.allow("203.0.113.7", 999)).toBe(false);
    expect(limiter.allow("203.0.113.7", 1001)).toBe(true);
  });

  it("counts an IPv6 client per /64 network", () => {
    const limiter = new AnonymousReportLimiter(1, 1000);
    expect(limiter.allow("2001:db8:1:2::1", 0)).toBe(true);
    expect(limiter.allow("2001:db8:1:2::ffff", 0)).toBe(false);
  });
});
