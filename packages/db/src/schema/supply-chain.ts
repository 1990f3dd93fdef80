import type { ColumnType } from "kysely";
import type { Json, RecordColumns, UpdatedAt, Version } from "../schema.js";

export interface ModelScansTable extends RecordColumns {
  ref: string;
  asset_id: string | null;
  system_id: string | null;
  /** cli | server */
  origin: string;
  /** completed | failed | partial */
  status: string;
  scanner_version: string;
  started_at: Date;
  finished_at: Date;
  files_scanned: ColumnType<number, number | undefined, number>;
  files_failed: ColumnType<number, number | undefined, number>;
  findings_by_severity: Json<Record<string, number>>;
  highest_severity: string | null;
  files: Json<{ path: string; format: string; size: number; sha256: string | null }[]>;
  report: Json<Record<string, unknown>>;
  report_sha256: string;
  /** unsigned | verified | failed | not_checked */
  signature_status: ColumnType<string, string | undefined, string>;
  signature: Json<Record<string, unknown>> | null;
  provenance: Json<Record<string, unknown>> | null;
  evidence_id: string | null;
  created_by_member_id: string | null;
}

export interface ModelScanFindingsTable extends RecordColumns {
  scan_id: string;
  rule_id: string;
  severity: string;
  severity_rank: number;
  file_path: string;
  location: ColumnType<string, string | undefined, string>;
  title: string;
  detail: string;
  tags: Json<{ cwe?: string[]; owaspAgentic?: string[]; isoControls?: string[] }>;
  /** open | risk_raised | nonconformity_raised | dismissed */
  status: ColumnType<string, string | undefined, string>;
  risk_id: string | null;
  nonconformity_id: string | null;
  dismissal_reason: string | null;
}

export interface LicencePoliciesTable {
  org_id: string;
  rules: Json<Record<string, unknown>>;
  updated_by_member_id: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SupplyChainTables {
  model_scans: ModelScansTable;
  model_scan_findings: ModelScanFindingsTable;
  licence_policies: LicencePoliciesTable;
}
