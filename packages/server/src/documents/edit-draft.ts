import type { ScopeContent } from "@openaims/contracts";
import { checkReviewDates, diffChanges, hashDocumentBody, isVersionEditable } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { AppError, staleVersion } from "../http/app-error.js";
import type { DocumentRow, VersionRow } from "./document-queries.js";
import { refuseIfArchived } from "./document-state.js";
import { checkMembers, checkSystems, type FieldProblem, refuseProblems } from "./reference-checks.js";
import { renderScopeBody } from "./scope-body.js";

/** What an edit of a draft may change; absent fields stay as they are. */
export interface DraftChanges {
  version: number;
  body?: string | undefined;
  scope?: ScopeContent | undefined;
  changeSummary?: string | undefined;
  approverMemberIds?: string[] | undefined;
  effectiveDate?: string | null | undefined;
  nextReviewDate?: string | null | undefined;
}

/**
 * Edits a draft version: only drafts change, at the version the editor read. A scope's body is
 * rendered from its structured content; any other document's body is written directly.
 */
export async function editDraft(
  tx: Kysely<Database>,
  document: DocumentRow,
  draft: VersionRow,
  input: DraftChanges,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<void> {
  refuseIfArchived(document);
  if (!isVersionEditable(draft.status as "draft"))
    throw new AppError(
      "illegal_transition",
      `Version ${draft.number} of ${document.ref} is ${draft.status.replace("_", " ")}; only a draft can be edited.`,
    );
  if (draft.version !== input.version) throw staleVersion("document version", draft.version, input.version);
  const isScope = document.kind === "aims_scope";
  const problems: FieldProblem[] = [];
  if (isScope && input.body !== undefined)
    problems.push({ field: "body", message: "the AIMS scope is written through its structured content" });
  if (!isScope && input.scope !== undefined)
    problems.push({ field: "content", message: "only the AIMS scope has structured content" });
  if (input.approverMemberIds)
    problems.push(...(await checkMembers(tx, document.org_id, "approverMemberIds", input.approverMemberIds)));
  if (isScope && input.scope) {
    const kept = (draft.scope_content?.systemIds as string[] | undefined) ?? [];
    problems.push(...(await checkSystems(tx, document.org_id, "content.systemIds", input.scope.systemIds, kept)));
  }
  const effectiveDate = input.effectiveDate === undefined ? draft.effective_date : input.effectiveDate;
  const nextReviewDate = input.nextReviewDate === undefined ? draft.next_review_date : input.nextReviewDate;
  const dateProblem = checkReviewDates(effectiveDate, nextReviewDate);
  if (dateProblem) problems.push({ field: "nextReviewDate", message: dateProblem });
  refuseProblems(problems);

  const body =
    isScope && input.scope
      ? await renderScopeBody(tx, document.org_id, document.title, input.scope)
      : (input.body ?? draft.body);
  const next = {
    bodySha256: hashDocumentBody(body),
    scope: isScope ? (input.scope ?? draft.scope_content) : null,
    changeSummary: input.changeSummary ?? draft.change_summary,
    approverMemberIds: input.approverMemberIds ?? draft.approver_member_ids,
    effectiveDate,
    nextReviewDate,
  };
  const changes = diffChanges(
    {
      bodySha256: draft.body_sha256,
      scope: draft.scope_content,
      changeSummary: draft.change_summary,
      approverMemberIds: draft.approver_member_ids,
      effectiveDate: draft.effective_date,
      nextReviewDate: draft.next_review_date,
    },
    next,
  );
  if (Object.keys(changes).length === 0) return;
  await tx
    .updateTable("document_versions")
    .set({
      body,
      body_sha256: next.bodySha256,
      scope_content: next.scope ? JSON.stringify(next.scope) : null,
      change_summary: next.changeSummary,
      approver_member_ids: JSON.stringify(next.approverMemberIds),
      effective_date: next.effectiveDate,
      next_review_date: next.nextReviewDate,
      version: draft.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", draft.id)
    .execute();
  await audit({ action: "document_version.updated", entityType: "document_version", entityId: draft.id, changes });
}
