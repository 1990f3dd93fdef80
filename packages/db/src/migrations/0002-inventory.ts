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
  description text not null default '',
  purpose text not null default '',
  intended_use text not null default '',
  limitations text not null default '',
  our_role text not null,
  lifecycle_stage text not null,
  impact_tier text not null,
  high_impact_reasons jsonb not null default '[]',
  data_categories jsonb not null default '[]',
  capabilities jsonb not null default '[]',
  autonomy text not null,
  human_oversight text not null default '',
  customer_facing boolean not null default false,
  owner_member_id uuid references memberships (id),
  review_date date,
  -- Set whenever a field that matters to an impact assessment changes.
  material_changed_at timestamptz(3) not null default now(),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, slug)
);
create index ai_systems_name on ai_systems (org_id, name, id);
create index ai_systems_created on ai_systems (org_id, created_at, id);
create index ai_systems_stage on ai_systems (org_id, lifecycle_stage);
create index ai_systems_tier on ai_systems (org_id, impact_tier);
create index ai_systems_owner on ai_systems (owner_member_id);

-- Vendor AI register (A.10).
create table vendors (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  name text not null,
  website text not null default '',
  services text not null default '',
  ai_features_on_by_default text not null default 'unknown',
  data_retention text not null default '',
  trains_on_customer_data text not null default 'unknown',
  -- [{ "name": ..., "permissions": ... }]
  connectors jsonb not null default '[]',
  certifications jsonb not null default '[]',
  last_review_date date,
  next_review_date date,
  review_notes text not null default '',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index vendors_name on vendors (org_id, name, id);
create index vendors_created on vendors (org_id, created_at, id);
create index vendors_updated on vendors (org_id, updated_at, id);

-- Models, datasets, prompts, agents, tools and vendor services that systems are built from.
create table ai_assets (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  name text not null,
  kind text not null,
  description text not null default '',
  asset_version text not null default '',
  owner_member_id uuid references memberships (id),
  vendor_id uuid references vendors (id),
  provenance text not null default '',
  acquisition_method text not null default '',
  quality_notes text not null default '',
  preparation_notes text not null default '',
  data_categories jsonb not null default '[]',
  licence text not null default '',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index ai_assets_name on ai_assets (org_id, name, id);
create index ai_assets_kind on ai_assets (org_id, kind, id);
create index ai_assets_created on ai_assets (org_id, created_at, id);
create index ai_assets_updated on ai_assets (org_id, updated_at, id);
create index ai_assets_vendor on ai_assets (vendor_id);

-- Which assets a system uses. Unlinking archives the row, so the history of links stays.
create table ai_system_assets (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  asset_id uuid not null references ai_assets (id),
  note text not null default '',
  created_at timestamptz(3) not null default now(),
  archived_at timestamptz(3),
  archive_reason text
);
create unique index ai_system_assets_active on ai_system_assets (system_id, asset_id) where archived_at is null;
create index ai_system_assets_asset on ai_system_assets (asset_id);
`;
