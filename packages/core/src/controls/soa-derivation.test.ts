import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../audit/canonical-json.js";
import { compareRefs, deriveSoa, type SoaControlInput } from "./soa-derivation.js";

function control(overrides: Partial<SoaControlInput>): SoaControlInput {
  return {
    ref: "A.2.2",
    title: "AI policy",
    kind: "annex_a",
    areaId: "A.2",
    applicable: true,
    justification: "We run AI systems.",
    overrideReason: null,
    implementationStatus: "implemented",
    ownerName: "Ada",
    risks: [],
    evidenceState: "current",
    evidenceRefs: ["E-10", "E-2"],
    ...overrides,
  };
}

describe("deriveSoa", () => {
  it("derives one row per control with effective status and sorted refs", () => {
    const soa = deriveSoa([
      control({
        risks: [
          { ref: "R-10", open: true },
          { ref: "R-9", open: false },
        ],
      }),
      control({ ref: "A.2.3", evidenceState: "expired" }),
    ]);
    expect(soa.rows).toHaveLength(2);
    expect(soa.rows[0]).toMatchObject({
      ref: "A.2.2",
      effectiveStatus: "implemented",
      riskRefs: ["R-9", "R-10"],
      evidenceRefs: ["E-2", "E-10"],
      owner: "Ada",
    });
    expect(soa.rows[1]?.effectiveStatus).toBe("evidence_expired");
    expect(soa.issues).toEqual([]);
    expect(soa.contentHash).toBe(createHash("sha256").update(canonicalJson(soa.rows)).digest("hex"));
  });

  it("lists undecided controls, missing justifications and exclusions that leave open risks untreated", () => {
    const soa = deriveSoa([
      control({ ref: "A.2.2", applicable: null, justification: null }),
      control({ ref: "A.2.3", applicable: false, justification: "" }),
      control({ ref: "A.2.4", applicable: false, risks: [{ ref: "R-1", open: true }] }),
      control({ ref: "A.3.2", applicable: false, risks: [{ ref: "R-2", open: true }], overrideReason: "Accepted" }),
      control({ ref: "A.3.3", applicable: false, risks: [{ ref: "R-3", open: false }] }),
    ]);
    expect(soa.issues.map((issue) => [issue.kind, issue.ref])).toEqual([
      ["undecided", "A.2.2"],
      ["missing_justification", "A.2.3"],
      ["excluded_treats_open_risk", "A.2.4"],
    ]);
    expect(soa.issues[2]?.message).toContain("R-1");
  });

  it("counts decisions and the effective status of applicable controls", () => {
    const soa = deriveSoa([
      control({}),
      control({ ref: "A.2.3", evidenceState: "missing" }),
      control({ ref: "A.2.4", applicable: false }),
      control({ ref: "A.3.2", applicable: null, justification: null }),
    ]);
    expect(soa.summary).toMatchObject({ total: 4, applicable: 2, notApplicable: 1, undecided: 1 });
    expect(soa.summary.byEffectiveStatus.implemented).toBe(1);
    expect(soa.summary.byEffectiveStatus.implemented_without_evidence).toBe(1);
    expect(soa.summary.byEffectiveStatus.not_applicable).toBe(0);
  });

  it("changes the hash when anything in a row changes", () => {
    const base = deriveSoa([control({})]).contentHash;
    expect(deriveSoa([control({})]).contentHash).toBe(base);
    expect(deriveSoa([control({ justification: "Other reason." })]).contentHash).not.toBe(base);
    expect(deriveSoa([control({ evidenceState: "expired" })]).contentHash).not.toBe(base);
  });
});

describe("compareRefs", () => {
  it("orders refs the way people number them", () => {
    expect(["A.10.2", "A.2.2", "A.9.4", "C-10", "C-2"].sort(compareRefs)).toEqual([
      "A.2.2",
      "A.9.4",
      "A.10.2",
      "C-2",
      "C-10",
    ]);
  });
});
