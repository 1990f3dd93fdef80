import type { Role, Routes } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntries } from "../audit/append-audit-entry.js";
import { AppError, forbidden } from "../http/app-error.js";
import type { Actor, Handler } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { loadApproval, presentApproval } from "./agent-decision-queries.js";
import { answerApproval, notPendingMessage } from "./answer-approval.js";
import { approvalDetail } from "./approval-handlers.js";
import { announceApprovalSettled, expireOverdueApprovals, expireOverdueNow } from "./approval-lifecycle.js";
import type { ApproverCandidate } from "./approver-eligibility.js";

const UNKNOWN = "This approval link is not known. Open the request from the Agent approvals page instead.";

/**
 * The link of a token, checked: it must be the caller's own (the member it was sent to, active, in an
 * organisation the caller's session may act in), unused and unexpired (409 with words otherwise).
 */
async function openLink(db: Kysely<Database>, token: string, actor: Actor, forUpdate: boolean) {
  let query = db
    .selectFrom("agent_approval_links as l")
    .innerJoin("memberships as m", "m.id", "l.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select([
      "l.id",
      "l.org_id",
      "l.approval_id",
      "l.member_id",
      "l.expires_at",
      "l.used_at",
      "m.user_id",
      "m.role",
      "m.archived_at",
      "u.email",
      "u.name",
    ])
    .where("l.token_hash", "=", hashSecret(token));
  if (forUpdate) query = query.forUpdate(["l"]);
  const link = await query.executeTakeFirst();
  if (!link) throw new AppError("not_found", UNKNOWN);
  if (link.user_id !== actor.userId || link.archived_at || (actor.boundOrgId && actor.boundOrgId !== link.org_id)) {
    throw forbidden("This approval link was sent to another member; only they can use it.");
  }
  const member: ApproverCandidate = {
    membershipId: link.member_id,
    userId: link.user_id,
    email: link.email,
    name: link.name,
    role: link.role as Role,
  };
  return { link, member };
}

function linkClosedMessage(link: { used_at: Date | null; expires_at: Date }, now: Date): string | null {
  if (link.used_at) {
    return `This approval link was already used on ${link.used_at.toISOString().slice(0, 16).replace("T", " ")} UTC; each link works once.`;
  }
  if (link.expires_at <= now) {
    return `This approval link expired at ${link.expires_at.toISOString().slice(0, 16).replace("T", " ")} UTC.`;
  }
  return null;
}

export const getAgentApprovalLink: Handler<Routes["getAgentApprovalLink"]> = async ({ tx, input, actor }) => {
  const { link, member } = await openLink(tx, input.params.token, actor, false);
  const closed = linkClosedMessage(link, new Date());
  if (closed) throw new AppError("illegal_transition", closed);
  await expireOverdueNow(tx, link.org_id, link.approval_id);
  const row = await loadApproval(tx, link.org_id, link.approval_id);
  return {
    ...(await approvalDetail(tx, row, member)),
    orgId: link.org_id,
    linkExpiresAt: link.expires_at.toISOString(),
  };
};

/** Approves or refuses through a link: the same checks as the queue, and the link is used up. */
export const answerAgentApprovalLink: Handler<Routes["answerAgentApprovalLink"]> = async ({
  tx,
  input,
  actor,
  requestId,
  afterCommit,
  failAfterCommit,
}) => {
  const now = new Date();
  const { link, member } = await openLink(tx, input.params.token, actor, true);
  const closed = linkClosedMessage(link, now);
  if (closed) throw new AppError("illegal_transition", closed);
  const row = await loadApproval(tx, link.org_id, link.approval_id, true);
  const scope = { orgId: link.org_id, actor: auditActorOf(actor), requestId };
  const notPending = notPendingMessage(row, now);
  if (notPending) {
    if (row.status === "pending") {
      const expired = await expireOverdueApprovals(tx, link.org_id, now, row.id);
      afterCommit(async () => {
        for (const id of expired) announceApprovalSettled(id);
      });
      failAfterCommit(new AppError("illegal_transition", notPending));
      return { ...presentApproval(await loadApproval(tx, link.org_id, row.id)), orgId: link.org_id };
    }
    throw new AppError("illegal_transition", notPending);
  }
  const settled = await answerApproval(tx, scope, row, member, input.body, now);
  await tx.updateTable("agent_approval_links").set({ used_at: now }).where("id", "=", link.id).execute();
  await appendAuditEntries(tx, scope, [
    {
      action: "agent_approval.link_used",
      entityType: "agent_approval",
      entityId: row.id,
      changes: { link: { before: "unused", after: input.body.decision } },
    },
  ]);
  if (settled) afterCommit(async () => announceApprovalSettled(row.id));
  return { ...presentApproval(await loadApproval(tx, link.org_id, row.id)), orgId: link.org_id };
};
