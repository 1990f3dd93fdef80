import type { InternalAuditStatus, Routes } from "@openaims/contracts";
import { auditCloseRefusal, checkAuditTransition } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadAuditDetail } from "./audit-detail.js";
import { lockAudit, teamOf } from "./audit-queries.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";

/**
 * Moves an audit a step: start fieldwork, report, go back to fieldwork, close or cancel. An illegal step
 * answers 409 naming the allowed ones; closing needs every checklist item answered and a conclusion (409
 * naming the open items otherwise); cancelling needs a reason, kept as the conclusion.
 */
export const transitionInternalAudit: Handler<Routes["transitionInternalAudit"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { version, to, conclusion: sent } = input.body;
  const locked = await lockAudit(tx, org.orgId, input.params.auditId, version);
  checkAuditWriteAccess(org, teamOf(locked));
  const { row } = locked;
  const from = row.status as InternalAuditStatus;
  const step = checkAuditTransition(from, to);
  if (!step.ok) throw new AppError("illegal_transition", `${row.ref}: ${step.reason}`, { allowed: step.allowed });

  const conclusion = sent ?? row.conclusion;
  if (to === "closed") {
    const open = await tx
      .selectFrom("audit_checklist_items")
      .select("requirement_id")
      .where("org_id", "=", org.orgId)
      .where("audit_id", "=", row.id)
      .where("result", "is", null)
      .orderBy("position")
      .execute();
    const unanswered = open.map((item) => item.requirement_id);
    const refusal = auditCloseRefusal(row.ref, unanswered, conclusion);
    if (refusal) throw new AppError("illegal_transition", refusal, { unanswered });
  }
  if (to === "cancelled" && !sent?.trim())
    throw invalidBody([{ field: "conclusion", message: "must say why the audit is cancelled" }]);

  const now = new Date();
  await tx
    .updateTable("internal_audits")
    .set({
      status: to,
      conclusion,
      ...(to === "in_progress" && !row.started_at ? { started_at: now } : {}),
      ...(to === "closed" ? { closed_at: now } : {}),
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "internal_audit.status_changed",
    entityType: "internal_audit",
    entityId: row.id,
    changes: {
      status: { before: from, after: to },
      ...(conclusion !== row.conclusion ? { conclusion: { before: row.conclusion, after: conclusion } } : {}),
    },
  });
  return loadAuditDetail(tx, org.orgId, row.id);
};
