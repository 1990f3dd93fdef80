/** Controlled documents with versions, the AIMS scope, and responsibility assignments. */
export default /* sql */ `
create table documents (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  kind text not null,
  status text not null default 'draft',
  owner_member_id uuid references memberships (id),
  next_review_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, ref)
);
`;
