/**
 * AI objectives (clause 6.2): what is to be achieved, how it is measured (by hand or from a monitored
 * metric), the target and direction, owner, due date and plan, and the history of progress.
 */
export default /* sql */ `
create table objectives (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  rationale text not null default '',
  -- manual | metric
  measure_kind text not null,
  measure text not null default '',
  metric_id uuid references metrics (id),
  unit text not null default '',
  baseline double precision,
  target double precision not null,
  -- increase (at least the target) | decrease (at most the target)
  direction text not null,
  owner_member_id uuid references memberships (id),
  due_date date,
  plan_what text not null default '',
  plan_resources text not null default '',
  plan_when text not null default '',
  -- active | achieved | missed | cancelled
  status text not null default 'active',
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index objectives_org_created_idx on objectives (org_id, created_at, id);

-- Progress readings: entered by hand, or taken from the metric's observations.
create table objective_progress (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  objective_id uuid not null references objectives (id),
  recorded_at timestamptz(3) not null,
  value double precision not null,
  note text not null default '',
  -- manual | metric
  source text not null,
  recorded_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now()
);
create index objective_progress_objective_idx on objective_progress (org_id, objective_id, recorded_at);
`;
