import { createHash, randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { markUntrusted } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditScope } from "../audit/append-audit-entry.js";
import { appendAuditEntries } from "../audit/append-audit-entry.js";
import type { Handler } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { newWebhookSecret } from "../notifications/webhook-ids.js";
import { ensureAgentMetrics } from "./agent-decision-metrics.js";
import { requirementOf } from "./agent-decision-queries.js";
import { openSession, saveSessionState } from "./agent-sessions.js";
import { queueApproval, sendApprovalMails } from "./approval-queue.js";
import { actingAgent, checkCallbackUrl } from "./decide-agent-action.js";
import { insertDecisions, type NewDecision } from "./record-decisions.js";

/** The agent read untrusted content in this session: flow rules with after_untrusted apply from now on. */
export const markAgentSessionUntrusted: Handler<Routes["markAgentSessionUntrusted"]> = async ({
  tx,
  org,
  input,
  actor,
  requestId,
}) => {
  const agent = await actingAgent(tx, org.orgId, input.params.systemId);
  const session = await openSession(tx, org.orgId, agent.id, input.params.sessionId, undefined);
  const next = markUntrusted(session.state, input.body.source);
  await saveSessionState(tx, session.id, next);
  await appendAuditEntries(tx, { orgId: org.orgId, actor: auditActorOf(actor), requestId }, [
    {
      action: "agent_session.untrusted_content",
      entityType: "agent_session",
      entityId: session.id,
      changes: {
        untrusted: { before: session.state.untrusted, after: true },
        source: { before: null, after: input.body.source.slice(0, 500) },
      },
    },
  ]);
  return {
    sessionId: session.externalId,
    untrusted: next.untrusted,
    steps: next.steps.length,
    lastSeenAt: session.lastSeenAt.toISOString(),
  };
};

/**
 * Records a batch from an MCP gateway or runtime guard. Each decision is written once per client id
 * (a re-sent batch records nothing twice and answers the same counts) with its audit entry; the
 * policy version is found by the SHA-256 the reporter names. Screenings are stored once per id.
 */
export const reportAgentDecisions: Handler<Routes["reportAgentDecisions"]> = async ({
  tx,
  org,
  input,
  actor,
  requestId,
}) => {
  const agent = await actingAgent(tx, org.orgId, input.params.systemId);
  const { decisions, screenings } = input.body;
  const unique = [...new Map(decisions.map((d) => [d.clientDecisionId, d])).values()];
  const known = new Set<string>();
  for (let start = 0; start < unique.length; start += 500) {
    const ids = unique.slice(start, start + 500).map((d) => d.clientDecisionId);
    const rows = await tx
      .selectFrom("agent_decisions")
      .select("client_decision_id")
      .where("org_id", "=", org.orgId)
      .where("system_id", "=", agent.id)
      .where("client_decision_id", "in", ids)
      .execute();
    for (const row of rows) if (row.client_decision_id) known.add(row.client_decision_id);
  }
  const fresh = unique.filter((d) => !known.has(d.clientDecisionId));
  const versionBySha = await policyVersionsBySha(
    tx,
    org.orgId,
    fresh.flatMap((d) => (d.policySha256 ? [d.policySha256] : [])),
  );
  const sessionIds = new Map<string, string>();
  for (const d of fresh) {
    if (sessionIds.has(d.sessionId)) continue;
    const session = await openSession(tx, org.orgId, agent.id, d.sessionId, d.requester);
    sessionIds.set(d.sessionId, session.id);
  }
  const scope: AuditScope = { orgId: org.orgId, actor: auditActorOf(actor), requestId };
  const rows: NewDecision[] = fresh.map((d) => ({
    id: randomUUID(),
    orgId: org.orgId,
    systemId: agent.id,
    sessionId: sessionIds.get(d.sessionId) ?? null,
    origin: d.origin,
    decidedAt: new Date(d.decidedAt),
    call: d.call,
    outcome: d.outcome,
    rule: d.rule,
    reason: d.reason,
    policyVersionId: d.policySha256 ? (versionBySha.get(d.policySha256) ?? null) : null,
    policySha256: d.policySha256 ?? null,
    approvalId: null,
    finalOutcome: d.outcome === "approval_required" ? (d.finalOutcome ?? null) : null,
    durationUs: d.durationUs ?? null,
    clientDecisionId: d.clientDecisionId,
  }));
  if (rows.length > 0) await ensureAgentMetrics(tx, scope, agent.id, org.membershipId);
  await insertDecisions(tx, scope, rows);

  const occurrences = new Map<string, number>();
  const screeningRows = screenings.map((s) => {
    const content = `${s.at}\0${s.direction}\0${s.rule}\0${s.action}`;
    const seen = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, seen);
    const key = s.clientScreeningId ?? `sha256:${createHash("sha256").update(`${content}\0${seen}`).digest("hex")}`;
    return {
      id: randomUUID(),
      org_id: org.orgId,
      system_id: agent.id,
      at: new Date(s.at),
      direction: s.direction,
      rule: s.rule,
      action: s.action,
      client_key: key,
    };
  });
  let newScreenings = 0;
  for (let start = 0; start < screeningRows.length; start += 1000) {
    const inserted = await tx
      .insertInto("agent_screenings")
      .values(screeningRows.slice(start, start + 1000))
      .onConflict((oc) => oc.columns(["org_id", "system_id", "client_key"]).doNothing())
      .returning("id")
      .execute();
    newScreenings += inserted.length;
  }
  if (newScreenings > 0) {
    await appendAuditEntries(tx, scope, [
      {
        action: "agent_screenings.recorded",
        entityType: "ai_system",
        entityId: agent.id,
        changes: { screenings: { before: null, after: newScreenings } },
      },
    ]);
  }
  return { decisions: unique.length, screenings: new Set(screeningRows.map((s) => s.client_key)).size };
};

/**
 * A gateway that decided approval_required itself queues the request: the decision is recorded (once
 * per client id) and the approval created with its links and notifications; queuing the same client
 * decision again answers the approval already queued.
 */
export const queueAgentApproval: Handler<Routes["queueAgentApproval"]> = async ({
  tx,
  org,
  input,
  actor,
  deps,
  requestId,
  afterCommit,
}) => {
  const agent = await actingAgent(tx, org.orgId, input.params.systemId);
  const body = input.body;
  if (body.clientDecisionId) {
    const existing = await tx
      .selectFrom("agent_decisions as d")
      .leftJoin("agent_approvals as a", "a.id", "d.approval_id")
      .select(["d.id", "a.id as approval_id", "a.ref", "a.status", "a.expires_at", "a.requirement"])
      .where("d.org_id", "=", org.orgId)
      .where("d.system_id", "=", agent.id)
      .where("d.client_decision_id", "=", body.clientDecisionId)
      .executeTakeFirst();
    if (existing?.approval_id && existing.ref && existing.status && existing.expires_at) {
      return {
        decisionId: existing.id,
        approval: {
          id: existing.approval_id,
          ref: existing.ref,
          status: existing.status as "pending",
          expiresAt: existing.expires_at.toISOString(),
          requirement: requirementOf(existing.requirement),
        },
      };
    }
  }
  await checkCallbackUrl({ tx, deps }, org.orgId, agent.id, body.callbackUrl);
  const now = new Date();
  const session = await openSession(tx, org.orgId, agent.id, body.sessionId, body.requester);
  const scope: AuditScope = { orgId: org.orgId, actor: auditActorOf(actor), requestId };
  let decisionId: string = randomUUID();
  const written = await insertDecisions(tx, scope, [
    {
      id: decisionId,
      orgId: org.orgId,
      systemId: agent.id,
      sessionId: session.id,
      origin: "gateway",
      decidedAt: now,
      call: body.call,
      outcome: "approval_required",
      rule: body.rule,
      reason: body.reason,
      policyVersionId: body.policySha256
        ? ((await policyVersionsBySha(tx, org.orgId, [body.policySha256])).get(body.policySha256) ?? null)
        : null,
      policySha256: body.policySha256 ?? null,
      approvalId: null,
      finalOutcome: null,
      durationUs: null,
      clientDecisionId: body.clientDecisionId ?? null,
    },
  ]);
  if (!written.has(decisionId) && body.clientDecisionId) {
    // Reported earlier without an approval: the request attaches to that decision.
    const reported = await tx
      .selectFrom("agent_decisions")
      .select("id")
      .where("org_id", "=", org.orgId)
      .where("system_id", "=", agent.id)
      .where("client_decision_id", "=", body.clientDecisionId)
      .executeTakeFirstOrThrow();
    decisionId = reported.id;
  }
  const queued = await queueApproval(tx, scope, deps.config.publicUrl, {
    orgId: org.orgId,
    system: agent,
    sessionId: session.id,
    decisionId,
    call: body.call,
    rule: body.rule,
    reason: body.reason,
    requester: body.requester ?? session.requester,
    requirement: body.requirement,
    callbackUrl: body.callbackUrl ?? null,
    now,
  });
  afterCommit(async () => sendApprovalMails(deps.mailer, queued.mails));
  return { decisionId, approval: queued.summary };
};

/** A new secret signing the agent's approval callbacks, sealed like webhook secrets; shown this once. */
export const rotateAgentWebhookSecret: Handler<Routes["rotateAgentWebhookSecret"]> = async ({
  tx,
  org,
  input,
  deps,
  audit,
}) => {
  const agent = await actingAgent(tx, org.orgId, input.params.systemId);
  const secret = newWebhookSecret();
  const sealed = deps.secrets.seal(org.orgId, secret);
  const now = new Date();
  // The previous secret stops signing at once: callbacks from now on, retries included, use the new one.
  const previous = await tx
    .deleteFrom("agent_webhook_secrets")
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", agent.id)
    .returning("id")
    .executeTakeFirst();
  await tx
    .insertInto("agent_webhook_secrets")
    .values({
      id: randomUUID(),
      org_id: org.orgId,
      system_id: agent.id,
      secret_sealed: sealed,
      created_by_member_id: org.membershipId,
      created_at: now,
    })
    .execute();
  await audit({
    action: "agent.webhook_secret_rotated",
    entityType: "ai_system",
    entityId: agent.id,
    changes: { webhookSecret: { before: previous ? "[redacted]" : null, after: "[redacted]" } },
  });
  return { secret, createdAt: now.toISOString() };
};

/** The newest policy version of the organisation with each document hash, for decisions that name only the hash. */
async function policyVersionsBySha(
  tx: Kysely<Database>,
  orgId: string,
  hashes: string[],
): Promise<Map<string, string>> {
  const versionBySha = new Map<string, string>();
  const shas = [...new Set(hashes)];
  if (shas.length === 0) return versionBySha;
  const versions = await tx
    .selectFrom("agent_policy_versions")
    .select(["id", "document_sha256"])
    .where("org_id", "=", orgId)
    .where("document_sha256", "in", shas)
    .orderBy("created_at", "desc")
    .execute();
  for (const version of versions) {
    if (!versionBySha.has(version.document_sha256)) versionBySha.set(version.document_sha256, version.id);
  }
  return versionBySha;
}
