/**
 * Monitoring: metric definitions per AI system, their observations, and alerts deduplicated while open.
 */
export default /* sql */ `
create table metrics (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  name text not null,
  description text not null default '',
  unit text not null default '',
  -- lower_is_better | higher_is_better
  direction text not null,
  warning_threshold double precision,
  critical_threshold double precision,
  -- Minutes between expected observations; null raises no missing-data alerts.
  cadence_minutes integer,
  -- Alert rules: open an incident when a critical alert is raised; ask for this risk to be reviewed again.
  open_incident_on_critical boolean not null default false,
  review_risk_id uuid references risks (id),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
-- A name is unique per system, whatever its case, among metrics still in use.
create unique index metrics_system_name_idx on metrics (system_id, lower(name)) where archived_at is null;
create index metrics_org_system_idx on metrics (org_id, system_id, name);

-- Observations are many and only appended: no id, no organisation column (the metric has it), and no
-- foreign key, whose per-row check would halve the ingestion rate; metrics are archived, never deleted.
create table metric_observations (
  metric_id uuid not null,
  at timestamptz(3) not null,
  value double precision not null
);
create index metric_observations_metric_at_idx on metric_observations (metric_id, at);

create table metric_alerts (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  metric_id uuid not null references metrics (id),
  system_id uuid not null references ai_systems (id),
  -- breach | missing_data
  kind text not null,
  -- warning | critical
  level text not null,
  -- open | acknowledged | resolved
  status text not null default 'open',
  first_seen_at timestamptz(3) not null,
  last_seen_at timestamptz(3) not null,
  -- The observation that raised or last escalated it; null for missing data.
  observed_value double precision,
  observed_at timestamptz(3),
  acknowledged_at timestamptz(3),
  acknowledged_by_member_id uuid references memberships (id),
  resolved_at timestamptz(3),
  resolved_by_member_id uuid references memberships (id),
  resolution_note text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
-- At most one alert per metric and kind is not resolved: servers sharing the database raise it once.
create unique index metric_alerts_one_open_idx on metric_alerts (metric_id, kind) where status <> 'resolved';
create index metric_alerts_org_created_idx on metric_alerts (org_id, created_at, id);
create index metric_alerts_metric_seen_idx on metric_alerts (metric_id, first_seen_at);
`;
