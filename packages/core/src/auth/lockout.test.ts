import { describe, expect, it } from "vitest";
import { isLocked, LOCKOUT_MINUTES, lockAfterFailure, MAX_FAILED_SIGNINS } from "./lockout.js";

describe("lockout", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("locks on the last allowed failure for the lockout period", () => {
    expect(lockAfterFailure(MAX_FAILED_SIGNINS - 1, now)).toBeNull();
    const until = lockAfterFailure(MAX_FAILED_SIGNINS, now);
    expect(until?.getTime()).toBe(now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date((until as Date).getTime() + 1))).toBe(false);
  });
});
