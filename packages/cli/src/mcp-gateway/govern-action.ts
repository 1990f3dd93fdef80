import { randomUUID } from "node:crypto";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ActionDecision, AgentActionCall, AgentFinalOutcome } from "@openaims/contracts";
import { decideAction, recordStep, type SessionState, type StepOutcome, spendOf } from "@openaims/core";
import { askForApproval } from "./approvals.js";
import type { Gateway } from "./gateway.js";

/** The `_meta` key of a blocked result; the red-team scanner recognises blocked actions by it. */
export const DECISION_META_KEY = "openaims/decision";

/** One downstream client's session: its id and the history flow rules look at. */
export interface GatewaySession {
  id: string;
  state: SessionState;
}

/** What the gateway decided for one action, after any approval. */
export interface GovernedAction {
  proceed: boolean;
  decision: ActionDecision;
  decisionId: string;
  finalOutcome?: AgentFinalOutcome;
}

/**
 * Decides one action before it reaches a server: by the policy (none loaded: denied, rule `policy`),
 * through approval when the policy asks for it, then records the step in the session, counts usage
 * and reports the decision. Any exception on the way denies.
 */
export async function governAction(
  gateway: Gateway,
  session: GatewaySession,
  call: AgentActionCall,
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  clientCapabilities: Parameters<typeof askForApproval>[0]["clientCapabilities"],
): Promise<GovernedAction> {
  const started = performance.now();
  const now = Date.now();
  const clientDecisionId = randomUUID();
  const state = gateway.policy.state;
  let decision: ActionDecision;
  if (!state.ok) decision = { outcome: "deny", rule: "policy", reason: state.reason };
  else {
    try {
      decision = decideAction(state.policy, call, {
        session: session.state,
        usage: gateway.usage.usage(call.name, now),
        toolClasses: state.toolClasses,
      });
    } catch (error) {
      decision = { outcome: "deny", rule: "error", reason: `the decision failed (${String(error).slice(0, 200)})` };
    }
  }
  const durationUs = Math.round((performance.now() - started) * 1000);
  let decisionId: string = clientDecisionId;
  let finalOutcome: AgentFinalOutcome | undefined;
  let reported: ActionDecision = decision;
  let queued = false;
  if (decision.outcome === "approval_required") {
    const answer = await askForApproval(
      {
        call,
        decision,
        sessionId: session.id,
        clientDecisionId,
        ...(state.ok ? { policySha256: state.policy.sha256 } : {}),
        clientCapabilities,
        extra,
      },
      gateway.config.approvals,
      gateway.server,
    );
    if (answer.status === "unavailable") {
      reported = { outcome: "deny", rule: decision.rule, reason: answer.reason };
      decision = reported;
    } else {
      finalOutcome = answer.status;
      queued = answer.via === "queue";
      if (answer.decisionId) decisionId = answer.decisionId;
      if (answer.status !== "approved") decision = { ...decision, reason: `${decision.reason}; ${answer.reason}` };
    }
  }
  const stepOutcome: StepOutcome =
    decision.outcome === "allow" ? "allow" : decision.outcome === "deny" ? "deny" : (finalOutcome ?? "refused");
  const proceed = stepOutcome === "allow" || stepOutcome === "approved";
  try {
    session.state = recordStep(
      session.state,
      call,
      stepOutcome,
      state.ok ? state.policy : null,
      now,
      state.ok ? state.toolClasses : undefined,
    );
    if (proceed && call.kind === "tool" && state.ok)
      gateway.usage.record(call.name, spendOf(state.policy, call, state.toolClasses), now);
  } catch (error) {
    gateway.log.warn(`cannot record the step of ${call.name} (${String(error).slice(0, 200)})`);
  }
  gateway.log.decision(
    `${call.kind} ${call.name}: ${decision.outcome}${finalOutcome ? ` → ${finalOutcome}` : ""} (rule ${decision.rule})`,
  );
  // The approval queue records its decision on the server itself.
  if (!queued)
    gateway.reporter?.add({
      clientDecisionId,
      sessionId: session.id,
      decidedAt: new Date(now).toISOString(),
      origin: "gateway",
      call,
      outcome: reported.outcome,
      rule: reported.rule.slice(0, 500),
      reason: reported.reason.slice(0, 2000),
      ...(state.ok ? { policySha256: state.policy.sha256 } : {}),
      durationUs,
      ...(finalOutcome ? { finalOutcome } : {}),
    });
  return { proceed, decision, decisionId, ...(finalOutcome ? { finalOutcome } : {}) };
}

/** The tool result a blocked call answers with: an error the model can read, and the decision in `_meta`. */
export function blockedResult(governed: GovernedAction): CallToolResult {
  const { decision } = governed;
  return {
    content: [{ type: "text", text: `Blocked by policy: ${decision.reason} (rule ${decision.rule})` }],
    isError: true,
    _meta: { [DECISION_META_KEY]: decisionMeta(governed) },
  };
}

export function decisionMeta(governed: GovernedAction): Record<string, string> {
  const { decision } = governed;
  return {
    outcome: decision.outcome,
    rule: decision.rule,
    reason: decision.reason,
    decisionId: governed.decisionId,
    ...(governed.finalOutcome ? { finalOutcome: governed.finalOutcome } : {}),
  };
}
