import type { CreatedAt, Json, RecordColumns, UpdatedAt, Version } from "../schema.js";

export interface DocumentsTable extends RecordColumns {
  ref: string;
  title: string;
  kind: string;
  /** draft | in_review | approved | retired — of the document as a whole. */
  status: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD': next review of the version in force. */
  next_review_date: string | null;
  approved_version_id: string | null;
  working_version_id: string | null;
  created_by_member_id: string | null;
}

export interface DocumentVersionsTable {
  id: string;
  org_id: string;
  document_id: string;
  number: number;
  status: string;
  body: string;
  body_sha256: string;
  /** Structured AIMS scope content (the contracts scope schema); null for other kinds. */
  scope_content: Json<Record<string, unknown>> | null;
  change_summary: string;
  approver_member_ids: Json<string[]>;
  based_on_version_id: string | null;
  created_by_member_id: string | null;
  submitted_at: Date | null;
  submitted_by_member_id: string | null;
  submitted_sha256: string | null;
  changes_requested_comment: string | null;
  changes_requested_by_member_id: string | null;
  changes_requested_at: Date | null;
  approved_by_member_id: string | null;
  approved_at: Date | null;
  effective_date: string | null;
  next_review_date: string | null;
  superseded_at: Date | null;
  superseded_by_version_id: string | null;
  retired_at: Date | null;
  retire_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ResponsibilityAssignmentsTable extends RecordColumns {
  subject_type: string;
  system_id: string | null;
  process: string | null;
  member_id: string;
  raci_role: string;
  note: string;
}

/** Tables of migration 0006-documents. */
export interface DocumentTables {
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  responsibility_assignments: ResponsibilityAssignmentsTable;
}
