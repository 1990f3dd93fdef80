import { describe, expect, it } from "vitest";
import { dayOf, resolveAsOf } from "./review-as-of.js";

const now = new Date("2026-05-10T12:00:00.000Z");

describe("the instant a pack is read as of", () => {
  it("is now when nothing is given", () => {
    expect(resolveAsOf(undefined, now)).toEqual({ ok: true, asOf: now });
  });

  it("reads a past date as the end of that day in UTC, and today's date as now", () => {
    expect(resolveAsOf("2026-03-31", now)).toEqual({ ok: true, asOf: new Date("2026-03-31T23:59:59.999Z") });
    expect(resolveAsOf("2026-05-10", now)).toEqual({ ok: true, asOf: now });
    expect(resolveAsOf("2027-01-01", now)).toEqual({ ok: true, asOf: now });
  });

  it("takes a timestamp as that instant and refuses one in the future", () => {
    expect(resolveAsOf("2026-04-01T08:30:00+02:00", now)).toEqual({
      ok: true,
      asOf: new Date("2026-04-01T06:30:00.000Z"),
    });
    expect(resolveAsOf("2026-05-10T12:00:01Z", now)).toEqual({ ok: false, message: "must not be in the future" });
    expect(resolveAsOf("2026-02-30", now)).toEqual({ ok: false, message: "is not a calendar date" });
    expect(resolveAsOf("soon", now)).toMatchObject({ ok: false });
  });

  it("gives the UTC day of an instant", () => {
    expect(dayOf(new Date("2026-03-31T23:59:59.999Z"))).toBe("2026-03-31");
  });
});
