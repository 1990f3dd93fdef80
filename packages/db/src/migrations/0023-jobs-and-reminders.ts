/**
 * Scheduled work that runs once: a job table that server processes claim with FOR UPDATE SKIP LOCKED
 * and a lease, and the reminders raised from due dates, one row per member, record and occasion.
 */
export default /* sql */ `
create table jobs (
  id uuid primary key,
  org_id uuid references organizations (id),
  kind text not null,
  -- Unique per kind: enqueueing the same key twice makes one job.
  key text not null,
  payload jsonb not null default '{}',
  run_at timestamptz(3) not null default now(),
  -- queued | running | done | dead
  status text not null default 'queued',
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_by text,
  locked_until timestamptz(3),
  last_error text,
  created_at timestamptz(3) not null default now(),
  finished_at timestamptz(3),
  unique (kind, key)
);
create index jobs_ready_idx on jobs (run_at) where status in ('queued', 'running');
-- The jobs summary of one organisation, and pruning old finished jobs.
create index jobs_org_idx on jobs (org_id, kind, status);
create index jobs_finished_idx on jobs (finished_at) where status in ('done', 'dead');

create table reminders (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  -- What is due: corrective_action, review_action, treatment_action, evidence_expiry, approval,
  -- impact_assessment, document_review, management_review, gate_sign_off, audit_item, objective,
  -- training_expiry, policy_acknowledgement, metric_missing_data
  kind text not null,
  record_type text not null,
  record_id uuid not null,
  -- The record's reference (NC-3, MR-1 …) where it has one.
  ref text,
  -- Which occasion of the record (a due date, "overdue:2026-12-07" …): one reminder per occasion.
  occasion text not null,
  title text not null,
  -- The page it links to, below /o/:orgId.
  path text not null,
  due_date date,
  created_at timestamptz(3) not null default now(),
  unique (org_id, member_id, kind, record_id, occasion)
);
create index reminders_member_idx on reminders (org_id, member_id, created_at);
create index reminders_org_idx on reminders (org_id, created_at, id);
`;
