import type { Generated } from "kysely";
import type { CreatedAt, Json, RecordColumns, UpdatedAt, Version } from "../schema.js";

export interface MetricsTable extends RecordColumns {
  system_id: string;
  name: string;
  description: Generated<string>;
  unit: Generated<string>;
  /** lower_is_better | higher_is_better */
  direction: string;
  warning_threshold: number | null;
  critical_threshold: number | null;
  /** Minutes between expected observations; null raises no missing-data alerts. */
  cadence_minutes: number | null;
  open_incident_on_critical: Generated<boolean>;
  /** The risk an alert asks to be reviewed again. */
  review_risk_id: string | null;
  created_by_member_id: string | null;
  /** pushed | telemetry | anomaly | drift: who keeps the metric's observations. */
  source: Generated<string>;
  /** Which derived measure a server-kept metric is, e.g. latency_p95 or drift:psi:age. */
  source_key: string | null;
}

export interface MetricObservationsTable {
  metric_id: string;
  at: Date;
  value: number;
}

export interface MetricAlertsTable {
  id: string;
  org_id: string;
  ref: string;
  metric_id: string;
  system_id: string;
  /** breach | missing_data */
  kind: string;
  /** warning | critical */
  level: string;
  /** open | acknowledged | resolved */
  status: Generated<string>;
  first_seen_at: Date;
  last_seen_at: Date;
  observed_value: number | null;
  observed_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by_member_id: string | null;
  resolved_at: Date | null;
  resolved_by_member_id: string | null;
  resolution_note: string | null;
  /** A caller identity an anomaly alert is about; '' for the whole system. */
  subject: Generated<string>;
  /** The anomaly detector that raised it; null for breaches and missing data. */
  detector: string | null;
  window_start: Date | null;
  window_end: Date | null;
  /** What shows the anomaly: counts, baseline, samples. */
  evidence: Json<Record<string, unknown>> | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

/** Tables of migration 0016-monitoring. */
export interface MonitoringTables {
  metrics: MetricsTable;
  metric_observations: MetricObservationsTable;
  metric_alerts: MetricAlertsTable;
}
