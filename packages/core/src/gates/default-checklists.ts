import type { GateCheckConfig, ImpactTier, LifecycleStage } from "@openaims/contracts";

/**
 * The checklist an organisation starts with for moving a system into `stage`, by the system's
 * impact tier: nothing to enter planning, design or development, or to retire; the assessments to
 * enter validation; and for deployment and operation the assessments, the risks, a recent security
 * test and sign-off, stricter as the impact rises. Organisations change these to suit.
 */
export function defaultGateChecklist(stage: LifecycleStage, tier: ImpactTier): GateCheckConfig[] {
  if (stage === "validation") {
    if (tier === "low") return [{ kind: "risk_review_recent", maxAgeDays: 365 }];
    return [{ kind: "risk_review_recent", maxAgeDays: 180 }, { kind: "impact_assessment_current" }];
  }
  if (stage !== "deployment" && stage !== "operation") return [];
  switch (tier) {
    case "low":
      return [
        { kind: "risk_review_recent", maxAgeDays: 365 },
        { kind: "high_risks_accepted", minRating: "critical" },
        { kind: "security_test_recent", maxAgeDays: 180, blockingSeverity: "critical" },
      ];
    case "medium":
      return [
        { kind: "risk_review_recent", maxAgeDays: 180 },
        { kind: "impact_assessment_current" },
        { kind: "high_risks_accepted", minRating: "high" },
        { kind: "security_test_recent", maxAgeDays: 90, blockingSeverity: "high" },
        { kind: "sign_offs", roles: ["compliance_manager"] },
      ];
    case "high":
      return [
        { kind: "risk_review_recent", maxAgeDays: 90 },
        { kind: "impact_assessment_current" },
        { kind: "high_risks_accepted", minRating: "high" },
        { kind: "security_test_recent", maxAgeDays: 30, blockingSeverity: "medium" },
        { kind: "sign_offs", roles: ["compliance_manager", "owner"] },
      ];
  }
}
