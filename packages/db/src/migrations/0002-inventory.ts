/** AI systems, AI assets, vendors, and the per-organisation counters behind human-readable references. */
export default /* sql */ `
-- Next number for references such as R-12 or E-7, one row per organisation and kind.
create table org_counters (
  org_id uuid not null references organizations (id),
  kind text not null,
  next_value integer not null default 1,
  primary key (org_id, kind)
);

create table ai_systems (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  slug text not null,
  name text not null,
  our_role text not null,
  lifecycle_stage text not null,
  impact_tier text not null,
  data_categories jsonb not null default '[]',
  capabilities jsonb not null default '[]',
  autonomy text not null,
  customer_facing boolean not null default false,
  owner_member_id uuid references memberships (id),
  review_date date,
  -- Set whenever a field that matters to an impact assessment changes.
  material_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, slug)
);
`;
