import { randomUUID } from "node:crypto";
import type { AgentDecisionResult, Routes } from "@openaims/contracts";
import { decideAction, recordStep } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadAgentPolicyContext } from "../agent-policies/effective-policy.js";
import type { AuditScope } from "../audit/append-audit-entry.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler, HandlerContext } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { auditActorOf } from "../http/register-routes.js";
import { checkWebhookTarget } from "../notifications/webhook-target.js";
import { ensureAgentMetrics } from "./agent-decision-metrics.js";
import { type DecisionAgent, decisionAgentOf, findDecisionAgent } from "./agent-decision-queries.js";
import { openSession } from "./agent-sessions.js";
import { usageFor } from "./agent-usage.js";
import { queueApproval, sendApprovalMails } from "./approval-queue.js";
import { insertDecisions } from "./record-decisions.js";

/** The agent of a decision route, which must be live to act. */
export async function actingAgent(tx: Kysely<Database>, orgId: string, systemId: string): Promise<DecisionAgent> {
  return mustBeLive(await findDecisionAgent(tx, orgId, systemId));
}

function mustBeLive(agent: DecisionAgent): DecisionAgent {
  if (agent.archived) {
    throw new AppError("illegal_transition", `${agent.name} is archived; an archived agent may not act.`);
  }
  return agent;
}

/**
 * Refuses a callback URL the server would not call: one that resolves to a private address (unless the
 * administrator allows them, as for webhooks), or any when the agent has no signing secret yet.
 */
export async function checkCallbackUrl(
  ctx: Pick<HandlerContext<Routes["decideAgentAction"]>, "tx" | "deps">,
  orgId: string,
  systemId: string,
  callbackUrl: string | undefined,
): Promise<void> {
  if (!callbackUrl) return;
  const secret = await ctx.tx
    .selectFrom("agent_webhook_secrets")
    .select("id")
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .executeTakeFirst();
  if (!secret) {
    throw invalidField(
      "body.callbackUrl",
      "cannot be signed: create the agent's webhook secret first (POST …/webhook-secret)",
      "Callback URL",
    );
  }
  const refusal = await checkWebhookTarget(new URL(callbackUrl), ctx.deps.config.webhooksAllowPrivate);
  if (refusal) {
    throw invalidField(
      "body.callbackUrl",
      refusal.reason === "private"
        ? `resolves to ${refusal.address}, a private or loopback address; callbacks may reach those only when AIMS_WEBHOOK_ALLOW_PRIVATE=1`
        : `could not be resolved (${refusal.detail})`,
      "Callback URL",
    );
  }
}

/**
 * The decision API: decides one action of the agent by its effective policy and the session's history,
 * in one transaction — the session found or created, the tool's usage counted when its rule has limits,
 * the decision and its audit entry written, an executed allow recorded on the session, and for
 * approval_required the request queued with links and notifications to the approvers.
 */
export const decideAgentAction: Handler<Routes["decideAgentAction"]> = async ({
  tx,
  org,
  input,
  actor,
  deps,
  requestId,
  afterCommit,
}) => {
  const started = process.hrtime.bigint();
  const { systemId } = input.params;
  const { sessionId, requester, call, callbackUrl } = input.body;
  // The agent and its effective policy in one read: this route sits on every tool call.
  const context = await loadAgentPolicyContext(tx, org.orgId, systemId);
  if (!context) throw notFound("Agent", systemId);
  const agent = mustBeLive(decisionAgentOf(context.system, systemId));
  const { effective } = context;
  await checkCallbackUrl({ tx, deps }, org.orgId, agent.id, callbackUrl);
  const now = new Date();
  const session = await openSession(tx, org.orgId, agent.id, sessionId, requester);
  const usage =
    call.kind === "tool"
      ? await usageFor(tx, org.orgId, agent.id, effective.policy, call.name, effective.toolClasses, now)
      : undefined;
  const decision = decideAction(effective.policy, call, {
    session: session.state,
    ...(usage ? { usage } : {}),
    toolClasses: effective.toolClasses,
  });
  const reason =
    effective.source === "none" && decision.outcome === "deny"
      ? `${agent.name} has no approved policy, so every action is denied`
      : decision.reason;
  const durationUs = Number((process.hrtime.bigint() - started) / 1000n);
  const decisionId = randomUUID();
  const scope: AuditScope = { orgId: org.orgId, actor: auditActorOf(actor), requestId };
  await ensureAgentMetrics(tx, scope, agent.id, org.membershipId);
  // Denied calls are steps too: flow rules count what the session tried, not only what ran. A call
  // waiting for approval becomes a step when it is answered.
  const sessionSave =
    decision.outcome === "approval_required"
      ? undefined
      : {
          sessionId: session.id,
          state: recordStep(
            session.state,
            call,
            decision.outcome,
            effective.policy,
            now.getTime(),
            effective.toolClasses,
          ),
        };
  await insertDecisions(
    tx,
    scope,
    [
      {
        id: decisionId,
        orgId: org.orgId,
        systemId: agent.id,
        sessionId: session.id,
        origin: "api",
        decidedAt: now,
        call,
        outcome: decision.outcome,
        rule: decision.rule,
        reason,
        policyVersionId: effective.versionId,
        policySha256: effective.sha256,
        approvalId: null,
        finalOutcome: null,
        durationUs,
        clientDecisionId: null,
      },
    ],
    sessionSave,
  );
  const result: AgentDecisionResult = {
    decisionId,
    outcome: decision.outcome,
    rule: decision.rule,
    reason,
    policyVersionId: effective.versionId,
    policySha256: effective.sha256,
  };
  if (decision.outcome === "approval_required") {
    const queued = await queueApproval(tx, scope, deps.config.publicUrl, {
      orgId: org.orgId,
      system: agent,
      sessionId: session.id,
      decisionId,
      call,
      rule: decision.rule,
      reason,
      requester: requester ?? session.requester,
      requirement: decision.approval ?? effective.policy.defaultApproval,
      callbackUrl: callbackUrl ?? null,
      now,
    });
    result.approval = queued.summary;
    afterCommit(async () => sendApprovalMails(deps.mailer, queued.mails));
  }
  return result;
};
