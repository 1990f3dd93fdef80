import { type CompetenceAppliesToKind, labelOrValue } from "@openaims/contracts";

/** "Contributor" for a role, "Risk management" for a responsibility. */
export function appliesToLabel(kind: CompetenceAppliesToKind, appliesTo: string): string {
  return kind === "role" ? labelOrValue("role", appliesTo) : labelOrValue("aimsProcess", appliesTo);
}
