/** Red-team scans of AI systems, the vulnerable cases they found, and nonconformities raised from them. */
export default /* sql */ `
create table redteam_scans (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid not null references ai_systems (id),
  -- running | completed | failed | partial
  status text not null,
  -- cli (uploaded summary) | web (run by the server)
  origin text not null,
  -- openai | http | command, the address (never with credentials) and the model, as the scanner reported them.
  target_kind text not null,
  target_endpoint text not null,
  target_model text,
  -- Null while a server-side scan is still running.
  pack_id text,
  pack_version text,
  pack_sha256 text,
  config_sha256 text,
  scanner_version text,
  seed bigint not null,
  -- Cases done and planned, while a server-side scan runs.
  progress_done integer,
  progress_total integer,
  started_at timestamptz(3) not null,
  finished_at timestamptz(3),
  duration_ms integer,
  cases integer not null default 0,
  vulnerable integer not null default 0,
  not_observed integer not null default 0,
  inconclusive integer not null default 0,
  error integer not null default 0,
  -- { "<category>": { cases, vulnerable, not_observed, inconclusive, error } }
  by_category jsonb not null default '{}',
  -- { "info": n, "low": n, "medium": n, "high": n, "critical": n }: vulnerable cases per severity.
  vulnerable_by_severity jsonb not null default '{}',
  -- Why the run stopped early or failed, as the scanner (or the server) said.
  problems jsonb not null default '[]',
  -- The whole summary as uploaded (bounded by the route's body limit); null while running or failed.
  summary jsonb,
  -- SHA-256 of the canonical JSON (keys sorted) of the summary.
  summary_sha256 text,
  transcript_sha256 text,
  -- The HTML report, stored content-addressed in the blob store once uploaded.
  report_sha256 text,
  report_size integer,
  evidence_id uuid references evidence (id),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index redteam_scans_org_created_idx on redteam_scans (org_id, created_at, id);
create index redteam_scans_system_created_idx on redteam_scans (org_id, system_id, created_at, id);
create index redteam_scans_running_idx on redteam_scans (org_id, status) where status = 'running';
-- The same summary is recorded once per system, so a retried upload cannot count a scan twice.
create unique index redteam_scans_summary_idx on redteam_scans (org_id, system_id, summary_sha256) where summary_sha256 is not null;

-- Nonconformities (clause 10.2); this first version is raised from red-team findings only.
create table nonconformities (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  description text not null default '',
  -- Where it was found: redteam_finding.
  source text not null,
  source_id uuid,
  system_id uuid references ai_systems (id),
  -- info | low | medium | high | critical, from the source.
  severity text not null,
  -- open
  status text not null default 'open',
  raised_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index nonconformities_org_created_idx on nonconformities (org_id, created_at, id);
create index nonconformities_system_idx on nonconformities (org_id, system_id);

-- One row per vulnerable case of a scan.
create table redteam_findings (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  scan_id uuid not null references redteam_scans (id),
  case_id text not null,
  probe_id text not null,
  -- plain or the transform's name.
  variant text not null,
  title text not null,
  category text not null,
  severity text not null,
  -- Sort key of severity: 0 info … 4 critical.
  severity_rank smallint not null,
  -- The probe's tags: { owaspLlm, owaspAgentic, atlas, isoControls }.
  tags jsonb not null,
  -- What the detectors saw.
  detail text not null,
  -- open | risk_raised | nonconformity_raised | dismissed
  status text not null default 'open',
  risk_id uuid references risks (id),
  nonconformity_id uuid references nonconformities (id),
  dismissal_reason text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (scan_id, case_id)
);
create index redteam_findings_scan_idx on redteam_findings (org_id, scan_id, severity_rank, case_id);
`;
