import type { ActionClass } from "@openaims/contracts";
import type { CompiledPolicy, CompiledToolRule } from "./compiled-policy.js";

/** A tool's action class: its rule's `class`, else the caller's inventory classes, else the policy's. */
export function actionClassOf(
  policy: CompiledPolicy,
  name: string,
  toolClasses?: Readonly<Record<string, ActionClass>>,
): ActionClass | null {
  const rule = policy.tools.get(name);
  if (rule?.actionClass) return rule.actionClass;
  if (toolClasses && Object.hasOwn(toolClasses, name)) return toolClasses[name] ?? null;
  return Object.hasOwn(policy.toolClasses, name) ? (policy.toolClasses[name] ?? null) : null;
}

/** The rule that governs a tool: its own, else its class's, else none (the policy default). */
export function toolRuleFor(
  policy: CompiledPolicy,
  name: string,
  actionClass: ActionClass | null,
): CompiledToolRule | null {
  return policy.tools.get(name) ?? (actionClass ? (policy.classes.get(actionClass) ?? null) : null);
}

/**
 * What the policy says of a tool before looking at arguments or history: `deny` when its rule (or
 * the default) denies it outright, so a gateway can leave it out of tools/list.
 */
export function staticToolDecision(
  policy: CompiledPolicy,
  name: string,
  toolClasses?: Readonly<Record<string, ActionClass>>,
): "allow" | "deny" | "approval" {
  const rule = toolRuleFor(policy, name, actionClassOf(policy, name, toolClasses));
  return rule ? rule.decision : policy.defaultDecision;
}
