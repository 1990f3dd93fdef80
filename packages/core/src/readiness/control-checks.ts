import type { ControlFacts, ReadinessCheck } from "./readiness-types.js";

/**
 * The checks for one control record. A control excluded with a justification is covered; an
 * applicable one needs an owner, implementation, and current evidence (evidence over assertion).
 */
export function controlChecks(control: ControlFacts): ReadinessCheck[] {
  const path = `controls/${control.id}`;
  const decided = control.applicable !== null && control.hasJustification;
  const checks: ReadinessCheck[] = [
    decided
      ? { key: "decided", label: "Applicability decided and justified", met: true }
      : {
          key: "decided",
          label: "Applicability decided and justified",
          met: false,
          gap: { action: `Decide whether ${control.ref} applies, and say why`, path, severity: "high" },
        },
  ];
  if (control.applicable === false) return checks;
  checks.push(
    control.hasOwner
      ? { key: "owner", label: "Owner assigned", met: true }
      : {
          key: "owner",
          label: "Owner assigned",
          met: false,
          gap: { action: `Assign an owner to ${control.ref}`, path, severity: "medium" },
        },
    control.implemented
      ? { key: "implemented", label: "Implemented", met: true }
      : {
          key: "implemented",
          label: "Implemented",
          met: false,
          gap: { action: `Implement ${control.ref} and record how`, path, severity: "medium" },
        },
    control.evidence === "current"
      ? { key: "evidence", label: "Current evidence", met: true }
      : {
          key: "evidence",
          label: "Current evidence",
          met: false,
          gap: {
            action:
              control.evidence === "expired"
                ? `Renew the expired evidence for ${control.ref}`
                : `Attach evidence for ${control.ref}`,
            path: `evidence?controlId=${control.id}`,
            severity: control.evidence === "expired" ? "high" : "medium",
          },
        },
  );
  return checks;
}
