import type { DocumentDetail, DocumentVersion, DocumentVersionStatus } from "@openaims/contracts";
import { deriveDocumentStatus, isOpenVersion, isoDate } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import { type DocumentRow, listVersions, loadMemberNames, memberIdsOf, type VersionRow } from "./document-queries.js";
import { findDocumentSummary, presentDocumentSummary } from "./document-summary-query.js";
import { presentVersion, presentVersionSummary, type ScopeSystem } from "./present-version.js";

/** Writes are refused on an archived document: it is kept as it was. */
export function refuseIfArchived(document: DocumentRow): void {
  if (document.archived_at)
    throw new AppError("illegal_transition", `Document ${document.ref} is archived; it can be read but not changed.`);
}

/**
 * Recomputes what the document row derives from its versions — status, version in force, version in
 * progress, next review — and bumps its version. Returns the document status before and after.
 */
export async function syncDocumentState(
  tx: Kysely<Database>,
  document: DocumentRow,
): Promise<{ before: string; after: string }> {
  const versions = await listVersions(tx, document.org_id, document.id);
  const inForce = versions.find((v) => v.status === "approved") ?? null;
  const open = versions.find((v) => isOpenVersion(v.status as DocumentVersionStatus)) ?? null;
  const status = deriveDocumentStatus({
    hasVersionInForce: inForce !== null,
    openVersionStatus: (open?.status as DocumentVersionStatus | undefined) ?? null,
  });
  await tx
    .updateTable("documents")
    .set({
      status,
      approved_version_id: inForce?.id ?? null,
      working_version_id: open?.id ?? null,
      next_review_date: inForce?.next_review_date ?? null,
      version: document.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", document.id)
    .execute();
  return { before: document.status, after: status };
}

/** A document with its whole version history (without bodies). */
export async function loadDocumentDetail(
  db: Kysely<Database>,
  orgId: string,
  documentId: string,
): Promise<DocumentDetail> {
  const summary = await findDocumentSummary(db, orgId, documentId);
  const versions = await listVersions(db, orgId, documentId);
  const names = await loadMemberNames(db, orgId, versions.flatMap(memberIdsOf));
  return {
    ...presentDocumentSummary(summary, isoDate(new Date())),
    versions: versions.map((version) => presentVersionSummary(version, names)),
  };
}

/** A version with its body, member names and, for a scope, the systems it names. */
export async function loadVersion(db: Kysely<Database>, orgId: string, row: VersionRow): Promise<DocumentVersion> {
  const names = await loadMemberNames(db, orgId, memberIdsOf(row));
  const systemIds = (row.scope_content?.systemIds as string[] | undefined) ?? [];
  let systems: ScopeSystem[] = [];
  if (systemIds.length > 0) {
    const rows = await db
      .selectFrom("ai_systems")
      .select(["id", "name", "slug", "archived_at"])
      .where("org_id", "=", orgId)
      .where("id", "in", systemIds)
      .execute();
    systems = rows.map((s) => ({ id: s.id, name: s.name, slug: s.slug, archived: s.archived_at !== null }));
  }
  return presentVersion(row, names, systems);
}
