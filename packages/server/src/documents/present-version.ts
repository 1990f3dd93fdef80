import {
  type DocumentVersion,
  type DocumentVersionStatus,
  type DocumentVersionSummary,
  type MemberRef,
  scopeContentSchema,
} from "@openaims/contracts";
import { allowedVersionActions, isVersionEditable } from "@openaims/core";
import type { VersionRow } from "./document-queries.js";

type Names = ReadonlyMap<string, string>;

function memberRef(id: string | null, names: Names): MemberRef | null {
  return id ? { id, name: names.get(id) ?? "Unknown member" } : null;
}

/** A version without its body, as the history lists it. */
export function presentVersionSummary(row: VersionRow, names: Names): DocumentVersionSummary {
  const status = row.status as DocumentVersionStatus;
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    status,
    changeSummary: row.change_summary,
    bodySha256: row.body_sha256,
    approvers: row.approver_member_ids.map((id) => ({ id, name: names.get(id) ?? "Unknown member" })),
    createdBy: memberRef(row.created_by_member_id, names),
    basedOnVersionId: row.based_on_version_id,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    submittedBy: memberRef(row.submitted_by_member_id, names),
    changesRequested:
      row.changes_requested_comment && row.changes_requested_at
        ? {
            comment: row.changes_requested_comment,
            by: memberRef(row.changes_requested_by_member_id, names),
            at: row.changes_requested_at.toISOString(),
          }
        : null,
    approvedBy: memberRef(row.approved_by_member_id, names),
    approvedAt: row.approved_at?.toISOString() ?? null,
    effectiveDate: row.effective_date,
    nextReviewDate: row.next_review_date,
    supersededAt: row.superseded_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
    retireReason: row.retire_reason,
    allowedActions: allowedVersionActions(status),
    editable: isVersionEditable(status),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** An AI system a scope names, as the inventory has it now. */
export interface ScopeSystem {
  id: string;
  name: string;
  slug: string;
  archived: boolean;
}

/** A version with its body and, for the AIMS scope, its structured content. */
export function presentVersion(row: VersionRow, names: Names, systems: readonly ScopeSystem[] = []): DocumentVersion {
  const scope = row.scope_content === null ? null : scopeContentSchema.parse(row.scope_content);
  const named = new Set(scope?.systemIds ?? []);
  return {
    ...presentVersionSummary(row, names),
    body: row.body,
    scope,
    scopeSystems: systems.filter((system) => named.has(system.id)),
  };
}
