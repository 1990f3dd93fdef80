import type { AgentApprovalStatus } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditScope, appendAuditEntries } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";
import { type ApprovalRow, requirementOf } from "./agent-decision-queries.js";
import { settleApproval } from "./approval-lifecycle.js";
import { type ApproverCandidate, whyMayNotApprove } from "./approver-eligibility.js";

const statusWords: Record<AgentApprovalStatus, string> = {
  pending: "waiting",
  approved: "already approved",
  refused: "already refused",
  expired: "expired",
  cancelled: "cancelled",
};

/** Why a request cannot be answered any more, or null while it waits. */
export function notPendingMessage(row: Pick<ApprovalRow, "ref" | "status" | "expires_at">, now: Date): string | null {
  if (row.status === "pending" && row.expires_at > now) return null;
  if (row.status === "pending" || row.status === "expired") {
    return `${row.ref} expired at ${row.expires_at.toISOString().slice(0, 16).replace("T", " ")} UTC; the agent's action was refused. The agent may ask again.`;
  }
  return `${row.ref} is ${statusWords[row.status as AgentApprovalStatus] ?? row.status}; it cannot be answered again.`;
}

/** The members who approved so far. */
export function approvedByOf(row: Pick<ApprovalRow, "approvals">): string[] {
  return row.approvals.map((given) => given.memberId);
}

/**
 * Records one member's answer on a locked, pending request: a refusal ends it; an approval counts,
 * and once `count` different members approved, the request is approved. Checks who may answer
 * (403 with the reason in words), with audit entries; the decision, session and callback follow.
 * Returns whether the request left pending.
 */
export async function answerApproval(
  tx: Kysely<Database>,
  scope: AuditScope,
  row: ApprovalRow,
  answerer: ApproverCandidate,
  answer: { decision: "approve" | "refuse"; reason: string },
  now: Date,
): Promise<boolean> {
  const requirement = requirementOf(row.requirement);
  const why = whyMayNotApprove(requirement, row.requester, answerer, approvedByOf(row));
  if (why) throw new AppError(why.startsWith("Segregation") ? "segregation_of_duties" : "forbidden", why);
  let status: "pending" | "approved" | "refused" = "pending";
  const approvals = [...row.approvals];
  if (answer.decision === "refuse") {
    status = "refused";
  } else {
    approvals.push({
      memberId: answerer.membershipId,
      name: answerer.name,
      at: now.toISOString(),
      reason: answer.reason,
    });
    if (new Set(approvals.map((given) => given.memberId)).size >= requirement.count) status = "approved";
  }
  const settled = status !== "pending";
  await tx
    .updateTable("agent_approvals")
    .set({
      status,
      approvals: JSON.stringify(approvals),
      updated_at: now,
      version: row.version + 1,
      ...(settled
        ? { answered_by_member_id: answerer.membershipId, answered_at: now, answer_reason: answer.reason || null }
        : {}),
    })
    .where("id", "=", row.id)
    .execute();
  const action =
    status === "refused"
      ? "agent_approval.refused"
      : status === "approved"
        ? "agent_approval.approved"
        : "agent_approval.approval_given";
  await appendAuditEntries(tx, scope, [
    {
      action,
      entityType: "agent_approval",
      entityId: row.id,
      changes: {
        status: { before: "pending", after: status },
        approvals: { before: row.approvals.length, after: approvals.length },
        reason: { before: null, after: answer.reason },
      },
    },
  ]);
  if (settled) await settleApproval(tx, scope, row, status as "approved" | "refused");
  return settled;
}
