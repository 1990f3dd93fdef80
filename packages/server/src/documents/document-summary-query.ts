import type { DocumentKind, DocumentStatus, DocumentSummary, DocumentVersionStatus } from "@openaims/contracts";
import { isReviewOverdue } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Documents of one organisation with what a summary shows: owner, version in force, version in progress. */
export function documentSummaryQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("documents as d")
    .leftJoin("document_versions as av", "av.id", "d.approved_version_id")
    .leftJoin("document_versions as wv", "wv.id", "d.working_version_id")
    .leftJoin("memberships as om", "om.id", "d.owner_member_id")
    .leftJoin("users as ou", "ou.id", "om.user_id")
    .select([
      "d.id",
      "d.ref",
      "d.title",
      "d.kind",
      "d.status",
      "d.owner_member_id",
      "d.next_review_date",
      "d.approved_version_id",
      "d.working_version_id",
      "d.created_at",
      "d.updated_at",
      "d.version",
      "d.archived_at",
      "d.archive_reason",
      "ou.name as owner_name",
      "av.number as approved_number",
      "av.effective_date as approved_effective_date",
      "wv.number as working_number",
      "wv.status as working_status",
    ])
    .where("d.org_id", "=", orgId);
}

export type DocumentSummaryRow = Awaited<
  ReturnType<ReturnType<typeof documentSummaryQuery>["executeTakeFirstOrThrow"]>
>;

export async function findDocumentSummary(
  db: Kysely<Database>,
  orgId: string,
  documentId: string,
): Promise<DocumentSummaryRow> {
  const row = await documentSummaryQuery(db, orgId).where("d.id", "=", documentId).executeTakeFirst();
  if (!row) throw notFound("Document", documentId);
  return row;
}

/** A document as lists show it. `today` decides whether its review is overdue. */
export function presentDocumentSummary(row: DocumentSummaryRow, today: string): DocumentSummary {
  const inForce = row.status === "approved";
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    kind: row.kind as DocumentKind,
    status: row.status as DocumentStatus,
    owner: row.owner_member_id ? { id: row.owner_member_id, name: row.owner_name ?? "" } : null,
    nextReviewDate: row.next_review_date,
    reviewOverdue: inForce && row.archived_at === null && isReviewOverdue(row.next_review_date, today),
    approvedVersion:
      row.approved_version_id && row.approved_number !== null
        ? { id: row.approved_version_id, number: row.approved_number, effectiveDate: row.approved_effective_date }
        : null,
    workingVersion:
      row.working_version_id && row.working_number !== null
        ? {
            id: row.working_version_id,
            number: row.working_number,
            status: row.working_status as DocumentVersionStatus,
          }
        : null,
    archivedAt: row.archived_at?.toISOString() ?? null,
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
