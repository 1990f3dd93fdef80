import type { ReadinessCheck, SystemFacts } from "./readiness-types.js";

const assessmentAction: Record<SystemFacts["impactAssessment"], string> = {
  none: "Start an impact assessment",
  draft: "Finish and submit the draft impact assessment",
  submitted: "Review and approve the submitted impact assessment",
  stale: "Reassess impact: the system changed since its assessment was approved",
  approved: "",
};

/** The checks for one AI system: owner, review date, impact assessment, risks identified and under control. */
export function systemChecks(system: SystemFacts): ReadinessCheck[] {
  const path = `inventory/systems/${system.id}`;
  const gap = (action: string, severity: "high" | "medium" | "low", at = path) => ({ action, path: at, severity });
  const item = (key: string, label: string, met: boolean, onGap: ReturnType<typeof gap>): ReadinessCheck =>
    met ? { key, label, met } : { key, label, met, gap: onGap };
  return [
    item("owner", "Owner named", system.hasOwner, gap(`Name an owner for ${system.name}`, "medium")),
    item(
      "review",
      "Review date not passed",
      !system.reviewOverdue,
      gap(`Review ${system.name}: its review date has passed`, "low"),
    ),
    item(
      "impact-assessment",
      "Current approved impact assessment",
      system.impactAssessment === "approved",
      gap(
        `${assessmentAction[system.impactAssessment]} for ${system.name}`,
        "high",
        `impact-assessments?systemId=${system.id}`,
      ),
    ),
    item(
      "threat-model",
      "Risks identified",
      system.riskCount > 0,
      gap(`Threat-model ${system.name}`, "high", `risks/threat-model/${system.id}`),
    ),
    item(
      "high-risks",
      "No open high or critical risk",
      system.openHighRisks === 0,
      gap(
        `Treat or accept the ${system.openHighRisks} open high or critical risk(s) of ${system.name}`,
        "high",
        `risks?systemId=${system.id}`,
      ),
    ),
  ];
}
