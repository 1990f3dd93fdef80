import { type AuditResult, labelOf, type Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { type LockedAudit, lockAudit, teamOf, touchAudit } from "./audit-queries.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";
import { loadChecklistItem, lockChecklistItem } from "./checklist-item-queries.js";

/** Refuses an answer unless fieldwork is under way: results are recorded while the audit is in progress. */
function checkAnswering(audit: LockedAudit["row"]): void {
  if (audit.status === "in_progress") return;
  const hint =
    audit.status === "planned"
      ? "start the audit first"
      : audit.status === "reporting"
        ? "move it back to in progress to change a result"
        : "its record can no longer change";
  throw new AppError(
    "illegal_transition",
    `Checklist items are answered while the audit is in progress; ${audit.ref} is ${labelOf("internalAuditStatus", audit.status as "planned").toLowerCase()}, so ${hint}.`,
  );
}

/**
 * Answers a checklist item (result, notes, samples) while the audit is in progress, or assigns it to a
 * member of the audit team until the audit closes. A result that raised a nonconformity or improvement
 * stays as it is.
 */
export const updateChecklistItem: Handler<Routes["updateChecklistItem"]> = async ({ tx, org, input, audit }) => {
  const { auditId, itemId } = input.params;
  const { version, assigneeMemberId, ...answer } = input.body;
  const locked = await lockAudit(tx, org.orgId, auditId);
  checkAuditWriteAccess(org, teamOf(locked));
  const item = await lockChecklistItem(tx, org.orgId, auditId, itemId, version);
  const { row } = locked;
  if (row.status === "closed" || row.status === "cancelled")
    throw new AppError("illegal_transition", `${row.ref} is ${row.status} and its checklist can no longer change.`);
  const answering = answer.result !== undefined || answer.notes !== undefined || answer.samples !== undefined;
  if (answering) checkAnswering(row);
  if (
    assigneeMemberId &&
    assigneeMemberId !== row.lead_auditor_member_id &&
    !locked.auditorMemberIds.includes(assigneeMemberId)
  )
    throw invalidBody([
      { field: "assigneeMemberId", message: "is not on this audit's team (the lead auditor or an auditor)" },
    ]);
  const raised = item.nonconformity_id ?? item.improvement_id;
  if (raised && answer.result !== undefined && answer.result !== item.result) {
    const what = item.nonconformity_id ? "a nonconformity" : "an improvement";
    throw new AppError(
      "conflict",
      `${what.charAt(0).toUpperCase()}${what.slice(1)} was raised from this result, so the result stays; record a new finding in the notes instead.`,
    );
  }

  const before = {
    result: item.result,
    notes: item.notes,
    samples: item.samples,
    assigneeMemberId: item.assignee_member_id,
  };
  const after = {
    result: answer.result === undefined ? item.result : answer.result,
    notes: answer.notes ?? item.notes,
    samples: answer.samples ?? item.samples,
    assigneeMemberId: assigneeMemberId === undefined ? item.assignee_member_id : assigneeMemberId,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    const resultChanged = "result" in changes;
    await tx
      .updateTable("audit_checklist_items")
      .set({
        result: after.result,
        notes: after.notes,
        samples: after.samples,
        assignee_member_id: after.assigneeMemberId,
        ...(resultChanged
          ? {
              answered_by_member_id: after.result === null ? null : org.membershipId,
              answered_at: after.result === null ? null : new Date(),
            }
          : {}),
        version: item.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", item.id)
      .execute();
    await touchAudit(tx, row);
    await audit({
      action: answering ? "internal_audit.item_answered" : "internal_audit.item_assigned",
      entityType: "audit_checklist_item",
      entityId: item.id,
      changes: { requirement: { before: null, after: `${row.ref} ${item.requirement_id}` }, ...changes },
    });
  }
  return loadChecklistItem(tx, org.orgId, auditId, itemId);
};

/**
 * Sets the evidence a result rests on: existing evidence records of this organisation (another
 * organisation's answers 404), while the audit is in progress.
 */
export const setChecklistItemEvidence: Handler<Routes["setChecklistItemEvidence"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { auditId, itemId } = input.params;
  const locked = await lockAudit(tx, org.orgId, auditId);
  checkAuditWriteAccess(org, teamOf(locked));
  const item = await lockChecklistItem(tx, org.orgId, auditId, itemId, input.body.version);
  checkAnswering(locked.row);
  const wanted = [...new Set(input.body.evidenceIds)];
  const found =
    wanted.length === 0
      ? []
      : await tx
          .selectFrom("evidence")
          .select(["id", "ref"])
          .where("org_id", "=", org.orgId)
          .where("id", "in", wanted)
          .execute();
  const missing = wanted.find((id) => !found.some((evidence) => evidence.id === id));
  if (missing) throw notFound("Evidence", missing);
  const current = await tx
    .selectFrom("audit_item_evidence as l")
    .innerJoin("evidence as e", "e.id", "l.evidence_id")
    .select(["l.evidence_id", "e.ref"])
    .where("l.org_id", "=", org.orgId)
    .where("l.item_id", "=", item.id)
    .execute();
  const removed = current.filter((link) => !wanted.includes(link.evidence_id)).map((link) => link.evidence_id);
  const added = wanted.filter((id) => !current.some((link) => link.evidence_id === id));
  if (removed.length > 0 || added.length > 0) {
    if (removed.length > 0)
      await tx
        .deleteFrom("audit_item_evidence")
        .where("item_id", "=", item.id)
        .where("evidence_id", "in", removed)
        .execute();
    if (added.length > 0)
      await tx
        .insertInto("audit_item_evidence")
        .values(
          added.map((evidenceId) => ({
            item_id: item.id,
            org_id: org.orgId,
            evidence_id: evidenceId,
            linked_at: new Date(),
          })),
        )
        .execute();
    await tx
      .updateTable("audit_checklist_items")
      .set({ version: item.version + 1, updated_at: new Date() })
      .where("id", "=", item.id)
      .execute();
    await touchAudit(tx, locked.row);
    const refs = (ids: readonly string[]) =>
      ids
        .map((id) => found.find((e) => e.id === id)?.ref ?? current.find((l) => l.evidence_id === id)?.ref ?? id)
        .sort();
    await audit({
      action: "internal_audit.item_evidence_set",
      entityType: "audit_checklist_item",
      entityId: item.id,
      changes: { evidence: { before: refs(current.map((link) => link.evidence_id)), after: refs(wanted) } },
    });
  }
  return loadChecklistItem(tx, org.orgId, auditId, itemId);
};

/** A result's label in lower case, for messages and titles. */
export function resultWords(result: AuditResult | string | null): string {
  return result ? labelOf("auditResult", result as AuditResult).toLowerCase() : "unanswered";
}
