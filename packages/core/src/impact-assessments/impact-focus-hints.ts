import type { AutonomyLevel, ImpactDimensionKey, SystemThreatProfile } from "@openaims/contracts";

/** A pointer from a system's attributes to a dimension that deserves extra care. */
export interface ImpactFocusHint {
  dimension: ImpactDimensionKey;
  hint: string;
}

/** The profile plus what the inventory says about human oversight, which the agency hint follows. */
export type ImpactFocusProfile = SystemThreatProfile & { humanOversight?: string };

/** What the human-agency hint says, following how much a person is actually involved. */
const agencyHints: Record<AutonomyLevel, string> = {
  autonomous: "It decides or acts on its own, without a person in the loop: say how people contest an outcome.",
  human_on_the_loop:
    "Its decisions take effect before a person reviews them; a person watches and can stop it: say how people notice and contest a wrong outcome.",
  human_in_the_loop:
    "It makes decisions about people that a person approves one by one: say what the reviewer checks and how people contest an outcome.",
  advisory:
    "It proposes decisions about people and a person decides: say how the person can overrule it and how people contest an outcome.",
};

const PERSONAL = new Set(["personal", "sensitive_personal", "children", "biometric", "health", "financial"]);

/**
 * Dimensions the system's inventory attributes point at, so an author does not have to spot them
 * alone. Advice only: every dimension is assessed regardless.
 */
export function impactFocusHints(profile: ImpactFocusProfile): ImpactFocusHint[] {
  const hints: ImpactFocusHint[] = [];
  const data = new Set(profile.dataCategories);
  const can = new Set(profile.capabilities);
  const add = (dimension: ImpactDimensionKey, hint: string) => hints.push({ dimension, hint });

  if (profile.dataCategories.some((c) => PERSONAL.has(c)))
    add("privacy", "It processes personal data: say what is inferred, kept and shared, and how people can object.");
  if (data.has("children"))
    add("safety", "It handles children's data: consider how a child could be harmed or misled by its outputs.");
  if (data.has("biometric"))
    add("fairness", "It uses biometric data, where error rates often differ between groups of people.");
  if (can.has("automated_decisions") || profile.autonomy === "autonomous") {
    const unrecorded = profile.autonomy !== "autonomous" && profile.humanOversight?.trim() === "";
    add(
      "human_agency",
      unrecorded
        ? `${agencyHints[profile.autonomy]} The inventory does not yet describe that oversight.`
        : agencyHints[profile.autonomy],
    );
  }
  if (profile.customerFacing) {
    add("transparency", "Customers meet it directly: say how they learn that AI is involved.");
    add("accessibility", "Customers meet it directly: say how people with disabilities can use it or an alternative.");
  }
  if (can.has("agent_tools") || can.has("retrieval") || can.has("public_api"))
    add(
      "security",
      "It reads outside content, calls tools or is open to the internet: consider manipulation and misuse.",
    );
  if (data.has("financial") || profile.impactTier === "high")
    add(
      "economic",
      "It is high-impact or touches money: consider effects on income, credit, jobs and access to services.",
    );
  if (can.has("trains_models")) add("environmental", "It trains models: estimate the computing and energy that takes.");
  return hints;
}
