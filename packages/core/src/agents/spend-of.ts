import type { ActionClass } from "@openaims/contracts";
import type { CompiledPolicy } from "./compiled-policy.js";
import type { ActionCall } from "./session-state.js";
import { actionClassOf, toolRuleFor } from "./tool-rule-lookup.js";

/**
 * The amount an executed call spends against its rule's daily budget (0 when the rule has none or
 * the argument is not a non-negative number), for UsageTracker.record.
 */
export function spendOf(
  policy: CompiledPolicy,
  call: ActionCall,
  toolClasses?: Readonly<Record<string, ActionClass>>,
): number {
  if (call.kind !== "tool") return 0;
  const rule = toolRuleFor(policy, call.name, actionClassOf(policy, call.name, toolClasses));
  if (!rule?.budget) return 0;
  const args = call.arguments;
  if (typeof args !== "object" || args === null) return 0;
  const amount = (args as Record<string, unknown>)[rule.budget.argument];
  return typeof amount === "number" && Number.isFinite(amount) && amount > 0 ? amount : 0;
}
