/**
 * Competence and awareness (clauses 7.2, 7.3): competences and training required per role or per
 * AIMS responsibility, training records, and each member's acknowledgement of the approved AI policy
 * version (a newly approved version asks everyone again, because it has a new version id).
 */
export default /* sql */ `
create table competence_requirements (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  -- role | responsibility
  applies_to_kind text not null,
  -- A role (owner, admin …) or an AIMS process key (risk_management …): those responsible or
  -- accountable for the process in the responsibility assignments.
  applies_to text not null,
  competence text not null,
  -- The training (course name) that meets it.
  course text not null,
  -- How long a completion counts; null: it does not expire.
  renewal_months integer,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index competence_requirements_org_idx on competence_requirements (org_id, applies_to_kind, applies_to);

create table training_records (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  course text not null,
  provider text not null default '',
  completed_on date not null,
  expires_on date,
  evidence_id uuid references evidence (id),
  notes text not null default '',
  recorded_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index training_records_member_idx on training_records (org_id, member_id, course);
create index training_records_course_idx on training_records (org_id, lower(course));

create table policy_acknowledgements (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  document_id uuid not null references documents (id),
  document_version_id uuid not null references document_versions (id),
  acknowledged_at timestamptz(3) not null default now(),
  unique (member_id, document_version_id)
);
create index policy_acknowledgements_version_idx on policy_acknowledgements (org_id, document_version_id);
`;
