/**
 * The guard's policy from what the application gave: a policy document object, its YAML or JSON
 * text, or nothing. Fails closed: without a policy, or with one that does not parse or compile,
 * the guard keeps the reason and denies every tool call with it.
 */
import type { PolicyDocumentInput } from "@openaims/contracts";
import { type CompiledPolicy, compilePolicy, type PolicyError, parsePolicySource } from "@openaims/core";

export type PolicyState =
  | { ok: true; policy: CompiledPolicy; warnings: PolicyError[] }
  | { ok: false; errors: PolicyError[] };

/** What a guard can be given as its policy. */
export type GuardPolicy = PolicyDocumentInput | string;

export function loadPolicy(policy: GuardPolicy | undefined): PolicyState {
  if (policy === undefined || policy === null) {
    return { ok: false, errors: [{ path: "", message: "the guard was given no policy" }] };
  }
  let document: unknown = policy;
  if (typeof policy === "string") {
    const parsed = parsePolicySource(policy);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    document = parsed.document;
  }
  try {
    const compiled = compilePolicy(document);
    return compiled.ok ? { ok: true, policy: compiled.policy, warnings: compiled.warnings } : compiled;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: "", message: `the policy could not be compiled (${message.slice(0, 200)})` }],
    };
  }
}

/** The rule a refused policy's denials name: the path of its first mistake, or `policy`. */
export function policyErrorRule(errors: readonly PolicyError[]): string {
  const path = errors[0]?.path ?? "";
  return path === "" ? "policy" : `policy.${path}`;
}

/** The reason a refused policy's denials give, with its first mistakes. */
export function policyErrorReason(errors: readonly PolicyError[]): string {
  const listed = errors
    .slice(0, 3)
    .map((error) => (error.path ? `${error.path}: ${error.message}` : error.message))
    .join("; ");
  const more = errors.length > 3 ? ` and ${errors.length - 3} more` : "";
  return `the policy cannot be used (${listed}${more}), so every call is denied`;
}
