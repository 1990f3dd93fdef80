import { EventEmitter } from "node:events";
import type { AgentApprovalCallback, AgentApprovalStatus } from "@openaims/contracts";
import { recordStep, type StepOutcome } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadEffectivePolicy } from "../agent-policies/effective-policy.js";
import { type AuditScope, appendAuditEntries, systemActor } from "../audit/append-audit-entry.js";
import type { ServerConfig } from "../config.js";
import { enqueueJob } from "../jobs/enqueue-job.js";
import type { JobHandler } from "../jobs/job-types.js";
import { PermanentJobError } from "../jobs/job-types.js";
import { postWebhook, type WebhookOutcome } from "../notifications/post-webhook.js";
import { signWebhook } from "../notifications/webhook-signature.js";
import type { SecretBox } from "../secrets/secret-box.js";
import { type ApprovalRow, approvalQuery } from "./agent-decision-queries.js";
import { lockSession, saveSessionState } from "./agent-sessions.js";
import { finalOutcomeEvent } from "./record-decisions.js";

/** Told, in this process, when an approval leaves pending; long-polls listen by approval id. */
const approvalEvents = new EventEmitter();
approvalEvents.setMaxListeners(0);

export function announceApprovalSettled(approvalId: string): void {
  approvalEvents.emit(approvalId);
}

/** Calls `listener` once when the approval leaves pending in this process; returns the function that stops it. */
export function onApprovalSettled(approvalId: string, listener: () => void): () => void {
  approvalEvents.once(approvalId, listener);
  return () => approvalEvents.off(approvalId, listener);
}

export const APPROVAL_CALLBACK_JOB = "agent_approval.callback";
export const APPROVAL_EXPIRY_JOB = "agent_approval.expiry-sweep";
export const APPROVAL_EXPIRY_EVERY_MS = 60_000;

const stepOutcomeOf: Record<string, StepOutcome> = { approved: "approved", refused: "refused", expired: "expired" };

/**
 * What follows an approval leaving pending, in the caller's transaction: the decision row gets its
 * final outcome (with an audit entry), the session records the step (an approved call counts as
 * executed for flow rules and limits), and the signed callback is queued when the agent asked for one.
 * The caller announces the change to waiters after commit.
 */
export async function settleApproval(
  tx: Kysely<Database>,
  scope: AuditScope,
  approval: Pick<
    ApprovalRow,
    | "id"
    | "org_id"
    | "system_id"
    | "session_id"
    | "decision_id"
    | "action_kind"
    | "action_name"
    | "arguments"
    | "callback_url"
  >,
  status: "approved" | "refused" | "expired",
): Promise<void> {
  const events = [];
  if (approval.decision_id) {
    await tx
      .updateTable("agent_decisions")
      .set({ final_outcome: status })
      .where("id", "=", approval.decision_id)
      .where("org_id", "=", approval.org_id)
      .execute();
    events.push(finalOutcomeEvent(approval.decision_id, status));
  }
  await appendAuditEntries(tx, scope, events);
  if (approval.session_id) {
    const state = await lockSession(tx, approval.session_id);
    if (state) {
      const effective = await loadEffectivePolicy(tx, approval.org_id, approval.system_id);
      const call = {
        kind: approval.action_kind as "tool" | "resource" | "prompt",
        name: approval.action_name,
        arguments: approval.arguments,
      };
      const next = recordStep(
        state,
        call,
        stepOutcomeOf[status] ?? "expired",
        effective.policy,
        Date.now(),
        effective.toolClasses,
      );
      await saveSessionState(tx, approval.session_id, next);
    }
  }
  if (approval.callback_url) {
    await enqueueJob(tx, {
      kind: APPROVAL_CALLBACK_JOB,
      key: `${approval.id}:${status}`,
      orgId: approval.org_id,
      payload: { approvalId: approval.id },
    });
  }
}

/**
 * Expires pending approvals past their expiry (of one organisation, or every one; of one approval
 * when `approvalId` is given), each in the caller's transaction with its audit entries. Returns the
 * ids expired, for the caller to announce after commit.
 */
export async function expireOverdueApprovals(
  tx: Kysely<Database>,
  orgId: string | null,
  now: Date,
  approvalId?: string,
): Promise<string[]> {
  let query = tx
    .selectFrom("agent_approvals")
    .select([
      "id",
      "org_id",
      "system_id",
      "session_id",
      "decision_id",
      "action_kind",
      "action_name",
      "arguments",
      "callback_url",
      "version",
      "ref",
    ])
    .where("status", "=", "pending")
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(500)
    .forUpdate()
    .skipLocked();
  if (orgId) query = query.where("org_id", "=", orgId);
  if (approvalId) query = query.where("id", "=", approvalId);
  const rows = await query.execute();
  for (const row of rows) {
    await tx
      .updateTable("agent_approvals")
      .set({ status: "expired", answered_at: now, updated_at: now, version: row.version + 1 })
      .where("id", "=", row.id)
      .execute();
    const scope: AuditScope = { orgId: row.org_id, actor: systemActor("approval expiry"), requestId: null };
    await appendAuditEntries(tx, scope, [
      {
        action: "agent_approval.expired",
        entityType: "agent_approval",
        entityId: row.id,
        changes: { status: { before: "pending", after: "expired" } },
      },
    ]);
    await settleApproval(tx, scope, row, "expired");
  }
  return rows.map((row) => row.id);
}

/** Expires what is overdue in its own transaction and tells waiters; for reads that must not show stale pending. */
export async function expireOverdueNow(db: Kysely<Database>, orgId: string, approvalId?: string): Promise<void> {
  const pending = await db
    .selectFrom("agent_approvals")
    .select("id")
    .where("org_id", "=", orgId)
    .where("status", "=", "pending")
    .where("expires_at", "<=", new Date())
    .$if(approvalId !== undefined, (q) => q.where("id", "=", approvalId as string))
    .limit(1)
    .executeTakeFirst();
  if (!pending) return;
  const expired = await db.transaction().execute((tx) => expireOverdueApprovals(tx, orgId, new Date(), approvalId));
  for (const id of expired) announceApprovalSettled(id);
}

/** The signed body and headers of an approval's callback. */
export function approvalCallbackBody(row: ApprovalRow): AgentApprovalCallback {
  return {
    event: "agent_approval.answered",
    orgId: row.org_id,
    systemId: row.system_id,
    approvalId: row.id,
    ref: row.ref,
    decisionId: row.decision_id,
    sessionId: row.session_external_id,
    status: row.status as AgentApprovalStatus,
    answerReason: row.answer_reason,
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}

/** Posts an approval's answer to its callback URL, signed with the agent's secret as outgoing webhooks are. */
export async function deliverApprovalCallback(
  deps: { db: Kysely<Database>; secrets: SecretBox; config: ServerConfig; signal?: AbortSignal },
  approvalId: string,
): Promise<WebhookOutcome | "nothing" | "no_secret"> {
  const head = await deps.db
    .selectFrom("agent_approvals")
    .select("org_id")
    .where("id", "=", approvalId)
    .executeTakeFirst();
  if (!head) return "nothing";
  const row = await approvalQuery(deps.db, head.org_id).where("a.id", "=", approvalId).executeTakeFirst();
  if (!row?.callback_url || row.status === "pending") return "nothing";
  const secretRow = await deps.db
    .selectFrom("agent_webhook_secrets")
    .select("secret_sealed")
    .where("org_id", "=", row.org_id)
    .where("system_id", "=", row.system_id)
    .executeTakeFirst();
  if (!secretRow) return "no_secret";
  const secret = deps.secrets.open(row.org_id, secretRow.secret_sealed);
  const body = JSON.stringify(approvalCallbackBody(row));
  const timestamp = Math.floor(Date.now() / 1000);
  return postWebhook(
    new URL(row.callback_url),
    {
      "user-agent": "OpenAIMS-Webhook/1",
      "openaims-delivery": `${row.id}:${row.status}`,
      "openaims-event": "agent_approval.answered",
      "openaims-timestamp": String(timestamp),
      "openaims-signature": signWebhook(secret, timestamp, body),
    },
    body,
    { allowPrivate: deps.config.webhooksAllowPrivate, ...(deps.signal ? { signal: deps.signal } : {}) },
  );
}

const deliverCallback: JobHandler = async (job, ctx) => {
  const approvalId = job.payload.approvalId;
  if (typeof approvalId !== "string") throw new PermanentJobError("The approval callback job has no approvalId.");
  const outcome = await deliverApprovalCallback(
    { db: ctx.db, secrets: ctx.secrets, config: ctx.config, signal: ctx.signal },
    approvalId,
  );
  if (outcome === "nothing") return;
  if (outcome === "no_secret") throw new PermanentJobError("The agent has no webhook secret to sign the callback.");
  if (!outcome.ok) throw new Error(outcome.error);
};

const sweepExpiredApprovals: JobHandler = async (_job, { db }) => {
  for (;;) {
    const expired = await db.transaction().execute((tx) => expireOverdueApprovals(tx, null, new Date()));
    for (const id of expired) announceApprovalSettled(id);
    if (expired.length < 500) return;
  }
};

/** Jobs of the approval queue: signed callbacks, and the expiry sweep every minute. */
export const approvalJobHandlers: Record<string, JobHandler> = {
  [APPROVAL_CALLBACK_JOB]: deliverCallback,
  [APPROVAL_EXPIRY_JOB]: sweepExpiredApprovals,
};
