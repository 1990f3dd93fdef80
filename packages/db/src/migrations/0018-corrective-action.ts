/**
 * Nonconformity and corrective action: the full flow from raising to an effective check, and the improvement log.
 *
 * Nonconformities so far came from red-team findings only and carried the finding's severity (info …
 * critical). Every row keeps its id, ref and data: that severity moves to `redteam_severity`, and
 * `severity` becomes minor or major — critical and high findings are major nonconformities, the rest
 * minor. Their status stays `open` (none has a corrective action yet).
 */
export default /* sql */ `
alter table nonconformities add column redteam_severity text;
update nonconformities set redteam_severity = severity where source = 'redteam_finding';
update nonconformities set severity = case when severity in ('critical', 'high') then 'major' else 'minor' end;
-- What was done at once (the correction), and the root-cause analysis with the method used.
alter table nonconformities add column correction text not null default '';
alter table nonconformities add column root_cause text not null default '';
-- five_whys | fishbone | fault_tree | other
alter table nonconformities add column root_cause_method text;
alter table nonconformities add column closed_at timestamptz(3);
create index nonconformities_source_idx on nonconformities (org_id, source, source_id);

-- Corrective actions: open -> in_progress -> done, or cancelled.
create table corrective_actions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  nonconformity_id uuid not null references nonconformities (id),
  title text not null,
  owner_member_id uuid references memberships (id),
  due_date date,
  status text not null default 'open',
  done_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
create index corrective_actions_nonconformity_idx on corrective_actions (org_id, nonconformity_id, created_at);

-- Effectiveness checks; a not-effective one stays as history after the nonconformity reopens.
create table effectiveness_checks (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  nonconformity_id uuid not null references nonconformities (id),
  checked_on date not null,
  method text not null,
  -- effective | not_effective
  result text not null,
  notes text not null default '',
  checked_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now()
);
create index effectiveness_checks_nonconformity_idx on effectiveness_checks (org_id, nonconformity_id, created_at);

-- The improvement log (clause 10.1): opportunities for improvement from any source.
create table improvements (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  description text not null default '',
  -- manual | incident | alert | audit | management_review | nonconformity | concern | other
  source text not null,
  source_id uuid,
  owner_member_id uuid references memberships (id),
  -- proposed | planned | done | declined
  status text not null default 'proposed',
  decline_reason text,
  raised_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index improvements_org_created_idx on improvements (org_id, created_at, id);
create index improvements_source_idx on improvements (org_id, source, source_id);
`;
