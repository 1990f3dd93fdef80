import type { ChangeStatus, Routes } from "@openaims/contracts";
import { checkChangeDecision } from "@openaims/core";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler, HandlerContext } from "../http/handler-context.js";
import { loadChangeDetail, lockChange } from "./change-queries.js";

type Decision = "approved" | "rejected";

/** Approves or rejects a requested change once; the requester may do neither (segregation of duties). */
async function decideChange(
  { tx, org, actor, audit }: Pick<HandlerContext<Routes["approveChange"]>, "tx" | "org" | "actor" | "audit">,
  changeId: string,
  version: number,
  decision: Decision,
  note: string | null,
) {
  const change = await lockChange(tx, org.orgId, changeId);
  const from = change.status as ChangeStatus;
  const step = checkChangeDecision(from, decision);
  if (!step.ok) throw new AppError("illegal_transition", `${change.ref}: ${step.reason}`, { allowed: step.allowed });
  if (change.version !== version) throw staleVersion("change", change.version, version);
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "change", id: change.id },
  );
  const now = new Date();
  await tx
    .updateTable("system_changes")
    .set({
      status: decision,
      decided_by_member_id: org.membershipId,
      decided_at: now,
      decision_note: note,
      version: change.version + 1,
      updated_at: now,
    })
    .where("id", "=", change.id)
    .execute();
  await audit({
    action: decision === "approved" ? "change.approved" : "change.rejected",
    entityType: "change",
    entityId: change.id,
    changes: {
      status: { before: from, after: decision },
      decidedBy: { before: null, after: org.membershipId },
      ...(note ? { [decision === "approved" ? "note" : "reason"]: { before: null, after: note } } : {}),
    },
  });
  return loadChangeDetail(tx, org.orgId, change.id);
}

export const approveChange: Handler<Routes["approveChange"]> = async (ctx) =>
  decideChange(ctx, ctx.input.params.changeId, ctx.input.body.version, "approved", ctx.input.body.note || null);

export const rejectChange: Handler<Routes["rejectChange"]> = async (ctx) =>
  decideChange(ctx, ctx.input.params.changeId, ctx.input.body.version, "rejected", ctx.input.body.reason);
