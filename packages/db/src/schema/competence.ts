import type { Generated } from "kysely";
import type { CreatedAt, UpdatedAt, Version } from "../schema.js";

export interface CompetenceRequirementsTable {
  id: string;
  org_id: string;
  /** role | responsibility */
  applies_to_kind: string;
  applies_to: string;
  competence: string;
  course: string;
  renewal_months: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface TrainingRecordsTable {
  id: string;
  org_id: string;
  member_id: string;
  course: string;
  provider: Generated<string>;
  /** 'YYYY-MM-DD' */
  completed_on: string;
  /** 'YYYY-MM-DD' */
  expires_on: string | null;
  evidence_id: string | null;
  notes: Generated<string>;
  recorded_by_member_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface PolicyAcknowledgementsTable {
  id: string;
  org_id: string;
  member_id: string;
  document_id: string;
  document_version_id: string;
  acknowledged_at: CreatedAt;
}

/** Tables of migration 0022-competence. */
export interface CompetenceTables {
  competence_requirements: CompetenceRequirementsTable;
  training_records: TrainingRecordsTable;
  policy_acknowledgements: PolicyAcknowledgementsTable;
}
