import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseTokens } from "./case-tokens.js";

describe("caseTokens", () => {
  it("has the documented shapes", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ minLength: 1 }), (seed, caseId) => {
        const tokens = caseTokens(seed, caseId);
        expect(tokens.canary).toMatch(/^CNRY-[0-9A-F]{12}$/);
        expect(tokens.marker).toMatch(/^TRG-[0-9A-F]{10}$/);
        expect(tokens.trapToken).toMatch(/^[0-9a-f]{16}$/);
      }),
      { numRuns: 100 },
    );
  });

  it("is deterministic and specific to seed and case", () => {
    expect(caseTokens(1, "PI-001:plain")).toEqual(caseTokens(1, "PI-001:plain"));
    expect(caseTokens(1, "PI-001:plain").canary).not.toBe(caseTokens(2, "PI-001:plain").canary);
    expect(caseTokens(1, "PI-001:plain").marker).not.toBe(caseTokens(1, "PI-001:base64").marker);
  });

  it("pins one value so the derivation cannot change silently", () => {
    expect(caseTokens(42, "PI-001:plain")).toEqual(PINNED);
  });
});

const PINNED = { canary: "CNRY-658BD35E55AF", marker: "TRG-BB41CF0329", trapToken: "3bcdcac12ee65878" };
