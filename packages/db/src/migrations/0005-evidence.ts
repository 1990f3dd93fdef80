/** The evidence library and its links to controls, clauses, risks and systems. */
export default /* sql */ `
create table evidence (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  description text,
  -- file | link | record
  kind text not null,
  -- manual | api | engine: set by the server from how the evidence arrived.
  source text not null,
  -- The address of a link.
  url text,
  -- The text of a record.
  body text,
  -- A file: the SHA-256 naming its blob, its size in bytes, the type sniffed from its bytes, the name it was sent with.
  file_sha256 text,
  file_size integer,
  file_media_type text,
  file_name text,
  collected_at timestamptz(3) not null,
  -- Null means it does not expire.
  valid_until timestamptz(3),
  -- explicit (someone set valid_until) | control_freshness (derived from linked controls) | none
  validity_basis text not null default 'none',
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref),
  check (kind <> 'file' or (file_sha256 is not null and file_size is not null and file_media_type is not null))
);
create index evidence_org_created_idx on evidence (org_id, created_at, id);
create index evidence_org_collected_idx on evidence (org_id, collected_at, id);
create index evidence_org_valid_until_idx on evidence (org_id, valid_until, id);
create index evidence_org_sha256_idx on evidence (org_id, file_sha256);

-- One row per link; unlinking archives the row.
create table evidence_links (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  evidence_id uuid not null references evidence (id),
  target_type text not null,
  -- The control, risk or system; null for a clause.
  target_id uuid,
  -- The clause id ('6.1.2') for a clause link.
  clause_id text,
  created_at timestamptz(3) not null default now(),
  archived_at timestamptz(3),
  archive_reason text,
  check ((target_type = 'clause') = (clause_id is not null and target_id is null))
);
create index evidence_links_evidence_idx on evidence_links (evidence_id);
create index evidence_links_target_idx on evidence_links (org_id, target_type, target_id);
create index evidence_links_clause_idx on evidence_links (org_id, clause_id);
-- A target is linked to a piece of evidence at most once at a time.
create unique index evidence_links_active_idx on evidence_links (evidence_id, target_type, coalesce(clause_id, target_id::text))
  where archived_at is null;
`;
