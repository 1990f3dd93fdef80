import { describe, expect, it } from "vitest";
import { isoFromLocal, localFromIso } from "./local-time";

describe("datetime-local values", () => {
  it("round-trip through ISO times to the minute", () => {
    const local = "2026-05-01T09:30";
    expect(localFromIso(isoFromLocal(local))).toBe(local);
    expect(isoFromLocal(local)).toMatch(/^2026-0[45]-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it("leave text that is not a time for the contract to refuse", () => {
    expect(isoFromLocal("yesterday")).toBe("yesterday");
  });
});
