/**
 * The AI supply chain: scans of model files (uploaded by the CLI or run by the server on an
 * uploaded file) with their findings, hash manifests, signature and provenance results; licence
 * facts and model-card fields on assets; and each organisation's licence policy.
 */
export default /* sql */ `
-- One scan of one or more model files, linked to the asset it checked and, optionally, a system.
create table model_scans (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  asset_id uuid references ai_assets (id),
  system_id uuid references ai_systems (id),
  -- cli (an uploaded report) | server (a file uploaded to the server and scanned there)
  origin text not null,
  -- completed | failed | partial (some files could not be read)
  status text not null,
  scanner_version text not null,
  started_at timestamptz(3) not null,
  finished_at timestamptz(3) not null,
  files_scanned integer not null default 0,
  files_failed integer not null default 0,
  -- { "info": n, "low": n, "medium": n, "high": n, "critical": n }
  findings_by_severity jsonb not null default '{}',
  -- The highest severity found, null when there is no finding.
  highest_severity text,
  -- Per-file format, size and SHA-256: [{ path, format, size, sha256 }].
  files jsonb not null default '[]',
  -- The whole JSON report as the scanner wrote it (bounded by the route's body limit).
  report jsonb not null,
  -- SHA-256 of the canonical JSON (keys sorted) of the report.
  report_sha256 text not null,
  -- unsigned | verified | failed | not_checked
  signature_status text not null default 'not_checked',
  -- What verification said: signer identity or key id, predicate type, changed/added/removed files.
  signature jsonb,
  -- SLSA / in-toto provenance read from the model: builder, source, materials.
  provenance jsonb,
  evidence_id uuid references evidence (id),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index model_scans_org_created_idx on model_scans (org_id, created_at, id);
create index model_scans_asset_created_idx on model_scans (org_id, asset_id, created_at, id);
create index model_scans_system_created_idx on model_scans (org_id, system_id, created_at, id);
-- The same report is recorded once per asset, so a retried upload cannot count a scan twice.
create unique index model_scans_report_idx on model_scans (org_id, coalesce(asset_id, '00000000-0000-0000-0000-000000000000'::uuid), report_sha256);

-- One row per finding of a scan.
create table model_scan_findings (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  scan_id uuid not null references model_scans (id),
  -- The scanner's rule id, e.g. pickle.unsafe-global.
  rule_id text not null,
  -- info | low | medium | high | critical
  severity text not null,
  -- Sort key of severity: 0 info … 4 critical.
  severity_rank smallint not null,
  -- The file (relative to the scanned root; inside an archive: outer!inner) and where in it.
  file_path text not null,
  location text not null default '',
  title text not null,
  detail text not null,
  -- { cwe: [...], owaspAgentic: [...], isoControls: [...] }
  tags jsonb not null default '{}',
  -- open | risk_raised | nonconformity_raised | dismissed
  status text not null default 'open',
  risk_id uuid references risks (id),
  nonconformity_id uuid references nonconformities (id),
  dismissal_reason text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index model_scan_findings_scan_idx on model_scan_findings (org_id, scan_id, severity_rank, id);

-- Licence facts and model-card fields on assets (models and datasets).
alter table ai_assets add column licence_expression text;
alter table ai_assets add column model_card jsonb not null default '{}';

-- Each organisation's licence policy: which SPDX ids and LicenseRefs are allowed, need review or are
-- forbidden, and which licence flags (non-commercial, user-count limits …) are not acceptable.
create table licence_policies (
  org_id uuid primary key references organizations (id),
  rules jsonb not null default '{}',
  updated_by_member_id uuid references memberships (id),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
`;
