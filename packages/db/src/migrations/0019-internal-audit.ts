/**
 * Internal audit (clause 9.2): a programme per period, audits planned from it with their scope,
 * criteria and team, and a checklist per audit seeded from the requirement templates, each item with
 * its procedure, pass criterion, result, notes, samples and linked evidence.
 */
export default /* sql */ `
create table audit_programmes (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  period_start date not null,
  period_end date not null,
  -- monthly | quarterly | semiannual | annual
  frequency text not null,
  objectives text not null default '',
  methods text not null default '',
  responsibilities text not null default '',
  reporting text not null default '',
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index audit_programmes_org_created_idx on audit_programmes (org_id, created_at, id);

create table internal_audits (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  programme_id uuid references audit_programmes (id),
  title text not null,
  -- Scope: clause ids ("4.1" …), Annex A control ids ("A.2.2" …), AI system ids, processes in words.
  scope_clauses jsonb not null default '[]',
  scope_controls jsonb not null default '[]',
  scope_system_ids jsonb not null default '[]',
  scope_processes jsonb not null default '[]',
  criteria text not null default '',
  planned_start date not null,
  planned_end date not null,
  lead_auditor_member_id uuid references memberships (id),
  -- planned | in_progress | reporting | closed | cancelled
  status text not null default 'planned',
  conclusion text not null default '',
  started_at timestamptz(3),
  closed_at timestamptz(3),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index internal_audits_org_created_idx on internal_audits (org_id, created_at, id);
create index internal_audits_programme_idx on internal_audits (org_id, programme_id);

-- Auditors other than the lead.
create table internal_audit_auditors (
  audit_id uuid not null references internal_audits (id),
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  primary key (audit_id, member_id)
);
create index internal_audit_auditors_member_idx on internal_audit_auditors (org_id, member_id);

create table audit_checklist_items (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  audit_id uuid not null references internal_audits (id),
  position integer not null,
  -- clause | annex_a
  requirement_kind text not null,
  -- "4.1", "9.2.2", "A.2.2" …
  requirement_id text not null,
  title text not null,
  procedure text not null,
  pass_criterion text not null,
  assignee_member_id uuid references memberships (id),
  -- null until answered; conforming | minor_nc | major_nc | observation | opportunity
  result text,
  notes text not null default '',
  samples text not null default '',
  answered_by_member_id uuid references memberships (id),
  answered_at timestamptz(3),
  -- The nonconformity (minor_nc, major_nc) or improvement (opportunity) raised from this item, once.
  nonconformity_id uuid references nonconformities (id),
  improvement_id uuid references improvements (id),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (audit_id, requirement_kind, requirement_id)
);
create index audit_checklist_items_audit_idx on audit_checklist_items (org_id, audit_id, position);
create index audit_checklist_items_assignee_idx on audit_checklist_items (org_id, assignee_member_id) where result is null;

create table audit_item_evidence (
  item_id uuid not null references audit_checklist_items (id),
  org_id uuid not null references organizations (id),
  evidence_id uuid not null references evidence (id),
  linked_at timestamptz(3) not null default now(),
  primary key (item_id, evidence_id)
);
`;
