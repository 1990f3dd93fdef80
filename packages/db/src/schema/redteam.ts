import type { ColumnType, Generated } from "kysely";
import type { Json, RecordColumns } from "../schema.js";

/** A jsonb column with a database default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

/** Verdict counts of a scan or of one category, as stored. */
export interface RedteamCountsJson {
  cases: number;
  vulnerable: number;
  not_observed: number;
  inconclusive: number;
  error: number;
}

export interface RedteamScansTable extends RecordColumns {
  ref: string;
  system_id: string;
  /** running | completed | failed | partial */
  status: string;
  /** cli | web */
  origin: string;
  target_kind: string;
  target_endpoint: string;
  target_model: string | null;
  pack_id: string | null;
  pack_version: string | null;
  pack_sha256: string | null;
  config_sha256: string | null;
  scanner_version: string | null;
  seed: number;
  progress_done: number | null;
  progress_total: number | null;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  cases: Generated<number>;
  vulnerable: Generated<number>;
  not_observed: Generated<number>;
  inconclusive: Generated<number>;
  error: Generated<number>;
  /** Cases whose harmful action a policy (gateway or guard) stopped. */
  blocked: Generated<number>;
  by_category: JsonWithDefault<Record<string, RedteamCountsJson>>;
  vulnerable_by_severity: JsonWithDefault<Record<string, number>>;
  problems: JsonWithDefault<string[]>;
  /** The whole uploaded summary; null while running or after a failure. */
  summary: Json<unknown> | null;
  summary_sha256: string | null;
  transcript_sha256: string | null;
  report_sha256: string | null;
  report_size: number | null;
  evidence_id: string | null;
  created_by_member_id: string | null;
}

export interface RedteamFindingTagsJson {
  owaspLlm: string[];
  owaspAgentic: string[];
  atlas: string[];
  isoControls: string[];
}

export interface RedteamFindingsTable extends RecordColumns {
  scan_id: string;
  case_id: string;
  probe_id: string;
  variant: string;
  title: string;
  category: string;
  severity: string;
  severity_rank: number;
  tags: Json<RedteamFindingTagsJson>;
  detail: string;
  /** open | risk_raised | nonconformity_raised | dismissed */
  status: string;
  risk_id: string | null;
  nonconformity_id: string | null;
  dismissal_reason: string | null;
}

export interface NonconformitiesTable extends RecordColumns {
  ref: string;
  title: string;
  description: string;
  /** redteam_finding | incident | alert | audit | manual */
  source: string;
  source_id: string | null;
  system_id: string | null;
  /** minor | major */
  severity: string;
  /** The finding's severity (info … critical) when raised from a red-team finding. */
  redteam_severity: string | null;
  /** open | action_planned | awaiting_check | closed */
  status: string;
  raised_by_member_id: string | null;
  /** What was done at once to contain it. */
  correction: Generated<string>;
  root_cause: Generated<string>;
  /** five_whys | fishbone | fault_tree | other */
  root_cause_method: string | null;
  closed_at: Date | null;
}

/** Tables of migration 0009-redteam. */
export interface RedteamTables {
  redteam_scans: RedteamScansTable;
  redteam_findings: RedteamFindingsTable;
  nonconformities: NonconformitiesTable;
}
