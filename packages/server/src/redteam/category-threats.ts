import type { RedteamCategory } from "@openaims/contracts";
import { findThreat } from "@openaims/core";

/** The threat-library entry each probe category tests for. */
const threatOfCategory: Record<RedteamCategory, string> = {
  direct_injection: "prompt_injection",
  indirect_injection: "indirect_prompt_injection",
  system_prompt_leakage: "system_prompt_leakage",
  sensitive_data_exposure: "sensitive_data_exposure",
  tool_misuse: "tool_misuse",
  authorization: "authorization_weaknesses",
  unsafe_automation: "unsafe_automation",
  improper_output_handling: "improper_output_handling",
  api_abuse: "ai_api_abuse",
};

/** The threat a risk raised from a finding of this category is seeded from, if the library has it. */
export function threatForCategory(category: RedteamCategory) {
  return findThreat(threatOfCategory[category]) ?? null;
}
