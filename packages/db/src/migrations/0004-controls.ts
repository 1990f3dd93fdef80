/** Control records (Annex A and custom), their links to risks, and approved Statement of Applicability versions. */
export default /* sql */ `
create table controls (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  -- 'A.6.2.4' for an Annex A control, 'C-3' for a custom one.
  ref text not null,
  title text not null,
  kind text not null,
  -- Null until someone decides; the SoA needs a justification either way.
  applicable boolean,
  justification text,
  implementation_status text not null default 'not_started',
  owner_member_id uuid references memberships (id),
  evidence_requirement text,
  -- Evidence linked to this control is current for this many days after collection.
  evidence_freshness_days integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, ref)
);
`;
