import type { Generated } from "kysely";
import type { CreatedAt, Json, UpdatedAt, Version } from "../schema.js";

export interface TelemetrySettingsTable {
  org_id: string;
  system_attribute: Generated<string>;
  caller_attribute: Generated<string>;
  span_retention_hours: Generated<number>;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TelemetrySystemsTable {
  system_id: string;
  org_id: string;
  /** The value of the system attribute naming this system; null: its slug. */
  service_name: string | null;
  capture_content: Generated<boolean>;
  content_retention_days: Generated<number>;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TelemetryPricesTable {
  id: string;
  org_id: string;
  /** A model name, or a prefix ending in '*'. */
  model: string;
  input_per_million: number;
  output_per_million: number;
  currency: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TelemetrySpansTable {
  org_id: string;
  system_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  operation: string | null;
  provider: string | null;
  request_model: string | null;
  response_model: string | null;
  started_at: Date;
  duration_ms: number;
  error: Generated<boolean>;
  input_tokens: number | null;
  output_tokens: number | null;
  finish_reasons: string | null;
  caller: string | null;
  tool_name: string | null;
  refused: Generated<boolean>;
  guard_findings: Generated<number>;
  cost: number | null;
  attributes: Json<Record<string, unknown>>;
  received_at: Generated<Date>;
}

export interface TelemetryContentTable {
  org_id: string;
  system_id: string;
  trace_id: string;
  span_id: string;
  started_at: Date;
  caller: string | null;
  input_text: string | null;
  output_text: string | null;
  /** Detector kind and count per redaction, never the text. */
  redactions: Json<{ kind: string; count: number }[]>;
  expires_at: Date;
}

export interface TelemetryRollupsTable {
  org_id: string;
  system_id: string;
  minute: Date;
  requests: Generated<number>;
  errors: Generated<number>;
  latency_ms_sum: Generated<number>;
  latency_histogram: Generated<number[]>;
  /** bigint: read back as text by the drivers. */
  input_tokens: Generated<string | number>;
  output_tokens: Generated<string | number>;
  cost: Generated<number>;
  refusals: Generated<number>;
  tool_calls: Json<Record<string, number>>;
  guard_findings: Generated<number>;
  injection_markers: Generated<number>;
  exfiltration_markers: Generated<number>;
  updated_at: UpdatedAt;
}

export interface TelemetryCallerRollupsTable {
  org_id: string;
  system_id: string;
  caller: string;
  hour: Date;
  requests: Generated<number>;
  errors: Generated<number>;
  refusals: Generated<number>;
  injection_markers: Generated<number>;
  exfiltration_markers: Generated<number>;
}

export interface TelemetryToolTransitionsTable {
  org_id: string;
  system_id: string;
  from_tool: string;
  to_tool: string;
  count: Generated<string | number>;
  first_seen_at: Date;
  last_seen_at: Date;
}

export interface DriftSamplesTable {
  id: string;
  org_id: string;
  asset_id: string;
  /** reference | current */
  role: string;
  /** upload | telemetry */
  origin: string;
  file_name: string;
  /** csv | parquet | jsonl */
  format: string;
  sha256: string;
  size_bytes: string | number;
  row_count: string | number | null;
  columns: Json<{ name: string; type: string }[]>;
  window_start: Date | null;
  window_end: Date | null;
  created_by_member_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface DriftReportsTable {
  id: string;
  org_id: string;
  ref: string;
  system_id: string | null;
  asset_id: string | null;
  title: string;
  /** upload | server */
  origin: string;
  /** running | completed | failed */
  status: string;
  reference_sample_id: string | null;
  current_sample_id: string | null;
  /** The report's JSON summary (DriftReport in contracts). */
  summary: Json<unknown> | null;
  html_sha256: string | null;
  columns_total: Generated<number>;
  columns_drifted: Generated<number>;
  error: string | null;
  evidence_id: string | null;
  created_by_member_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  completed_at: Date | null;
  version: Version;
}

/** Tables of migration 0025-runtime-monitoring. */
export interface RuntimeMonitoringTables {
  telemetry_settings: TelemetrySettingsTable;
  telemetry_systems: TelemetrySystemsTable;
  telemetry_prices: TelemetryPricesTable;
  telemetry_spans: TelemetrySpansTable;
  telemetry_content: TelemetryContentTable;
  telemetry_rollups: TelemetryRollupsTable;
  telemetry_caller_rollups: TelemetryCallerRollupsTable;
  telemetry_tool_transitions: TelemetryToolTransitionsTable;
  drift_samples: DriftSamplesTable;
  drift_reports: DriftReportsTable;
}
