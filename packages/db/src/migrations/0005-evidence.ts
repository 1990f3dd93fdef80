/** The evidence library and its links to controls, clauses, risks and systems. */
export default /* sql */ `
create table evidence (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  kind text not null,
  source text not null,
  collected_at timestamptz not null,
  -- Null means it does not expire.
  valid_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, ref)
);

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
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
`;
