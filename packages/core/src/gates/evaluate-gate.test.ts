import { describe, expect, it } from "vitest";
import { defaultGateChecklist } from "./default-checklists.js";
import { evaluateGate, type GateFacts, type GateRiskFact, type GateScanFact } from "./evaluate-gate.js";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const risk = (ref: string, extra: Partial<GateRiskFact> = {}): GateRiskFact => ({
  ref,
  rating: "medium",
  open: true,
  reviewedAt: daysAgo(10),
  needsReReview: false,
  acceptedUntil: null,
  ...extra,
});

/** A system that passes every default check of the high tier. */
const ready = (): GateFacts => ({
  now,
  impactAssessment: { state: "approved", ref: "IA-4" },
  risks: [risk("R-1"), risk("R-2", { rating: "high", acceptedUntil: daysAgo(-30) })],
  latestScan: { ref: "RT-7", finishedAt: daysAgo(3), openFindings: ["low"] },
  signOffs: [
    { role: "compliance_manager", name: "Casey Compliance" },
    { role: "owner", name: "Olu Owner" },
  ],
});

const highTier = defaultGateChecklist("deployment", "high");

describe("a release gate", () => {
  it("passes when every check passes, and says what each one found", () => {
    const result = evaluateGate(highTier, ready());
    expect(result.passed).toBe(true);
    expect(result.checks.map((check) => [check.kind, check.passed])).toEqual([
      ["risk_review_recent", true],
      ["impact_assessment_current", true],
      ["high_risks_accepted", true],
      ["security_test_recent", true],
      ["sign_offs", true],
    ]);
    expect(result.checks[4]?.finding).toBe("Signed by Casey Compliance (Compliance manager) and Olu Owner (Owner).");
  });

  it("fails on a stale impact assessment and names it", () => {
    const facts = { ...ready(), impactAssessment: { state: "stale" as const, ref: "IA-4" } };
    const result = evaluateGate(highTier, facts);
    expect(result.passed).toBe(false);
    const check = result.checks.find((c) => c.kind === "impact_assessment_current");
    expect(check).toMatchObject({ passed: false, finding: expect.stringMatching(/^IA-4 is stale/) });
    expect(result.checks.filter((c) => !c.passed)).toHaveLength(1);
  });

  it("asks for review of risks a material change touched, never reviewed, or reviewed too long ago", () => {
    const facts = {
      ...ready(),
      risks: [
        risk("R-1", { needsReReview: true }),
        risk("R-2", { reviewedAt: null }),
        risk("R-3", { reviewedAt: daysAgo(91) }),
        risk("R-4", { reviewedAt: daysAgo(90) }),
        risk("R-5", { reviewedAt: null, open: false }),
      ],
    };
    const check = evaluateGate([{ kind: "risk_review_recent", maxAgeDays: 90 }], facts).checks[0];
    expect(check?.passed).toBe(false);
    expect(check?.finding).toBe(
      "To review: R-1 (changed materially since its review), R-2 (never reviewed) and R-3 (last reviewed 2026-09-01).",
    );
  });

  it("counts a high risk as blocking unless its acceptance is current", () => {
    const check = (acceptedUntil: Date | null, rating: GateRiskFact["rating"] = "high") =>
      evaluateGate([{ kind: "high_risks_accepted", minRating: "high" }], {
        ...ready(),
        risks: [risk("R-9", { rating, acceptedUntil })],
      }).checks[0];
    expect(check(null)).toMatchObject({ passed: false, finding: expect.stringContaining("R-9 (High)") });
    expect(check(daysAgo(1))?.passed).toBe(false);
    expect(check(daysAgo(-1))?.passed).toBe(true);
    expect(check(null, "critical")?.passed).toBe(false);
    expect(check(null, "medium")?.passed).toBe(true);
    expect(check(null, null)?.passed).toBe(true);
    const criticalOnly = evaluateGate([{ kind: "high_risks_accepted", minRating: "critical" }], {
      ...ready(),
      risks: [risk("R-9", { rating: "high" })],
    });
    expect(criticalOnly.passed).toBe(true);
  });

  it("needs a finished security test young enough with no open finding at the blocking severity", () => {
    const config = [{ kind: "security_test_recent" as const, maxAgeDays: 30, blockingSeverity: "high" as const }];
    const withScan = (latestScan: GateFacts["latestScan"]) => ({ ...ready(), latestScan });
    const finished = (days: number, openFindings: GateScanFact["openFindings"]) => ({
      ref: "RT-7",
      finishedAt: daysAgo(days),
      openFindings,
    });
    expect(evaluateGate(config, withScan(null)).checks[0]?.finding).toBe("The system has no finished security test.");
    expect(evaluateGate(config, withScan(finished(31, []))).checks[0]).toMatchObject({
      passed: false,
      finding: "The latest, RT-7, finished on 2026-10-31, 31 days ago.",
    });
    expect(evaluateGate(config, withScan(finished(2, ["medium", "high", "critical"]))).checks[0]).toMatchObject({
      passed: false,
      finding: "RT-7 has 2 open findings of high severity or worse.",
    });
    expect(evaluateGate(config, withScan(finished(30, ["medium"]))).passed).toBe(true);
  });

  it("waits for each named sign-off role", () => {
    const facts = { ...ready(), signOffs: [{ role: "owner" as const, name: "Olu Owner" }] };
    const check = evaluateGate([{ kind: "sign_offs", roles: ["compliance_manager", "owner"] }], facts).checks[0];
    expect(check).toMatchObject({
      passed: false,
      requirement: "Signed off by: Compliance manager and Owner",
      finding: "Waiting for: Compliance manager.",
    });
  });

  it("passes an empty checklist", () => {
    expect(evaluateGate([], { ...ready(), impactAssessment: { state: "none", ref: null } })).toEqual({
      passed: true,
      checks: [],
    });
  });
});

describe("default gate checklists", () => {
  it("ask nothing to plan, design, develop or retire", () => {
    for (const stage of ["planned", "design", "development", "retired"] as const)
      for (const tier of ["low", "medium", "high"] as const) expect(defaultGateChecklist(stage, tier)).toEqual([]);
  });

  it("grow stricter with the impact tier for deployment and operation", () => {
    for (const stage of ["deployment", "operation"] as const) {
      const kinds = (tier: "low" | "medium" | "high") => defaultGateChecklist(stage, tier).map((check) => check.kind);
      expect(kinds("low")).not.toContain("impact_assessment_current");
      expect(kinds("medium")).toContain("impact_assessment_current");
      expect(kinds("high")).toEqual(kinds("medium"));
      const scanAge = (tier: "low" | "medium" | "high") =>
        defaultGateChecklist(stage, tier).find((check) => check.kind === "security_test_recent");
      expect(scanAge("high")).toMatchObject({ maxAgeDays: 30, blockingSeverity: "medium" });
      expect(scanAge("low")).toMatchObject({ maxAgeDays: 180, blockingSeverity: "critical" });
    }
  });

  it("are valid against the checklist schema", async () => {
    const { gateCheckConfigSchema } = await import("@openaims/contracts");
    for (const stage of ["validation", "deployment", "operation"] as const)
      for (const tier of ["low", "medium", "high"] as const)
        for (const check of defaultGateChecklist(stage, tier))
          expect(gateCheckConfigSchema.safeParse(check).success, `${stage} ${tier} ${check.kind}`).toBe(true);
  });
});
