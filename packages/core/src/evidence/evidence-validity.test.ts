import { describe, expect, it } from "vitest";
import { checkEvidenceDates, deriveValidUntil, EXPIRING_SOON_DAYS, evidenceValidity } from "./evidence-validity.js";

const collectedAt = new Date("2025-01-10T00:00:00Z");

describe("deriveValidUntil", () => {
  it("keeps an explicit date over any control freshness", () => {
    const explicit = new Date("2025-06-01T00:00:00Z");
    expect(deriveValidUntil({ collectedAt, explicitValidUntil: explicit, freshnessDays: [5] })).toEqual({
      validUntil: explicit,
      basis: "explicit",
    });
  });

  it("takes the shortest freshness period of the linked controls", () => {
    const result = deriveValidUntil({ collectedAt, explicitValidUntil: null, freshnessDays: [90, null, 30, 365] });
    expect(result).toEqual({ validUntil: new Date("2025-02-09T00:00:00Z"), basis: "control_freshness" });
  });

  it("does not expire when no linked control sets a freshness period", () => {
    expect(deriveValidUntil({ collectedAt, explicitValidUntil: null, freshnessDays: [null, null] })).toEqual({
      validUntil: null,
      basis: "none",
    });
    expect(deriveValidUntil({ collectedAt, explicitValidUntil: null, freshnessDays: [] }).basis).toBe("none");
  });

  it("ignores a zero or negative period rather than expiring evidence at once", () => {
    expect(deriveValidUntil({ collectedAt, explicitValidUntil: null, freshnessDays: [0, -3] }).validUntil).toBeNull();
  });
});

describe("evidenceValidity", () => {
  const now = new Date("2025-03-01T12:00:00Z");

  it("treats evidence without an expiry as current for good", () => {
    expect(evidenceValidity(null, now)).toEqual({ state: "current", expiresSoon: false });
  });

  it("is expired from the valid-until instant on", () => {
    expect(evidenceValidity(now, now).state).toBe("expired");
    expect(evidenceValidity(new Date("2025-02-01T00:00:00Z"), now)).toEqual({ state: "expired", expiresSoon: false });
  });

  it("flags evidence ending within the horizon as expiring soon", () => {
    const inTen = new Date("2025-03-11T12:00:00Z");
    const inSixty = new Date("2025-04-30T12:00:00Z");
    expect(evidenceValidity(inTen, now)).toEqual({ state: "current", expiresSoon: true });
    expect(evidenceValidity(inSixty, now)).toEqual({ state: "current", expiresSoon: false });
    expect(evidenceValidity(inSixty, now, 90).expiresSoon).toBe(true);
    expect(EXPIRING_SOON_DAYS).toBe(30);
  });
});

describe("checkEvidenceDates", () => {
  const now = new Date("2025-03-01T00:00:00Z");

  it("accepts a past collection with a later expiry", () => {
    expect(checkEvidenceDates(collectedAt, new Date("2025-02-01T00:00:00Z"), now)).toBeNull();
    expect(checkEvidenceDates(collectedAt, null, now)).toBeNull();
  });

  it("refuses a collection date in the future", () => {
    expect(checkEvidenceDates(new Date("2025-03-05T00:00:00Z"), null, now)?.field).toBe("collectedAt");
  });

  it("refuses an expiry on or before the collection", () => {
    expect(checkEvidenceDates(collectedAt, collectedAt, now)?.field).toBe("validUntil");
    expect(checkEvidenceDates(collectedAt, new Date("2025-01-01T00:00:00Z"), now)?.message).toContain("after");
  });
});
