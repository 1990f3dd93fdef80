import type { AgentApprovalDetail, AgentSessionStep, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Actor, Handler, HandlerContext, OrgScope } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { auditActorOf } from "../http/register-routes.js";
import {
  type ApprovalRow,
  approvalQuery,
  loadApproval,
  presentApproval,
  requirementOf,
} from "./agent-decision-queries.js";
import { answerApproval, approvedByOf, notPendingMessage } from "./answer-approval.js";
import {
  announceApprovalSettled,
  expireOverdueApprovals,
  expireOverdueNow,
  onApprovalSettled,
} from "./approval-lifecycle.js";
import { approverCandidates } from "./approval-queue.js";
import type { ApproverCandidate } from "./approver-eligibility.js";
import { whyMayNotApprove } from "./approver-eligibility.js";

/** The approval queue: pending requests oldest first (they expire first); other statuses newest first. */
export const listAgentApprovals: Handler<Routes["listAgentApprovals"]> = async ({ tx, org, input }) => {
  await expireOverdueNow(tx, org.orgId);
  const { limit, cursor: rawCursor, status, systemId } = input.query;
  const sort = keysetSort(status === "pending" ? "createdAt" : "-createdAt", { createdAt: "a.created_at" }, "a.id");
  const cursor = parseCursor(rawCursor);
  let query = approvalQuery(tx, org.orgId);
  if (status) query = query.where("a.status", "=", status);
  if (systemId) query = query.where("a.system_id", "=", systemId);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("a.created_at", sort.direction)
    .orderBy("a.id", sort.direction)
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentApproval);
};

/** The member answering, from the request's caller. */
export function answererOf(actor: Actor, org: Pick<OrgScope, "membershipId" | "role">): ApproverCandidate {
  return { membershipId: org.membershipId, userId: actor.userId, email: actor.email, name: actor.name, role: org.role };
}

/** An approval with the session's recent steps, who may answer, and whether `viewer` may. */
export async function approvalDetail(
  db: Kysely<Database>,
  row: ApprovalRow,
  viewer: ApproverCandidate,
): Promise<AgentApprovalDetail> {
  let recentSteps: AgentSessionStep[] = [];
  if (row.session_id) {
    const steps = await db
      .selectFrom("agent_decisions")
      .select(["id", "decided_at", "origin", "action_kind", "action_name", "outcome", "rule", "final_outcome"])
      .where("org_id", "=", row.org_id)
      .where("session_id", "=", row.session_id)
      .orderBy("decided_at", "desc")
      .orderBy("id", "desc")
      .limit(20)
      .execute();
    recentSteps = steps.reverse().map((step) => ({
      decisionId: step.id,
      decidedAt: step.decided_at.toISOString(),
      origin: step.origin as AgentSessionStep["origin"],
      call: { kind: step.action_kind as AgentSessionStep["call"]["kind"], name: step.action_name },
      outcome: step.outcome as AgentSessionStep["outcome"],
      rule: step.rule,
      finalOutcome: (step.final_outcome as AgentSessionStep["finalOutcome"]) ?? null,
    }));
  }
  const requirement = requirementOf(row.requirement);
  const approvedBy = approvedByOf(row);
  const candidates = await approverCandidates(db, row.org_id);
  const pendingWhy = notPendingMessage(row, new Date());
  const eligibleApprovers =
    pendingWhy === null
      ? candidates
          .filter((c) => whyMayNotApprove(requirement, row.requester, c, approvedBy) === null)
          .map((c) => ({ memberId: c.membershipId, name: c.name }))
      : [];
  const viewerWhy = pendingWhy ?? whyMayNotApprove(requirement, row.requester, viewer, approvedBy);
  return {
    ...presentApproval(row),
    recentSteps,
    eligibleApprovers,
    mayApprove: viewerWhy === null,
    mayNotApproveReason: viewerWhy,
  };
}

export const getAgentApproval: Handler<Routes["getAgentApproval"]> = async ({ tx, org, input, actor }) => {
  const row = await loadApproval(tx, org.orgId, input.params.approvalId);
  if (row.status === "pending" && row.expires_at <= new Date()) {
    await expireOverdueNow(tx, org.orgId, row.id);
    return approvalDetail(tx, await loadApproval(tx, org.orgId, row.id), answererOf(actor, org));
  }
  return approvalDetail(tx, row, answererOf(actor, org));
};

type AnswerContext = HandlerContext<Routes["approveAgentAction"]> | HandlerContext<Routes["refuseAgentAction"]>;

/**
 * Answers a request from the queue: 409 when it is not pending, expired (the expiry is committed) or
 * the version is stale; 403 with the reason when the caller may not answer it.
 */
async function answerFromQueue(ctx: AnswerContext, decision: "approve" | "refuse", reason: string) {
  const { tx, org, input, actor, requestId } = ctx;
  const now = new Date();
  const row = await loadApproval(tx, org.orgId, input.params.approvalId, true);
  const closed = notPendingMessage(row, now);
  if (closed) {
    if (row.status === "pending") {
      await expireOne(ctx, row);
      ctx.failAfterCommit(new AppError("illegal_transition", closed));
      return presentApproval(await loadApproval(tx, org.orgId, row.id));
    }
    throw new AppError("illegal_transition", closed);
  }
  if (input.body.version !== row.version) throw staleVersion("approval request", row.version, input.body.version);
  const settled = await answerApproval(
    tx,
    { orgId: org.orgId, actor: auditActorOf(actor), requestId },
    row,
    answererOf(actor, org),
    { decision, reason },
    now,
  );
  if (settled) ctx.afterCommit(async () => announceApprovalSettled(row.id));
  return presentApproval(await loadApproval(tx, org.orgId, row.id));
}

/** Expires one overdue request inside the caller's transaction, telling waiters after commit. */
export async function expireOne(ctx: Pick<AnswerContext, "tx" | "afterCommit">, row: ApprovalRow) {
  const expired = await expireOverdueApprovals(ctx.tx, row.org_id, new Date(), row.id);
  ctx.afterCommit(async () => {
    for (const id of expired) announceApprovalSettled(id);
  });
}

export const approveAgentAction: Handler<Routes["approveAgentAction"]> = async (ctx) =>
  answerFromQueue(ctx, "approve", ctx.input.body.reason ?? "");

export const refuseAgentAction: Handler<Routes["refuseAgentAction"]> = async (ctx) =>
  answerFromQueue(ctx, "refuse", ctx.input.body.reason);

/** How often a long-poll looks at the database too, for answers given on another server. */
const RECHECK_MS = 5_000;

/**
 * Long-poll: answers as soon as the request leaves pending (told in-process, or seen by a database
 * look every few seconds for answers given on another server), at its expiry, or pending at the timeout.
 */
export const waitForAgentApproval: Handler<Routes["waitForAgentApproval"]> = async ({ tx, org, input, reply }) => {
  const approvalId = input.params.approvalId;
  const deadline = Date.now() + input.query.timeoutSeconds * 1000;
  let row = await loadApproval(tx, org.orgId, approvalId);
  for (;;) {
    if (row.status === "pending" && row.expires_at <= new Date()) {
      await expireOverdueNow(tx, org.orgId, row.id);
      row = await loadApproval(tx, org.orgId, row.id);
    }
    const left = deadline - Date.now();
    if (row.status !== "pending" || left <= 0 || reply.raw.destroyed) break;
    const untilExpiry = row.expires_at.getTime() - Date.now() + 20;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, Math.min(left, RECHECK_MS, untilExpiry)));
      const stop = onApprovalSettled(row.id, done);
      const onClose = () => done();
      reply.raw.once("close", onClose);
      function done() {
        clearTimeout(timer);
        stop();
        reply.raw.off("close", onClose);
        resolve();
      }
    });
    row = await loadApproval(tx, org.orgId, approvalId);
  }
  return {
    id: row.id,
    status: row.status as "pending",
    answerReason: row.answer_reason,
    answeredAt: row.answered_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
  };
};
