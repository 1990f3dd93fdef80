import type { ActionClass, ActionDecision, ApprovalRequirement } from "@openaims/contracts";
import type { CompiledNamedRules, CompiledPolicy, CompiledToolRule } from "./compiled-policy.js";
import { describeSchemaError } from "./describe-schema-error.js";
import type { ActionCall, SessionState } from "./session-state.js";
import { actionClassOf, toolRuleFor } from "./tool-rule-lookup.js";

/** This agent's executed calls of the called tool, counted by the caller (see UsageTracker). */
export interface ActionUsage {
  callsLastMinute: number;
  callsLastHour: number;
  spentToday: number;
}

export interface DecisionContext {
  session: SessionState;
  /** Needed when the tool's rule has a rate or budget; without it such a call is denied. */
  usage?: ActionUsage;
  /** Action classes of the agent's tools (the inventory's); overrides those given at compile time. */
  toolClasses?: Readonly<Record<string, ActionClass>>;
}

/**
 * Decides one action: allow, deny or approval_required, with the path of the rule that set the
 * outcome and the reason in words. Pure and total: whatever goes wrong inside denies (rule `error`).
 */
export function decideAction(policy: CompiledPolicy, call: ActionCall, context: DecisionContext): ActionDecision {
  try {
    if (call.kind === "resource") return decideNamed(policy, policy.resources, "resources", "resource", call.name);
    if (call.kind === "prompt") return decideNamed(policy, policy.prompts, "prompts", "prompt", call.name);
    if (call.kind !== "tool") return deny("error", `${String(call.kind)} is not a kind of action a policy governs`);
    return decideTool(policy, call, context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return deny("error", `the policy could not be evaluated, so the call is denied (${detail.slice(0, 200)})`);
  }
}

function decideTool(policy: CompiledPolicy, call: ActionCall, context: DecisionContext): ActionDecision {
  const args = call.arguments;
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return deny("limits.max_argument_bytes", "the arguments are not a JSON object");
  }
  const bytes = jsonBytes(args);
  if (bytes > policy.maxArgumentBytes) {
    return deny(
      "limits.max_argument_bytes",
      `the arguments are ${bytes} bytes, more than the ${policy.maxArgumentBytes} a call may carry`,
    );
  }
  const name = call.name;
  const actionClass = actionClassOf(policy, name, context.toolClasses);
  const rule = toolRuleFor(policy, name, actionClass);
  if (rule === null) {
    if (policy.defaultDecision === "deny")
      return deny("default", `${name} is not in the policy, and the default is deny`);
  } else if (rule.decision === "deny") {
    return deny(rule.path, `the policy denies ${name}`);
  } else {
    const refused = checkRule(rule, name, args as Record<string, unknown>, context);
    if (refused) return refused;
  }

  const session = context.session;
  let flowApproval: ActionDecision | null = null;
  for (const flow of policy.flows) {
    const targetsDeny = flow.denyNames.has(name) || (actionClass !== null && flow.denyClasses.has(actionClass));
    const targetsApproval =
      flowApproval === null &&
      (flow.approvalNames.has(name) || (actionClass !== null && flow.approvalClasses.has(actionClass)));
    if (!targetsDeny && !targetsApproval) continue;
    const trigger = flowTrigger(flow.afterNames, flow.afterClasses, flow.afterUntrusted, session);
    if (trigger === null) continue;
    const why = flow.reason ?? `${name} comes after ${trigger} in this session`;
    if (targetsDeny) return deny(flow.rule, why);
    flowApproval = { outcome: "approval_required", rule: flow.rule, reason: why, approval: flow.approval };
  }

  if (rule?.decision === "approval" && rule.approval) {
    return approval(rule.approvalRule, `${name} needs approval by the policy`, rule.approval);
  }
  if (rule === null && policy.defaultDecision === "approval") {
    return approval("default", `${name} is not in the policy, and the default is approval`, policy.defaultApproval);
  }
  if (flowApproval) return flowApproval;
  if (rule === null)
    return { outcome: "allow", rule: "default", reason: `${name} is not in the policy, and the default is allow` };
  return { outcome: "allow", rule: rule.path, reason: `the policy allows ${name}` };
}

/** The first refusal from a rule's argument schemas, whole schema, rate or budget; null when all pass. */
function checkRule(
  rule: CompiledToolRule,
  name: string,
  args: Record<string, unknown>,
  context: DecisionContext,
): ActionDecision | null {
  for (const check of rule.argumentChecks) {
    if (!Object.hasOwn(args, check.name)) return deny(check.rule, `${check.name} is missing; the policy constrains it`);
    const value = args[check.name];
    if (!check.validate(value)) return deny(check.rule, describeSchemaError(check.name, value, check.validate.errors));
  }
  if (rule.schema && !rule.schema(args)) {
    return deny(`${rule.path}.schema`, describeSchemaError("the arguments", args, rule.schema.errors));
  }
  if (rule.rate) {
    const usage = context.usage;
    if (!usage)
      return deny(`${rule.path}.rate`, `${name} has a rate limit, and no usage counts were given to check it`);
    const { perMinute, perHour } = rule.rate;
    if (perMinute !== null && usage.callsLastMinute >= perMinute) {
      return deny(
        `${rule.path}.rate.per_minute`,
        `${name} was called ${usage.callsLastMinute} times in the last minute; the limit is ${perMinute}`,
      );
    }
    if (perHour !== null && usage.callsLastHour >= perHour) {
      return deny(
        `${rule.path}.rate.per_hour`,
        `${name} was called ${usage.callsLastHour} times in the last hour; the limit is ${perHour}`,
      );
    }
  }
  if (rule.budget) {
    const { argument, perDay, currency } = rule.budget;
    const amount = args[argument];
    const path = `${rule.path}.budget`;
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
      return deny(path, `${argument} must be a number of zero or more to count against the daily budget`);
    }
    const usage = context.usage;
    if (!usage) return deny(path, `${name} has a daily budget, and no usage counts were given to check it`);
    if (usage.spentToday + amount > perDay) {
      const unit = currency ? ` ${currency}` : "";
      return deny(
        path,
        `${usage.spentToday}${unit} spent today plus ${amount}${unit} is more than the daily budget of ${perDay}${unit}`,
      );
    }
  }
  return null;
}

/** What in the session set a flow off, in words; null when nothing did. */
function flowTrigger(
  names: readonly string[],
  classes: readonly ActionClass[],
  afterUntrusted: boolean,
  session: SessionState,
): string | null {
  for (const name of names) if (session.called.includes(name)) return name;
  for (const actionClass of classes) if (session.calledClasses.includes(actionClass)) return `a ${actionClass} tool`;
  if (afterUntrusted && session.untrusted) return "untrusted content";
  return null;
}

function decideNamed(
  policy: CompiledPolicy,
  rules: CompiledNamedRules | null,
  section: "resources" | "prompts",
  noun: string,
  name: string,
): ActionDecision {
  if (rules === null) {
    return {
      outcome: "allow",
      rule: section,
      reason: `the policy has no ${section} section, so ${section} are not governed`,
    };
  }
  const rule = rules.exact.get(name) ?? rules.patterns.find((p) => name.startsWith(p.prefix))?.rule;
  if (!rule) {
    if (policy.defaultDecision === "deny")
      return deny("default", `${noun} ${name} is not in the policy, and the default is deny`);
    if (policy.defaultDecision === "approval") {
      return approval(
        "default",
        `${noun} ${name} is not in the policy, and the default is approval`,
        policy.defaultApproval,
      );
    }
    return {
      outcome: "allow",
      rule: "default",
      reason: `${noun} ${name} is not in the policy, and the default is allow`,
    };
  }
  if (rule.decision === "deny") return deny(rule.rule, `the policy denies ${noun} ${name}`);
  if (rule.decision === "approval") {
    return approval(rule.rule, `${noun} ${name} needs approval by the policy`, rule.approval ?? policy.defaultApproval);
  }
  return { outcome: "allow", rule: rule.rule, reason: `the policy allows ${noun} ${name}` };
}

function deny(rule: string, reason: string): ActionDecision {
  return { outcome: "deny", rule, reason };
}

function approval(rule: string, reason: string, requirement: ApprovalRequirement): ActionDecision {
  return { outcome: "approval_required", rule, reason, approval: requirement };
}

/** UTF-8 length of the value's JSON; throws on values JSON cannot carry (cycles, BigInt), which denies. */
function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
