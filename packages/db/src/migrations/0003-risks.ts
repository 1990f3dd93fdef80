/** Risk method, risk register, treatment and acceptance. */
export default /* sql */ `
create table risks (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  -- Null for an organisation-wide risk.
  system_id uuid references ai_systems (id),
  title text not null,
  status text not null,
  owner_member_id uuid references memberships (id),
  -- low | medium | high | critical, as the organisation's risk method rates likelihood × impact.
  inherent_rating text,
  residual_rating text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, ref)
);
`;
