import type { ActionClass, ApprovalRequirement, PolicyDocument, SimpleDecision } from "@openaims/contracts";
import type { ValidateFunction } from "ajv";

/** One `arguments` entry of a rule, compiled. */
export interface CompiledArgumentCheck {
  name: string;
  /** Path of the entry, e.g. tools.issue_refund.arguments.amount. */
  rule: string;
  validate: ValidateFunction;
}

/** A tool or class rule with everything a decision needs already worked out. */
export interface CompiledToolRule {
  /** tools.<name> or classes.<class>. */
  path: string;
  decision: SimpleDecision;
  /** The requirement when decision is approval (the default requirement when the rule names none). */
  approval: ApprovalRequirement | null;
  /** Path of the rule part that asked for approval: <path>.approval, or <path> for the short form. */
  approvalRule: string;
  argumentChecks: readonly CompiledArgumentCheck[];
  schema: ValidateFunction | null;
  rate: { perMinute: number | null; perHour: number | null } | null;
  budget: { argument: string; perDay: number; currency: string | null } | null;
  actionClass: ActionClass | null;
  untrusted: boolean;
}

/** A flow rule with its targets split into names and classes. */
export interface CompiledFlow {
  /** flows[<index>]. */
  rule: string;
  afterNames: readonly string[];
  afterClasses: readonly ActionClass[];
  afterUntrusted: boolean;
  approvalNames: ReadonlySet<string>;
  approvalClasses: ReadonlySet<ActionClass>;
  denyNames: ReadonlySet<string>;
  denyClasses: ReadonlySet<ActionClass>;
  approval: ApprovalRequirement;
  reason: string | null;
}

/** A resource or prompt rule. */
export interface CompiledNamedRule {
  rule: string;
  decision: SimpleDecision;
  approval: ApprovalRequirement | null;
}

/** Resource or prompt rules: exact names first, then `*`-suffix patterns, longest prefix first. */
export interface CompiledNamedRules {
  exact: ReadonlyMap<string, CompiledNamedRule>;
  patterns: readonly { prefix: string; rule: CompiledNamedRule }[];
}

/**
 * A policy ready for decisions: the normalised document (defaults filled in), its SHA-256 over
 * canonical JSON, and every map, validator and set precomputed so decideAction parses nothing.
 */
export interface CompiledPolicy {
  readonly document: PolicyDocument;
  readonly sha256: string;
  readonly defaultDecision: SimpleDecision;
  readonly defaultApproval: ApprovalRequirement;
  readonly maxArgumentBytes: number;
  readonly tools: ReadonlyMap<string, CompiledToolRule>;
  readonly classes: ReadonlyMap<ActionClass, CompiledToolRule>;
  readonly flows: readonly CompiledFlow[];
  readonly resources: CompiledNamedRules | null;
  readonly prompts: CompiledNamedRules | null;
  /** Action classes of the agent's tools given at compile time (the inventory's), used when a call's context has none. */
  readonly toolClasses: Readonly<Record<string, ActionClass>>;
}
