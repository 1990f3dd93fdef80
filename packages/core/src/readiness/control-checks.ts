import { renewEvidenceGroup } from "./clause-checks.js";
import type { ControlFacts, ReadinessCheck, ReadinessGap } from "./readiness-types.js";

/**
 * The checks for one control record. A control excluded with a justification is covered; an
 * applicable one needs an owner, implementation, and current evidence (evidence over assertion).
 */
export function controlChecks(control: ControlFacts): ReadinessCheck[] {
  const path = `controls/${control.id}`;
  const decided = control.applicable !== null && control.hasJustification;
  const checks: ReadinessCheck[] = [
    item("decided", "Applicability decided and justified", decided, {
      action: `Decide whether ${control.ref} applies, and say why`,
      path,
      severity: "high",
      group: {
        key: "decide-applicability",
        action: "Decide whether each control applies, and say why",
        path: "controls/soa",
        step: "controls",
      },
    }),
  ];
  if (control.applicable === false) return checks;
  const expired = control.evidence === "expired";
  checks.push(
    item("owner", "Owner assigned", control.hasOwner, {
      action: `Assign an owner to ${control.ref}`,
      path,
      severity: "medium",
      group: { key: "control-owners", action: "Assign an owner to each control", path: "controls", step: "operation" },
    }),
    item("implemented", "Implemented", control.implemented, {
      action: `Implement ${control.ref} and record how`,
      path,
      severity: "medium",
      group: {
        key: "implement-controls",
        action: "Implement each applicable control and record how",
        path: "controls",
        step: "operation",
      },
    }),
    item("evidence", "Current evidence", control.evidence === "current", {
      action: expired ? `Renew the expired evidence for ${control.ref}` : `Attach evidence for ${control.ref}`,
      path: `evidence?controlId=${control.id}`,
      severity: expired ? "high" : "medium",
      group: expired
        ? renewEvidenceGroup
        : {
            key: "control-evidence",
            action: "Attach evidence to each applicable control",
            path: "evidence",
            step: "operation",
          },
    }),
  );
  return checks;
}

function item(key: string, label: string, met: boolean, gap: ReadinessGap): ReadinessCheck {
  return met ? { key, label, met } : { key, label, met, gap };
}
