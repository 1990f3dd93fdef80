/** Control records (Annex A and custom), their links to risks, and approved Statement of Applicability versions. */
export default /* sql */ `
create table controls (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  -- 'A.6.2.4' for an Annex A control, 'C-3' for a custom one.
  ref text not null,
  title text not null,
  kind text not null check (kind in ('annex_a', 'custom')),
  -- The Annex A area ('A.6') an Annex A control belongs to; null for custom controls.
  area_id text,
  -- Order in lists and in the SoA: Annex A in document order, then custom controls.
  position integer not null,
  -- What a custom control is; Annex A controls take theirs from the catalogue.
  description text,
  -- Null until someone decides; the SoA needs a justification either way.
  applicable boolean,
  justification text,
  -- Why the control is excluded although it treats an open risk; cleared when it becomes applicable again.
  override_reason text,
  implementation_status text not null default 'not_started'
    check (implementation_status in ('not_started', 'planned', 'in_progress', 'implemented')),
  implementation_description text,
  owner_member_id uuid references memberships (id),
  evidence_requirement text,
  -- Evidence linked to this control is current for this many days after collection.
  evidence_freshness_days integer check (evidence_freshness_days > 0),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index controls_org_position_idx on controls (org_id, position, id);

-- One row per link; unlinking archives the row, so the history of what treated what is kept.
create table control_risks (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  control_id uuid not null references controls (id),
  risk_id uuid not null references risks (id),
  created_at timestamptz(3) not null default now(),
  archived_at timestamptz(3)
);
create unique index control_risks_live_idx on control_risks (control_id, risk_id) where archived_at is null;
create index control_risks_control_idx on control_risks (org_id, control_id);
create index control_risks_risk_idx on control_risks (org_id, risk_id);

-- Approved Statements of Applicability: frozen content, never updated or deleted.
create table soa_versions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  number integer not null,
  approved_by_member_id uuid not null references memberships (id),
  -- How the approver was named at approval ('Name <e-mail>'), kept even if they are renamed later.
  approved_by_label text not null,
  approved_at timestamptz(3) not null default now(),
  -- {"rows": [...], "catalogueVersion": "..."}: the SoA rows as approved.
  content jsonb not null,
  -- SHA-256 of the canonical JSON of content.rows (keys sorted), the hash the approver reviewed.
  content_hash text not null,
  change_summary text not null,
  created_at timestamptz(3) not null default now(),
  unique (org_id, number)
);

create function soa_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'approved SoA versions cannot be changed or deleted';
end
$$;
create trigger soa_versions_immutable before update or delete on soa_versions
  for each statement execute function soa_versions_immutable();

-- Organisations that exist before this migration get the 38 Annex A controls too. The list is
-- frozen here: a shipped migration must not change when the catalogue does.
insert into controls (id, org_id, ref, title, kind, area_id, position, evidence_freshness_days)
select gen_random_uuid(), o.id, c.ref, c.title, 'annex_a', c.area_id, c.position, c.days
from organizations o
cross join (values
  ('A.2.2', 'AI policy', 'A.2', 1, 365),
  ('A.2.3', 'Alignment with other organizational policies', 'A.2', 2, 365),
  ('A.2.4', 'Review of the AI policy', 'A.2', 3, 365),
  ('A.3.2', 'AI roles and responsibilities', 'A.3', 4, 365),
  ('A.3.3', 'Reporting of concerns', 'A.3', 5, 365),
  ('A.4.2', 'Resource documentation', 'A.4', 6, 180),
  ('A.4.3', 'Data resources', 'A.4', 7, 180),
  ('A.4.4', 'Tooling resources', 'A.4', 8, 180),
  ('A.4.5', 'System and computing resources', 'A.4', 9, 180),
  ('A.4.6', 'Human resources', 'A.4', 10, 365),
  ('A.5.2', 'AI system impact assessment process', 'A.5', 11, 365),
  ('A.5.3', 'Documentation of AI system impact assessments', 'A.5', 12, 365),
  ('A.5.4', 'Assessing AI system impact on individuals or groups of individuals', 'A.5', 13, 365),
  ('A.5.5', 'Assessing societal impacts of AI systems', 'A.5', 14, 365),
  ('A.6.1.2', 'Objectives for responsible development of AI system', 'A.6', 15, 365),
  ('A.6.1.3', 'Processes for responsible AI system design and development', 'A.6', 16, 365),
  ('A.6.2.2', 'AI system requirements and specification', 'A.6', 17, 180),
  ('A.6.2.3', 'Documentation of AI system design and development', 'A.6', 18, 180),
  ('A.6.2.4', 'AI system verification and validation', 'A.6', 19, 90),
  ('A.6.2.5', 'AI system deployment', 'A.6', 20, 180),
  ('A.6.2.6', 'AI system operation and monitoring', 'A.6', 21, 90),
  ('A.6.2.7', 'AI system technical documentation', 'A.6', 22, 180),
  ('A.6.2.8', 'AI system recording of event logs', 'A.6', 23, 90),
  ('A.7.2', 'Data for development and enhancement of AI system', 'A.7', 24, 180),
  ('A.7.3', 'Acquisition of data', 'A.7', 25, 180),
  ('A.7.4', 'Quality of data for AI systems', 'A.7', 26, 180),
  ('A.7.5', 'Data provenance', 'A.7', 27, 180),
  ('A.7.6', 'Data preparation', 'A.7', 28, 180),
  ('A.8.2', 'System documentation and information for users', 'A.8', 29, 180),
  ('A.8.3', 'External reporting', 'A.8', 30, 365),
  ('A.8.4', 'Communication of incidents', 'A.8', 31, 365),
  ('A.8.5', 'Information for interested parties', 'A.8', 32, 365),
  ('A.9.2', 'Processes for responsible use of AI systems', 'A.9', 33, 365),
  ('A.9.3', 'Objectives for responsible use of AI system', 'A.9', 34, 365),
  ('A.9.4', 'Intended use of the AI system', 'A.9', 35, 180),
  ('A.10.2', 'Allocating responsibilities', 'A.10', 36, 365),
  ('A.10.3', 'Suppliers', 'A.10', 37, 365),
  ('A.10.4', 'Customers', 'A.10', 38, 365)
) as c (ref, title, area_id, position, days)
on conflict (org_id, ref) do nothing;
`;
