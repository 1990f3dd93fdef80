/** Controlled documents with versions, the AIMS scope, and responsibility assignments. */
export default /* sql */ `
create table documents (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  kind text not null,
  -- The document as a whole: 'approved' while a version is in force, else the open version's status, else 'retired'.
  status text not null default 'draft',
  owner_member_id uuid references memberships (id),
  -- Next review of the version in force.
  next_review_date date,
  -- No foreign keys on these two: documents and versions point at each other, and a restore loads documents first.
  approved_version_id uuid,
  working_version_id uuid,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index documents_org_title on documents (org_id, title, id);
create index documents_org_created on documents (org_id, created_at, id);
create index documents_org_updated on documents (org_id, updated_at, id);
create index documents_org_kind_status on documents (org_id, kind, status);
create index documents_org_review on documents (org_id, next_review_date);
-- At most one live AIMS scope per organisation.
create unique index documents_one_live_scope on documents (org_id) where kind = 'aims_scope' and archived_at is null;

create table document_versions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  document_id uuid not null references documents (id),
  number integer not null,
  status text not null default 'draft',
  body text not null default '',
  body_sha256 text not null,
  -- Structured content of an AIMS scope version; null for other kinds.
  scope_content jsonb,
  change_summary text not null default '',
  approver_member_ids jsonb not null default '[]',
  based_on_version_id uuid references document_versions (id),
  created_by_member_id uuid references memberships (id),
  submitted_at timestamptz(3),
  submitted_by_member_id uuid references memberships (id),
  -- Body hash taken at submission: approval is refused if the body no longer matches it.
  submitted_sha256 text,
  changes_requested_comment text,
  changes_requested_by_member_id uuid references memberships (id),
  changes_requested_at timestamptz(3),
  approved_by_member_id uuid references memberships (id),
  approved_at timestamptz(3),
  effective_date date,
  next_review_date date,
  superseded_at timestamptz(3),
  -- No foreign key: it points at a later version, which a restore loads after this one.
  superseded_by_version_id uuid,
  retired_at timestamptz(3),
  retire_reason text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (document_id, number)
);
create index document_versions_org_document on document_versions (org_id, document_id, number);
-- One version in progress and one in force per document.
create unique index document_versions_one_open on document_versions (document_id) where status in ('draft', 'in_review');
create unique index document_versions_one_in_force on document_versions (document_id) where status = 'approved';

create table responsibility_assignments (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  subject_type text not null,
  system_id uuid references ai_systems (id),
  process text,
  member_id uuid not null references memberships (id),
  raci_role text not null,
  note text not null default '',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  check (
    (subject_type = 'system' and system_id is not null and process is null)
    or (subject_type = 'process' and process is not null and system_id is null)
  )
);
create index responsibility_assignments_org_created on responsibility_assignments (org_id, created_at, id);
create index responsibility_assignments_org_subject on responsibility_assignments (org_id, subject_type, process, system_id);
create index responsibility_assignments_org_member on responsibility_assignments (org_id, member_id);
-- The same person holds the same role for the same subject only once at a time.
create unique index responsibility_assignments_live on responsibility_assignments
  (org_id, subject_type, coalesce(system_id::text, process), member_id, raci_role) where archived_at is null;
`;
