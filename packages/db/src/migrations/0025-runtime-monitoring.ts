/**
 * Runtime monitoring: OpenTelemetry intake (settings, raw spans kept for a retention period, opt-in
 * captured content, per-minute rollups per system and per-hour rollups per caller), metrics derived
 * from telemetry and drift, anomaly alerts per caller with their evidence window, and drift reports
 * with the data samples a server-side report reads.
 */
export default /* sql */ `
-- How an organisation's telemetry is read: which resource attribute names the AI system, which span
-- attribute names the caller, and how long raw spans are kept.
create table telemetry_settings (
  org_id uuid primary key references organizations (id),
  system_attribute text not null default 'service.name',
  caller_attribute text not null default 'enduser.id',
  span_retention_hours integer not null default 168,
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);

-- Per AI system: the value of the system attribute that names it (null: its slug), and whether prompt
-- and completion text is captured (off unless chosen), redacted, and for how long it is kept.
create table telemetry_systems (
  system_id uuid primary key references ai_systems (id),
  org_id uuid not null references organizations (id),
  service_name text,
  capture_content boolean not null default false,
  content_retention_days integer not null default 30,
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
create unique index telemetry_systems_service_idx on telemetry_systems (org_id, service_name)
  where service_name is not null;

-- Token prices per model, for the cost metric: a model name, or a prefix ending in '*'.
create table telemetry_prices (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  model text not null,
  input_per_million double precision not null,
  output_per_million double precision not null,
  currency text not null default 'USD',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
create unique index telemetry_prices_model_idx on telemetry_prices (org_id, lower(model));

-- Raw spans, appended in batches and deleted after the retention period; no foreign keys, whose
-- per-row checks would halve the intake rate (systems are archived, never deleted).
create table telemetry_spans (
  org_id uuid not null,
  system_id uuid not null,
  trace_id text not null,
  span_id text not null,
  parent_span_id text,
  name text not null,
  -- gen_ai.operation.name: chat, text_completion, embeddings, execute_tool, invoke_agent …
  operation text,
  -- gen_ai.system or gen_ai.provider.name
  provider text,
  request_model text,
  response_model text,
  started_at timestamptz(3) not null,
  duration_ms double precision not null,
  error boolean not null default false,
  input_tokens integer,
  output_tokens integer,
  finish_reasons text,
  caller text,
  tool_name text,
  refused boolean not null default false,
  guard_findings integer not null default 0,
  cost double precision,
  -- Other attributes, values cut to a bounded length.
  attributes jsonb not null default '{}',
  received_at timestamptz(3) not null default now()
);
create index telemetry_spans_system_started_idx on telemetry_spans (system_id, started_at);
create index telemetry_spans_received_idx on telemetry_spans (org_id, received_at);

-- Prompt and completion text of systems that capture it, after redaction, until expires_at.
create table telemetry_content (
  org_id uuid not null,
  system_id uuid not null,
  trace_id text not null,
  span_id text not null,
  started_at timestamptz(3) not null,
  caller text,
  input_text text,
  output_text text,
  -- What was redacted: detector kind and count, never the text.
  redactions jsonb not null default '[]',
  expires_at timestamptz(3) not null
);
create index telemetry_content_system_started_idx on telemetry_content (system_id, started_at);
create index telemetry_content_expires_idx on telemetry_content (expires_at);

-- Per system and minute: what the spans of that minute add up to. Latency keeps a histogram over
-- fixed log-spaced buckets, so percentiles over any window come from summed histograms.
create table telemetry_rollups (
  org_id uuid not null,
  system_id uuid not null,
  minute timestamptz(3) not null,
  requests integer not null default 0,
  errors integer not null default 0,
  latency_ms_sum double precision not null default 0,
  latency_histogram integer[] not null default '{}',
  input_tokens bigint not null default 0,
  output_tokens bigint not null default 0,
  cost double precision not null default 0,
  refusals integer not null default 0,
  tool_calls jsonb not null default '{}',
  guard_findings integer not null default 0,
  injection_markers integer not null default 0,
  exfiltration_markers integer not null default 0,
  updated_at timestamptz(3) not null default now(),
  primary key (system_id, minute)
);
create index telemetry_rollups_org_minute_idx on telemetry_rollups (org_id, minute);

-- Per system, caller and hour: the counts anomaly detection learns a caller's baseline from.
create table telemetry_caller_rollups (
  org_id uuid not null,
  system_id uuid not null,
  caller text not null,
  hour timestamptz(3) not null,
  requests integer not null default 0,
  errors integer not null default 0,
  refusals integer not null default 0,
  injection_markers integer not null default 0,
  exfiltration_markers integer not null default 0,
  primary key (system_id, caller, hour)
);
create index telemetry_caller_rollups_hour_idx on telemetry_caller_rollups (system_id, hour);

-- Per system: how often one tool call followed another, for unusual sequences.
create table telemetry_tool_transitions (
  org_id uuid not null,
  system_id uuid not null,
  from_tool text not null,
  to_tool text not null,
  count bigint not null default 0,
  first_seen_at timestamptz(3) not null,
  last_seen_at timestamptz(3) not null,
  primary key (system_id, from_tool, to_tool)
);

-- Metrics a server keeps itself: pushed (by people and pipelines), telemetry (derived from spans),
-- anomaly (detections) or drift (scores of drift reports); source_key names which one.
alter table metrics add column source text not null default 'pushed';
alter table metrics add column source_key text;
create unique index metrics_system_source_key_idx on metrics (system_id, source, source_key)
  where source_key is not null and archived_at is null;

-- Anomaly alerts: what detected it, about whom (a caller identity, or '' for the whole system), and
-- the window and samples that show it. One alert per metric, kind and subject is open at a time.
alter table metric_alerts add column subject text not null default '';
alter table metric_alerts add column detector text;
alter table metric_alerts add column window_start timestamptz(3);
alter table metric_alerts add column window_end timestamptz(3);
alter table metric_alerts add column evidence jsonb;
drop index metric_alerts_one_open_idx;
create unique index metric_alerts_one_open_idx on metric_alerts (metric_id, kind, subject) where status <> 'resolved';

-- Data samples of a dataset asset a server-side drift report reads: a reference, or a window of
-- current data (uploaded, or derived from telemetry), stored as a file in blob storage.
create table drift_samples (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  asset_id uuid not null references ai_assets (id),
  -- reference | current
  role text not null,
  -- upload | telemetry
  origin text not null,
  file_name text not null,
  -- csv | parquet | jsonl
  format text not null,
  sha256 text not null,
  size_bytes bigint not null,
  row_count bigint,
  columns jsonb not null default '[]',
  window_start timestamptz(3),
  window_end timestamptz(3),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index drift_samples_asset_idx on drift_samples (org_id, asset_id, role, created_at);

-- Drift reports (DR-n): uploaded from \`aims drift report\` or computed by a server, with the JSON
-- summary, the HTML report's hash, and the evidence record it was filed as.
create table drift_reports (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid references ai_systems (id),
  asset_id uuid references ai_assets (id),
  title text not null,
  -- upload | server
  origin text not null,
  -- running | completed | failed
  status text not null,
  reference_sample_id uuid references drift_samples (id),
  current_sample_id uuid references drift_samples (id),
  summary jsonb,
  html_sha256 text,
  columns_total integer not null default 0,
  columns_drifted integer not null default 0,
  error text,
  evidence_id uuid references evidence (id),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  completed_at timestamptz(3),
  version integer not null default 1
);
create unique index drift_reports_ref_idx on drift_reports (org_id, ref);
create index drift_reports_org_created_idx on drift_reports (org_id, created_at, id);
create index drift_reports_system_idx on drift_reports (system_id, created_at);
`;
