import { createHash } from "node:crypto";
import {
  type ActionClass,
  type ApprovalRequirement,
  actionClasses,
  approvalRequirementSchema,
  type FlowRule,
  type PolicyDocument,
  policyDocumentSchema,
  type SimpleDecision,
  type ToolRule,
} from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";
import { createSchemaCompiler, type SchemaCompiler } from "./argument-schemas.js";
import type {
  CompiledArgumentCheck,
  CompiledFlow,
  CompiledNamedRule,
  CompiledNamedRules,
  CompiledPolicy,
  CompiledToolRule,
} from "./compiled-policy.js";
import { type PolicyError, policyPath } from "./policy-error.js";
import { zodIssuesToPolicyErrors } from "./zod-issues.js";

export interface CompilePolicyOptions {
  /** The agent's tool names; when given, a tool or flow target outside it is an error. */
  knownTools?: readonly string[];
  /** The action class of each tool as recorded in the inventory. */
  toolClasses?: Readonly<Record<string, ActionClass>>;
}

export type CompilePolicyResult =
  | { ok: true; policy: CompiledPolicy; warnings: PolicyError[] }
  | { ok: false; errors: PolicyError[] };

const defaultRequirement: ApprovalRequirement = approvalRequirementSchema.parse({});
const classSet: ReadonlySet<string> = new Set(actionClasses);

/**
 * Checks a policy document's shape and meaning and precomputes what decisions need. Every mistake
 * is reported with its path (tools.issue_refund.arguments.amount.maximum, flows[0].deny[1], default);
 * nothing is compiled unless all of it is right.
 */
export function compilePolicy(document: unknown, options: CompilePolicyOptions = {}): CompilePolicyResult {
  try {
    const notJson = findNonJson(document, []);
    if (notJson) return { ok: false, errors: [notJson] };
    return compileChecked(document, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: "", message: `the policy could not be compiled (${detail.slice(0, 200)})` }] };
  }
}

/** The first value JSON cannot carry (a non-finite number, a function, a cycle), with its path. */
function findNonJson(value: unknown, path: PropertyKey[], depth = 0): PolicyError | null {
  if (depth > 64) return { path: policyPath(path), message: "is nested too deeply" };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? null
      : { path: policyPath(path), message: `${value} is not a number JSON can carry` };
  }
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNonJson(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNonJson(inner, [...path, key], depth + 1);
      if (found) return found;
    }
    return null;
  }
  return { path: policyPath(path), message: `a ${typeof value} is not JSON` };
}

function compileChecked(document: unknown, options: CompilePolicyOptions): CompilePolicyResult {
  const parsed = policyDocumentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, errors: zodIssuesToPolicyErrors(parsed.error.issues, document) };
  const doc = parsed.data;
  const errors: PolicyError[] = [];
  const warnings: PolicyError[] = [];
  const compiler = createSchemaCompiler();
  const known = options.knownTools ? new Set(options.knownTools) : null;

  const tools = new Map<string, CompiledToolRule>();
  for (const [name, rule] of Object.entries(doc.tools)) {
    if (known && !known.has(name)) {
      errors.push({ path: `tools.${name}`, message: `${name} is not one of this agent's tools` });
    }
    tools.set(name, compileToolRule(`tools.${name}`, rule, compiler, errors, warnings));
  }
  const classes = new Map<ActionClass, CompiledToolRule>();
  for (const actionClass of actionClasses) {
    const rule = doc.classes?.[actionClass];
    if (rule !== undefined) {
      classes.set(actionClass, compileToolRule(`classes.${actionClass}`, rule, compiler, errors, warnings));
    }
  }
  const flows = doc.flows.map((flow, index) => compileFlow(flow, index, known, errors));
  if (doc.flows.some((flow) => flow.after_untrusted) === false) {
    for (const [name, rule] of tools) {
      if (rule.untrusted) {
        warnings.push({
          path: `tools.${name}.untrusted`,
          message: "marks the session untrusted, but no flow rule uses after_untrusted",
        });
      }
    }
  }
  const resources = doc.resources ? compileNamedRules("resources", doc.resources, errors) : null;
  const prompts = doc.prompts ? compileNamedRules("prompts", doc.prompts, errors) : null;
  if (errors.length > 0) return { ok: false, errors };

  const policy: CompiledPolicy = {
    document: doc,
    sha256: policySha256(doc),
    defaultDecision: doc.default,
    defaultApproval: defaultRequirement,
    maxArgumentBytes: doc.limits.max_argument_bytes,
    tools,
    classes,
    flows,
    resources,
    prompts,
    toolClasses: { ...(options.toolClasses ?? {}) },
  };
  return { ok: true, policy, warnings };
}

/** SHA-256 (hex) of a normalised policy document's canonical JSON: the same policy always hashes the same. */
export function policySha256(document: PolicyDocument): string {
  return createHash("sha256").update(canonicalJson(document), "utf8").digest("hex");
}

function compileToolRule(
  path: string,
  rule: ToolRule,
  compiler: SchemaCompiler,
  errors: PolicyError[],
  warnings: PolicyError[],
): CompiledToolRule {
  if (typeof rule === "string") {
    return {
      path,
      decision: rule,
      approval: rule === "approval" ? defaultRequirement : null,
      approvalRule: path,
      argumentChecks: [],
      schema: null,
      rate: null,
      budget: null,
      actionClass: null,
      untrusted: false,
    };
  }
  const decision: SimpleDecision = rule.decision ?? (rule.approval ? "approval" : "allow");
  if (decision === "deny") {
    for (const key of ["approval", "arguments", "schema", "rate", "budget"] as const) {
      if (rule[key] !== undefined) {
        errors.push({
          path: `${path}.${key}`,
          message: `a denied tool is never called, so ${key} contradicts decision: deny`,
        });
      }
    }
  }
  if (decision === "allow" && rule.approval) {
    errors.push({ path: `${path}.approval`, message: "approval contradicts decision: allow" });
  }
  if (rule.approval) checkApprovalCount(`${path}.approval`, rule.approval, errors);
  if (
    rule.rate?.per_minute !== undefined &&
    rule.rate.per_hour !== undefined &&
    rule.rate.per_minute > rule.rate.per_hour
  ) {
    errors.push({
      path: `${path}.rate.per_minute`,
      message: `${rule.rate.per_minute} calls a minute is more than the ${rule.rate.per_hour} allowed an hour`,
    });
  }
  if (rule.rate && rule.rate.per_minute === undefined && rule.rate.per_hour === undefined) {
    warnings.push({ path: `${path}.rate`, message: "names neither per_minute nor per_hour, so it limits nothing" });
  }

  const argumentChecks: CompiledArgumentCheck[] = [];
  for (const [name, schema] of Object.entries(rule.arguments ?? {})) {
    const validate = compiler.compileArgument(`${path}.arguments.${name}`, schema, errors);
    if (validate) argumentChecks.push({ name, rule: `${path}.arguments.${name}`, validate });
  }
  const schema = rule.schema ? compiler.compileWhole(`${path}.schema`, rule.schema, errors) : null;

  if (rule.budget) {
    const argumentSchema = rule.arguments?.[rule.budget.argument];
    if (argumentSchema === undefined) {
      warnings.push({
        path: `${path}.budget.argument`,
        message: `${rule.budget.argument} has no schema under arguments; a call without a number there is denied`,
      });
    } else if (!compiler.isNumeric(argumentSchema)) {
      errors.push({
        path: `${path}.budget.argument`,
        message: `the schema of ${rule.budget.argument} does not make it a number, so it cannot be summed`,
      });
    }
  }

  return {
    path,
    decision,
    approval: decision === "approval" ? (rule.approval ?? defaultRequirement) : null,
    approvalRule: rule.approval ? `${path}.approval` : path,
    argumentChecks,
    schema,
    rate: rule.rate ? { perMinute: rule.rate.per_minute ?? null, perHour: rule.rate.per_hour ?? null } : null,
    budget: rule.budget
      ? { argument: rule.budget.argument, perDay: rule.budget.per_day, currency: rule.budget.currency ?? null }
      : null,
    actionClass: rule.class ?? null,
    untrusted: rule.untrusted === true,
  };
}

function checkApprovalCount(path: string, approval: ApprovalRequirement, errors: PolicyError[]): void {
  // With no member list the count is checked against the organisation when approvals are asked for.
  if (approval.members.length === 0) return;
  const notFrom = new Set(approval.not_from.map((m) => m.toLowerCase()));
  const eligible = new Set(approval.members.map((m) => m.toLowerCase()).filter((m) => !notFrom.has(m)));
  if (approval.count > eligible.size) {
    errors.push({
      path: `${path}.count`,
      message: `needs ${approval.count} approvers, but only ${eligible.size} of the listed members may approve`,
    });
  }
}

function compileFlow(
  flow: FlowRule,
  index: number,
  known: ReadonlySet<string> | null,
  errors: PolicyError[],
): CompiledFlow {
  const rule = `flows[${index}]`;
  const split = (key: "after" | "require_approval" | "deny") => {
    const names: string[] = [];
    const classes: ActionClass[] = [];
    flow[key].forEach((target, i) => {
      const path = policyPath([rule, key, i]);
      if (target.startsWith("class:")) {
        const actionClass = target.slice("class:".length);
        if (classSet.has(actionClass)) classes.push(actionClass as ActionClass);
        else errors.push({ path, message: `${actionClass} is not an action class (${actionClasses.join(", ")})` });
      } else {
        if (known && !known.has(target)) errors.push({ path, message: `${target} is not one of this agent's tools` });
        names.push(target);
      }
    });
    return { names, classes };
  };
  const after = split("after");
  const approval = split("require_approval");
  const deny = split("deny");
  const denyTargets = new Set(flow.deny);
  flow.require_approval.forEach((target, i) => {
    if (denyTargets.has(target)) {
      errors.push({
        path: policyPath([rule, "deny", flow.deny.indexOf(target)]),
        message: `${target} is also under require_approval (${policyPath([rule, "require_approval", i])})`,
      });
    }
  });
  if (flow.approval) checkApprovalCount(`${rule}.approval`, flow.approval, errors);
  return {
    rule,
    afterNames: after.names,
    afterClasses: after.classes,
    afterUntrusted: flow.after_untrusted,
    approvalNames: new Set(approval.names),
    approvalClasses: new Set(approval.classes),
    denyNames: new Set(deny.names),
    denyClasses: new Set(deny.classes),
    approval: flow.approval ?? defaultRequirement,
    reason: flow.reason ?? null,
  };
}

type NamedRuleInput = SimpleDecision | { decision?: SimpleDecision; approval?: ApprovalRequirement };

function compileNamedRules(
  section: "resources" | "prompts",
  rules: Readonly<Record<string, NamedRuleInput>>,
  errors: PolicyError[],
): CompiledNamedRules {
  const exact = new Map<string, CompiledNamedRule>();
  const patterns: { prefix: string; rule: CompiledNamedRule }[] = [];
  for (const [name, input] of Object.entries(rules)) {
    const path = `${section}.${name}`;
    const star = name.indexOf("*");
    if (star !== -1 && star !== name.length - 1) {
      errors.push({ path, message: "* may only end a name, as a wildcard for the rest of it" });
      continue;
    }
    const decision: SimpleDecision =
      typeof input === "string" ? input : (input.decision ?? (input.approval ? "approval" : "allow"));
    if (typeof input !== "string" && input.approval) {
      if (decision !== "approval") {
        errors.push({ path: `${path}.approval`, message: `approval contradicts decision: ${decision}` });
      }
      checkApprovalCount(`${path}.approval`, input.approval, errors);
    }
    const approval =
      decision === "approval"
        ? typeof input === "string"
          ? defaultRequirement
          : (input.approval ?? defaultRequirement)
        : null;
    const compiled: CompiledNamedRule = { rule: path, decision, approval };
    if (star === -1) exact.set(name, compiled);
    else patterns.push({ prefix: name.slice(0, -1), rule: compiled });
  }
  patterns.sort((a, b) => b.prefix.length - a.prefix.length);
  return { exact, patterns };
}
