import {
  type DocumentVersionAction,
  type DocumentVersionStatus,
  type Routes,
  scopeContentSchema,
} from "@openaims/contracts";
import {
  approvalDates,
  checkApproval,
  checkReviewDates,
  hashDocumentBody,
  isoDate,
  nextVersionStatus,
  scopeSubmissionProblem,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely, Updateable } from "kysely";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError, forbidden, staleVersion } from "../http/app-error.js";
import type { Handler, HandlerContext } from "../http/handler-context.js";
import { type DocumentRow, findDocument, findVersion, type VersionRow } from "./document-queries.js";
import { loadVersion, refuseIfArchived, syncDocumentState } from "./document-state.js";
import { invalidBody } from "./reference-checks.js";

type VersionRoute = Routes[
  | "submitDocumentVersion"
  | "requestDocumentChanges"
  | "approveDocumentVersion"
  | "retireDocumentVersion"];

const actionWords: Record<DocumentVersionAction, string> = {
  submit: "submitted for review",
  request_changes: "sent back for changes",
  approve: "approved",
  supersede: "superseded",
  retire: "retired",
};

/** Loads the document and version, locked, and checks that the action is allowed now. */
async function prepare(
  ctx: HandlerContext<VersionRoute>,
  action: DocumentVersionAction,
): Promise<{ document: DocumentRow; row: VersionRow; to: DocumentVersionStatus }> {
  const { documentId, versionId } = ctx.input.params;
  const document = await findDocument(ctx.tx, ctx.org.orgId, documentId, true);
  const row = await findVersion(ctx.tx, ctx.org.orgId, documentId, versionId, true);
  refuseIfArchived(document);
  const to = nextVersionStatus(row.status as DocumentVersionStatus, action);
  if (!to)
    throw new AppError(
      "illegal_transition",
      `Version ${row.number} of ${document.ref} is ${row.status.replace("_", " ")} and cannot be ${actionWords[action]}.`,
    );
  if (row.version !== ctx.input.body.version)
    throw staleVersion("document version", row.version, ctx.input.body.version);
  return { document, row, to };
}

/** Writes a version's new status and fields, re-derives the document, and records both in one audit entry. */
async function transition(
  ctx: HandlerContext<VersionRoute>,
  step: { document: DocumentRow; row: VersionRow; to: DocumentVersionStatus },
  action: string,
  set: Updateable<Database["document_versions"]>,
  changes: Record<string, { before: unknown; after: unknown }> = {},
) {
  const { tx, org } = ctx;
  await setVersion(tx, step.row, { ...set, status: step.to });
  const state = await syncDocumentState(tx, step.document);
  await ctx.audit({
    action,
    entityType: "document_version",
    entityId: step.row.id,
    changes: {
      status: { before: step.row.status, after: step.to },
      ...changes,
      ...(state.before !== state.after ? { documentStatus: state } : {}),
    },
  });
  return loadVersion(tx, org.orgId, await findVersion(tx, org.orgId, step.document.id, step.row.id));
}

function approverOf(ctx: HandlerContext<VersionRoute>) {
  return { orgId: ctx.org.orgId, membershipId: ctx.org.membershipId, userId: ctx.actor.userId };
}

function setVersion(tx: Kysely<Database>, row: VersionRow, set: Updateable<Database["document_versions"]>) {
  return tx
    .updateTable("document_versions")
    .set({ ...set, version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
}

export const submitDocumentVersion: Handler<Routes["submitDocumentVersion"]> = async (ctx) => {
  const step = await prepare(ctx, "submit");
  const problem =
    step.row.scope_content !== null
      ? scopeSubmissionProblem(scopeContentSchema.parse(step.row.scope_content))
      : step.row.body.trim() === ""
        ? "Write the document before submitting it for review."
        : null;
  if (problem) throw new AppError("illegal_transition", problem);
  const sha = hashDocumentBody(step.row.body);
  return transition(
    ctx,
    step,
    "document_version.submitted",
    { submitted_at: new Date(), submitted_by_member_id: ctx.org.membershipId, submitted_sha256: sha },
    { submittedSha256: { before: null, after: sha } },
  );
};

export const requestDocumentChanges: Handler<Routes["requestDocumentChanges"]> = async (ctx) => {
  const step = await prepare(ctx, "request_changes");
  const comment = ctx.input.body.comment;
  return transition(
    ctx,
    step,
    "document_version.changes_requested",
    {
      changes_requested_comment: comment,
      changes_requested_by_member_id: ctx.org.membershipId,
      changes_requested_at: new Date(),
      submitted_sha256: null,
    },
    { comment: { before: step.row.changes_requested_comment, after: comment } },
  );
};

export const approveDocumentVersion: Handler<Routes["approveDocumentVersion"]> = async (ctx) => {
  const step = await prepare(ctx, "approve");
  const { row, document } = step;
  await refuseSelfApproval(ctx.tx, approverOf(ctx), { kind: "document_version", id: row.id });
  const currentSha256 = hashDocumentBody(row.body);
  const refusal = checkApproval({
    submittedSha256: row.submitted_sha256,
    currentSha256,
    reviewedSha256: ctx.input.body.bodySha256,
    approverMemberIds: row.approver_member_ids,
    actorMemberId: ctx.org.membershipId,
  });
  if (refusal === "body_changed")
    throw new AppError(
      "conflict",
      `The text of version ${row.number} of ${document.ref} changed after it was submitted for review; request changes and submit it again.`,
    );
  if (refusal === "not_reviewed_body")
    throw new AppError("conflict", "The text you reviewed is not the text in review now. Reload it and review again.");
  if (refusal === "not_an_approver")
    throw forbidden(`Only the approvers named on version ${row.number} of ${document.ref} can approve it.`);
  const dates = approvalDates({
    today: isoDate(new Date()),
    requested: { effectiveDate: ctx.input.body.effectiveDate, nextReviewDate: ctx.input.body.nextReviewDate },
    draft: { effectiveDate: row.effective_date, nextReviewDate: row.next_review_date },
  });
  const dateProblem = checkReviewDates(dates.effectiveDate, dates.nextReviewDate);
  if (dateProblem) throw invalidBody([{ field: "nextReviewDate", message: dateProblem }]);
  await supersedeVersionInForce(ctx, document, row);
  return transition(
    ctx,
    step,
    "document_version.approved",
    {
      approved_by_member_id: ctx.org.membershipId,
      approved_at: new Date(),
      effective_date: dates.effectiveDate,
      next_review_date: dates.nextReviewDate,
    },
    {
      bodySha256: { before: row.body_sha256, after: currentSha256 },
      effectiveDate: { before: row.effective_date, after: dates.effectiveDate },
      nextReviewDate: { before: row.next_review_date, after: dates.nextReviewDate },
    },
  );
};

/** The version in force before an approval stays on record, marked superseded by the new one. */
async function supersedeVersionInForce(ctx: HandlerContext<VersionRoute>, document: DocumentRow, next: VersionRow) {
  const current = await ctx.tx
    .selectFrom("document_versions")
    .selectAll()
    .where("document_id", "=", document.id)
    .where("status", "=", "approved")
    .forUpdate()
    .executeTakeFirst();
  if (!current) return;
  await setVersion(ctx.tx, current, {
    status: "superseded",
    superseded_at: new Date(),
    superseded_by_version_id: next.id,
  });
  await ctx.audit({
    action: "document_version.superseded",
    entityType: "document_version",
    entityId: current.id,
    changes: {
      status: { before: "approved", after: "superseded" },
      supersededByVersionId: { before: null, after: next.id },
    },
  });
}

export const retireDocumentVersion: Handler<Routes["retireDocumentVersion"]> = async (ctx) => {
  const step = await prepare(ctx, "retire");
  return transition(
    ctx,
    step,
    "document_version.retired",
    { retired_at: new Date(), retire_reason: ctx.input.body.reason },
    { retireReason: { before: null, after: ctx.input.body.reason } },
  );
};
