/**
 * Management review (clause 9.3): scheduled reviews, the input pack compiled from the records as of a
 * date (kept as compiled, so the minutes show what the meeting saw), a decision per input, and the
 * actions decided, tracked into the next review's pack.
 */
export default /* sql */ `
create table management_reviews (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  scheduled_for date not null,
  -- planned | in_progress | closed | cancelled
  status text not null default 'planned',
  chair_member_id uuid references memberships (id),
  -- Who attended, in words (members and guests).
  attendees jsonb not null default '[]',
  -- The pack as compiled (JSON, one key per 9.3.2 input) and the instant it describes.
  pack jsonb,
  pack_as_of timestamptz(3),
  pack_compiled_at timestamptz(3),
  minutes text not null default '',
  held_on date,
  closed_at timestamptz(3),
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index management_reviews_org_scheduled_idx on management_reviews (org_id, scheduled_for, id);

-- What the review concluded on each input (one row per 9.3.2 input key).
create table review_input_decisions (
  review_id uuid not null references management_reviews (id),
  org_id uuid not null references organizations (id),
  input_key text not null,
  decision text not null,
  decided_by_member_id uuid references memberships (id),
  updated_at timestamptz(3) not null default now(),
  primary key (review_id, input_key)
);

-- Decisions and actions (9.3.3), with owners and due dates.
create table review_actions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  review_id uuid not null references management_reviews (id),
  input_key text,
  title text not null,
  description text not null default '',
  owner_member_id uuid references memberships (id),
  due_date date,
  -- open | in_progress | done | cancelled
  status text not null default 'open',
  done_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index review_actions_review_idx on review_actions (org_id, review_id, created_at);
create index review_actions_owner_idx on review_actions (org_id, owner_member_id, due_date) where status in ('open', 'in_progress');
`;
