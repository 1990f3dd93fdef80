/**
 * Tool-call decisions in the application's process: core's decideAction (the one decision function
 * every entry point uses) with session state kept per session id and usage counted for rate and
 * budget rules. A guard without a usable policy denies every call, naming why.
 */
import { type ActionDecision, type ActionKind, actionKinds, actionNameSchema } from "@openaims/contracts";
import {
  type ActionCall,
  decideAction,
  markUntrusted,
  recordStep,
  type SessionState,
  type StepOutcome,
  spendOf,
  UsageTracker,
} from "@openaims/core";
import { type PolicyState, policyErrorReason, policyErrorRule } from "./load-policy.js";
import type { SessionStore } from "./session-store.js";

/** A call the agent wants to make, as the application hands it to the guard. */
export interface GuardCall {
  name: string;
  arguments?: Record<string, unknown>;
  /** tool (the default), resource (resources/read, by URI) or prompt (prompts/get). */
  kind?: ActionKind;
}

/** A decision with the rule that made it. */
export interface GuardDecision extends ActionDecision {
  /** Unique id of this decision, also the id it is reported under. */
  decisionId: string;
  sessionId: string;
  /** SHA-256 of the policy that decided; null when the guard has no usable policy. */
  policySha256: string | null;
  /** ISO time of the decision. */
  decidedAt: string;
  /** Time spent deciding, in microseconds. */
  durationUs: number;
}

/** What happened to a call after the decision. */
export interface ToolResult {
  /** The call ran (after an allow, or after an approval was given). */
  executed: boolean;
  /** It ran after a person approved it. */
  approved?: boolean;
  /** Why it did not run, when it did not: refused or expired approval, or denied (the default). */
  outcome?: "deny" | "refused" | "expired";
  /** Its result is untrusted content (a web page, an e-mail): flow rules with after_untrusted apply after it. */
  untrusted?: boolean;
}

const maxSessionIdLength = 200;

export class ToolDecider {
  private readonly usage = new UsageTracker();

  constructor(
    private readonly policyState: PolicyState,
    private readonly sessions: SessionStore,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  decide(sessionId: string, input: GuardCall): GuardDecision {
    const started = performance.now();
    const at = this.now();
    const problem = sessionProblem(sessionId) ?? callProblem(input);
    let decision: ActionDecision;
    if (problem !== null) decision = { outcome: "deny", rule: "call", reason: problem };
    else if (!this.policyState.ok) {
      decision = {
        outcome: "deny",
        rule: policyErrorRule(this.policyState.errors),
        reason: policyErrorReason(this.policyState.errors),
      };
    } else {
      const policy = this.policyState.policy;
      const call = actionCall(input);
      const session = this.sessions.get(sessionId, at);
      decision = decideAction(policy, call, { session, usage: this.usage.usage(call.name, at) });
      // A denied call never runs, so its step is recorded now; others when the application says what happened.
      if (decision.outcome === "deny") this.sessions.set(sessionId, recordStep(session, call, "deny", policy, at), at);
    }
    return {
      ...decision,
      decisionId: this.newId(),
      sessionId,
      policySha256: this.policyState.ok ? this.policyState.policy.sha256 : null,
      decidedAt: new Date(at).toISOString(),
      durationUs: Math.round((performance.now() - started) * 1000),
    };
  }

  /** Records what happened to a call: executed calls count for flow rules, rates and budgets. */
  recordResult(sessionId: string, input: GuardCall, result: ToolResult): SessionState | null {
    if (sessionProblem(sessionId) !== null || callProblem(input) !== null) return null;
    const at = this.now();
    const call = actionCall(input);
    const policy = this.policyState.ok ? this.policyState.policy : null;
    const outcome: StepOutcome = result.executed
      ? result.approved
        ? "approved"
        : "allow"
      : (result.outcome ?? "deny");
    let state = recordStep(this.sessions.get(sessionId, at), call, outcome, policy, at);
    if (result.executed && result.untrusted) state = markUntrusted(state, call.name);
    if (result.executed && policy && call.kind === "tool") this.usage.record(call.name, spendOf(policy, call), at);
    this.sessions.set(sessionId, state, at);
    return state;
  }

  /** Marks the session as having read untrusted content from `source` (a URL, "email", a tool name). */
  markUntrusted(sessionId: string, source: string): SessionState | null {
    if (sessionProblem(sessionId) !== null) return null;
    const at = this.now();
    const state = markUntrusted(this.sessions.get(sessionId, at), String(source).slice(0, 1000));
    this.sessions.set(sessionId, state, at);
    return state;
  }
}

function actionCall(input: GuardCall): ActionCall {
  return { kind: input.kind ?? "tool", name: input.name, arguments: input.arguments ?? {} };
}

function sessionProblem(sessionId: unknown): string | null {
  if (typeof sessionId !== "string" || sessionId.trim() === "" || sessionId.length > maxSessionIdLength) {
    return `the session id must be text of 1 to ${maxSessionIdLength} characters`;
  }
  return null;
}

/** Why a call cannot be decided (its shape is wrong), or null. */
function callProblem(input: GuardCall): string | null {
  if (typeof input !== "object" || input === null) return "the call must be an object with a name";
  if (input.kind !== undefined && !actionKinds.includes(input.kind)) {
    return `the call's kind must be one of ${actionKinds.join(", ")}`;
  }
  if (input.kind === "resource") {
    if (typeof input.name !== "string" || input.name === "" || input.name.length > 1000) {
      return "the resource's URI must be text of 1 to 1000 characters";
    }
  } else if (!actionNameSchema.safeParse(input.name).success) {
    return "the call's name must be 1 to 128 letters, digits, _ . : / or -";
  }
  const args = input.arguments;
  if (args !== undefined && (typeof args !== "object" || args === null || Array.isArray(args))) {
    return "the call's arguments must be an object";
  }
  return null;
}
