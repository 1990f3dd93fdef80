import type { SystemThreatProfile } from "@openaims/contracts";
import { threats } from "./threat-library.js";

/** A threat proposed for a system, with the attribute that prompted it in words a reviewer can check. */
export interface ThreatSuggestion {
  threatId: string;
  reason: string;
}

type DataCategory = SystemThreatProfile["dataCategories"][number];
type SystemCapability = SystemThreatProfile["capabilities"][number];

interface SuggestionRule {
  threatIds: readonly string[];
  /** The reason when the rule applies to the profile, otherwise null. */
  applies: (profile: SystemThreatProfile) => string | null;
}

const personalCategories: readonly DataCategory[] = [
  "personal",
  "sensitive_personal",
  "children",
  "biometric",
  "health",
  "financial",
];

function has(profile: SystemThreatProfile, capability: SystemCapability): boolean {
  return profile.capabilities.includes(capability);
}

function handlesPersonalData(profile: SystemThreatProfile): boolean {
  return profile.dataCategories.some((category) => personalCategories.includes(category));
}

function when(condition: boolean, reason: string): string | null {
  return condition ? reason : null;
}

/** Each rule ties one system attribute to the threats it opens the door to. */
const rules: readonly SuggestionRule[] = [
  {
    threatIds: ["prompt_injection", "system_prompt_leakage", "improper_output_handling", "over_reliance"],
    applies: (p) => when(has(p, "llm"), "It uses a language model, whose instructions can be overridden by its input."),
  },
  {
    threatIds: ["tool_misuse", "unsafe_automation", "authorization_weaknesses", "improper_output_handling"],
    applies: (p) => when(has(p, "agent_tools"), "It is an agent that acts through tools and connectors."),
  },
  {
    threatIds: ["indirect_prompt_injection", "authorization_weaknesses"],
    applies: (p) => when(has(p, "retrieval"), "It reads outside or user-supplied content into its prompts."),
  },
  {
    threatIds: ["sensitive_data_exposure"],
    applies: (p) => when(handlesPersonalData(p), "It processes personal data."),
  },
  {
    threatIds: ["sensitive_data_exposure"],
    applies: (p) =>
      when(p.dataCategories.includes("confidential_business"), "It processes confidential business data."),
  },
  {
    threatIds: ["membership_inference"],
    applies: (p) =>
      when(has(p, "trains_models") && handlesPersonalData(p), "It trains models on data that includes personal data."),
  },
  {
    threatIds: ["training_data_poisoning", "supply_chain_compromise", "model_drift"],
    applies: (p) => when(has(p, "trains_models"), "It trains or fine-tunes its own models."),
  },
  {
    threatIds: ["unfair_outcomes", "model_drift", "adversarial_examples"],
    applies: (p) => when(has(p, "predictive_ml"), "It makes predictions with a machine-learning model."),
  },
  {
    threatIds: ["unfair_outcomes", "model_drift", "adversarial_examples", "unsafe_automation"],
    applies: (p) => when(has(p, "automated_decisions"), "It takes decisions about people or cases automatically."),
  },
  {
    threatIds: ["ai_api_abuse", "model_extraction"],
    applies: (p) => when(has(p, "public_api"), "Its AI functions are reachable through a public API."),
  },
  {
    threatIds: ["vendor_model_change", "supply_chain_compromise"],
    applies: (p) => when(has(p, "vendor_model"), "It relies on a model supplied by a vendor."),
  },
  {
    threatIds: ["over_reliance"],
    applies: (p) => when(p.impactTier === "high", "It is high-impact, so unchecked errors weigh heavily."),
  },
  {
    threatIds: ["unsafe_automation"],
    applies: (p) =>
      when(
        p.impactTier === "high" && p.autonomy !== "advisory",
        "It is high-impact and acts without a person deciding each case.",
      ),
  },
  {
    threatIds: ["unsafe_automation", "over_reliance"],
    applies: (p) => when(p.autonomy === "autonomous", "It runs autonomously, without human review of its actions."),
  },
  {
    threatIds: ["over_reliance"],
    applies: (p) => when(p.customerFacing && has(p, "llm"), "Customers read its generated answers directly."),
  },
  {
    threatIds: ["shadow_ai"],
    applies: (p) =>
      when(p.ourRole === "user", "It is a third-party AI tool used by staff, alongside others nobody approved."),
  },
];

/**
 * Proposes threats from the library for a system, each with the reasons its attributes give.
 * The result follows the library order, and reasons follow rule order, so the same profile always
 * yields the same list. A suggestion is a prompt for the risk owner, never an assessment.
 */
export function suggestThreats(profile: SystemThreatProfile): ThreatSuggestion[] {
  const reasons = new Map<string, string[]>();
  for (const rule of rules) {
    const reason = rule.applies(profile);
    if (reason === null) continue;
    for (const threatId of rule.threatIds) {
      const list = reasons.get(threatId) ?? [];
      if (!list.includes(reason)) list.push(reason);
      reasons.set(threatId, list);
    }
  }
  return threats
    .filter((threat) => reasons.has(threat.id))
    .map((threat) => ({ threatId: threat.id, reason: (reasons.get(threat.id) ?? []).join(" ") }));
}

/** Threat ids the suggestion rules can propose; a test checks each exists in the library. */
export function suggestibleThreatIds(): string[] {
  return [...new Set(rules.flatMap((rule) => rule.threatIds))];
}
