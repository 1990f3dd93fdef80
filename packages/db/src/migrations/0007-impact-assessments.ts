/**
 * AI system impact assessments (6.1.4, A.5). Each row is one revision of a system's assessment;
 * a system has at most one open revision (draft or submitted) and at most one approved revision in
 * force, which the partial unique indexes below guarantee. Earlier approvals become `superseded`.
 */
export default /* sql */ `
create table impact_assessments (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  ref text not null,
  revision integer not null,
  -- draft | submitted | approved | superseded
  status text not null default 'draft',
  based_on_id uuid references impact_assessments (id),
  -- Context, dimensions and conclusion, as written by the author.
  content jsonb not null,
  created_by uuid references users (id),
  submitted_at timestamptz(3),
  submitted_by uuid references users (id),
  -- SHA-256 of the content's canonical JSON at submission; approval requires the content still hashes to it.
  submitted_content_hash text,
  -- The system's material_changed_at at submission; a later material change blocks approval.
  submitted_system_material_at timestamptz(3),
  approved_at timestamptz(3),
  approved_by uuid references users (id),
  -- The system's material_changed_at when this assessment was approved; older than the system's now = stale.
  system_material_at timestamptz(3),
  superseded_at timestamptz(3),
  -- Submissions, returns and approvals with who, when and the comment, oldest first.
  review_log jsonb not null default '[]',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref),
  unique (system_id, revision)
);

create index impact_assessments_org_updated on impact_assessments (org_id, updated_at, id);
create index impact_assessments_org_status on impact_assessments (org_id, status);
create index impact_assessments_org_system on impact_assessments (org_id, system_id, revision);

create unique index impact_assessments_one_open on impact_assessments (system_id)
  where status in ('draft', 'submitted') and archived_at is null;
create unique index impact_assessments_one_approved on impact_assessments (system_id)
  where status = 'approved' and archived_at is null;
`;
