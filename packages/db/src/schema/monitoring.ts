import type { Generated } from "kysely";
import type { CreatedAt, RecordColumns, UpdatedAt, Version } from "../schema.js";

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
