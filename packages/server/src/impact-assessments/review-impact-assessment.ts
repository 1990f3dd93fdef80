import type { ImpactContent, Routes } from "@openaims/contracts";
import { fieldMessage } from "@openaims/contracts";
import { findSubmissionGaps, hashImpactContent } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { lockForAction } from "./edit-impact-assessment.js";
import { findAssessment, illegal, lockSystem } from "./impact-assessment-queries.js";
import { appendReviewEntry, systemMaterialChangedAt } from "./impact-review-log.js";
import { presentAssessment } from "./present-impact-assessment.js";

const entityType = "impact_assessment";

/** Submits a complete draft; the content hash and the system's state at this moment are recorded. */
export const submitImpactAssessment: Handler<Routes["submitImpactAssessment"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const row = await lockForAction(tx, org.orgId, input.params.assessmentId, "submit", input.body.version);
  const content = row.content as ImpactContent;
  const gaps = findSubmissionGaps(content);
  if (gaps.length > 0) {
    const fields = gaps.map((gap) => fieldMessage(`content.${gap.field}`, gap.message));
    const summary = gaps
      .slice(0, 5)
      .map((gap) => gap.message)
      .join("; ");
    const more = gaps.length > 5 ? ` (and ${gaps.length - 5} more)` : "";
    throw new AppError("validation_failed", `${row.ref} is not complete yet — ${summary}${more}.`, { fields });
  }
  const now = new Date();
  const hash = hashImpactContent(content);
  await tx
    .updateTable("impact_assessments")
    .set({
      status: "submitted",
      submitted_at: now,
      submitted_by: actor.userId,
      submitted_content_hash: hash,
      submitted_system_material_at: systemMaterialChangedAt(tx, row.system_id),
      review_log: appendReviewEntry(row, "submitted", actor, now, null),
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "impact_assessment.submitted",
    entityType,
    entityId: row.id,
    changes: { status: { before: "draft", after: "submitted" }, contentHash: { before: null, after: hash } },
  });
  return presentAssessment(await findAssessment(tx, org.orgId, row.id));
};

/** Sends a submitted revision back to its author with a comment. */
export const returnImpactAssessment: Handler<Routes["returnImpactAssessment"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const row = await lockForAction(tx, org.orgId, input.params.assessmentId, "return", input.body.version);
  const now = new Date();
  await tx
    .updateTable("impact_assessments")
    .set({
      status: "draft",
      submitted_at: null,
      submitted_by: null,
      submitted_content_hash: null,
      submitted_system_material_at: null,
      review_log: appendReviewEntry(row, "returned", actor, now, input.body.comment),
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "impact_assessment.returned",
    entityType,
    entityId: row.id,
    changes: { status: { before: "submitted", after: "draft" }, comment: { before: null, after: input.body.comment } },
  });
  return presentAssessment(await findAssessment(tx, org.orgId, row.id));
};

/**
 * Approves a submitted revision exactly as submitted and as the approver reviewed it. The approved
 * revision in force, if any, is superseded. The system's last material change is copied onto the
 * approval: a later change makes it stale.
 */
export const approveImpactAssessment: Handler<Routes["approveImpactAssessment"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const system = await lockSystem(tx, org.orgId, await systemIdOf(tx, org.orgId, input.params.assessmentId));
  const row = await lockForAction(tx, org.orgId, input.params.assessmentId, "approve", input.body.version);
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "impact_assessment", id: row.id },
  );
  const current = hashImpactContent(row.content as ImpactContent);
  if (current !== row.submitted_content_hash)
    throw new AppError(
      "conflict",
      `${row.ref} changed after it was submitted, so it cannot be approved. Return it to draft and submit it again.`,
    );
  if (input.body.contentHash !== row.submitted_content_hash)
    throw new AppError(
      "conflict",
      `${row.ref} is not the version you reviewed: its content changed since. Reload it, review it again, then approve.`,
      { contentHash: row.submitted_content_hash },
    );
  const submittedAgainst = row.submitted_system_material_at;
  if (!submittedAgainst || system.material_changed_at.getTime() > submittedAgainst.getTime())
    throw illegal(
      `AI system '${system.name}' changed materially after ${row.ref} was submitted. Return it to draft, review the changes, and submit it again.`,
    );
  const now = new Date();
  const previous = await tx
    .selectFrom("impact_assessments")
    .select(["id", "ref", "version"])
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id)
    .where("status", "=", "approved")
    .where("archived_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (previous) {
    await tx
      .updateTable("impact_assessments")
      .set({ status: "superseded", superseded_at: now, version: previous.version + 1, updated_at: now })
      .where("id", "=", previous.id)
      .execute();
    await audit({
      action: "impact_assessment.superseded",
      entityType,
      entityId: previous.id,
      changes: { status: { before: "approved", after: "superseded" }, supersededBy: { before: null, after: row.ref } },
    });
  }
  await tx
    .updateTable("impact_assessments")
    .set({
      status: "approved",
      approved_at: now,
      approved_by: actor.userId,
      system_material_at: systemMaterialChangedAt(tx, system.id),
      review_log: appendReviewEntry(row, "approved", actor, now, input.body.comment ?? null),
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  const approved = await findAssessment(tx, org.orgId, row.id);
  await audit({
    action: "impact_assessment.approved",
    entityType,
    entityId: row.id,
    changes: {
      status: { before: "submitted", after: "approved" },
      contentHash: { before: null, after: current },
      systemMaterialAt: { before: null, after: approved.system_material_at?.toISOString() ?? null },
      supersedes: { before: null, after: previous?.ref ?? null },
      comment: { before: null, after: input.body.comment ?? null },
    },
  });
  return presentAssessment(approved);
};

/** The system of a revision, read before locking so the system can be locked first. */
async function systemIdOf(db: Kysely<Database>, orgId: string, id: string): Promise<string> {
  const row = await db
    .selectFrom("impact_assessments")
    .select("system_id")
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Impact assessment", id);
  return row.system_id;
}
