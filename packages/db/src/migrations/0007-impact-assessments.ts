/** AI system impact assessments (6.1.4, A.5) with versions and dimensions. */
export default /* sql */ `
create table impact_assessments (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text
);
`;
