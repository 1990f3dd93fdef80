/** AI system impact assessments (6.1.4, A.5) with versions and dimensions. */
export default /* sql */ `
create table impact_assessments (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  status text not null default 'draft',
  approved_at timestamptz,
  -- The system's material_changed_at when this assessment was approved; older than the system's now = stale.
  system_material_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text
);
`;
