import { agentChecks } from "./agent-checks.js";
import { impactGroup, threatModelGroup } from "./clause-checks.js";
import { modelChecks } from "./model-checks.js";
import type { ReadinessCheck, ReadinessGap, SystemFacts } from "./readiness-types.js";
import { countOf } from "./readiness-wording.js";

const assessmentAction: Record<SystemFacts["impactAssessment"], (name: string) => string> = {
  none: (name) => `Start an impact assessment for ${name}`,
  draft: (name) => `Finish and submit the draft impact assessment for ${name}`,
  submitted: (name) => `Review and approve the submitted impact assessment for ${name}`,
  stale: (name) => `Reassess the impact of ${name}: it changed since its assessment was approved`,
  approved: () => "",
};

/** The checks for one AI system: owner, review date, impact assessment, risks identified and under control, and its models. */
export function systemChecks(system: SystemFacts): ReadinessCheck[] {
  const path = `inventory/systems/${system.id}`;
  const gap = (action: string, severity: ReadinessGap["severity"], group: ReadinessGap["group"], at = path) => ({
    action,
    path: at,
    severity,
    group,
  });
  const item = (key: string, label: string, met: boolean, onGap: ReadinessGap): ReadinessCheck =>
    met ? { key, label, met } : { key, label, met, gap: onGap };
  return [
    item(
      "owner",
      "Owner named",
      system.hasOwner,
      gap(`Name an owner for ${system.name}`, "medium", {
        key: "system-owners",
        action: "Name an owner for each AI system",
        path: "inventory/systems",
        step: "inventory",
      }),
    ),
    item(
      "review",
      "Review date not passed",
      !system.reviewOverdue,
      gap(`Review ${system.name}: its review date has passed`, "low", {
        key: "system-reviews",
        action: "Review the AI systems whose review date has passed",
        path: "inventory/systems",
        step: "inventory",
      }),
    ),
    item(
      "impact-assessment",
      "Current approved impact assessment",
      system.impactAssessment === "approved",
      gap(
        assessmentAction[system.impactAssessment](system.name),
        "high",
        impactGroup,
        `impact-assessments/systems/${system.id}`,
      ),
    ),
    item(
      "threat-model",
      "Risks identified",
      system.riskCount > 0,
      gap(`Threat-model ${system.name}`, "high", threatModelGroup, `risks/threat-model/${system.id}`),
    ),
    item(
      "high-risks",
      "No open high or critical risk",
      system.openHighRisks === 0,
      gap(
        `Treat or accept the ${countOf(system.openHighRisks, "open high or critical risk")} of ${system.name}`,
        "high",
        {
          key: "treat-high-risks",
          action: "Treat or accept the open high and critical risks",
          path: "risks",
          step: "risk-assessment",
        },
        `risks?systemId=${system.id}`,
      ),
    ),
    ...modelChecks(system),
    ...agentChecks(system),
  ];
}
