/**
 * Agent action governance: the action class and call name of each tool an agent uses, versioned
 * action policies per agent (and organisation defaults), agent sessions with the state the decision
 * function reads, the decision log, the approval queue with its single-use links, and the
 * `blocked` verdict of red-team cases stopped by policy.
 */
export default /* sql */ `
-- What a tool does (read | write | financial | external_communication | code_execution | data_export)
-- and the name an agent calls it by (defaults to the asset's name when null).
alter table ai_assets add column action_class text;
alter table ai_assets add column tool_name text;

-- One action policy per agent (an AI system), or the organisation's default when system_id is null.
create table agent_policies (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid references ai_systems (id),
  title text not null default '',
  -- The version agents are decided by; null until a first version is approved.
  approved_version_id uuid,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
-- At most one live policy per agent and one organisation default.
create unique index agent_policies_system_idx on agent_policies (org_id, coalesce(system_id, '00000000-0000-0000-0000-000000000000'::uuid)) where archived_at is null;

-- Each version of a policy: draft, then approved (the previous approved one becomes superseded).
create table agent_policy_versions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  policy_id uuid not null references agent_policies (id),
  number integer not null,
  -- draft | approved | superseded | withdrawn
  status text not null default 'draft',
  -- The policy document as written (YAML or JSON text) and as parsed.
  source text not null,
  document jsonb not null,
  -- SHA-256 of the canonical JSON of the document; the gateway and the decision log name it.
  document_sha256 text not null,
  change_note text not null default '',
  created_by_member_id uuid references memberships (id),
  approved_by_member_id uuid references memberships (id),
  approved_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (policy_id, number)
);
create index agent_policy_versions_org_idx on agent_policy_versions (org_id, policy_id, number);

-- One agent session (a conversation or run) as the decision API and the gateways see it.
create table agent_sessions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  -- The agent's own id for the session.
  external_id text not null,
  -- Who the agent acts for, as the agent said (user id or e-mail); never an approver of its requests.
  requester text not null default '',
  -- What the decision function reads: untrusted content seen, recent steps, rate and budget usage.
  state jsonb not null default '{}',
  started_at timestamptz(3) not null default now(),
  last_seen_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (org_id, system_id, external_id)
);

-- The decision log: every decision about an agent's action, allows included. Each row has an audit entry.
create table agent_decisions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  session_id uuid references agent_sessions (id),
  -- api (the decision API) | gateway (an MCP gateway's report) | guard (the runtime guard's report)
  origin text not null,
  decided_at timestamptz(3) not null,
  -- tool | resource | prompt
  action_kind text not null,
  action_name text not null,
  -- The arguments as decided (bounded); their SHA-256 over canonical JSON.
  arguments jsonb not null default '{}',
  arguments_sha256 text not null,
  -- allow | deny | approval_required
  outcome text not null,
  -- The rule that decided, as a path into the policy (e.g. tools.issue_refund.arguments.amount) and in words.
  rule text not null,
  reason text not null,
  policy_version_id uuid references agent_policy_versions (id),
  policy_sha256 text,
  -- For approval_required: the approval and, once answered, approved | refused | expired.
  approval_id uuid,
  final_outcome text,
  -- Time the decision took where it was made, in microseconds.
  duration_us integer,
  -- The id a gateway or guard gave the decision, so a re-sent batch is recorded once.
  client_decision_id text,
  created_at timestamptz(3) not null default now()
);
create index agent_decisions_system_idx on agent_decisions (org_id, system_id, decided_at, id);
create index agent_decisions_session_idx on agent_decisions (org_id, session_id, decided_at);
create unique index agent_decisions_client_idx on agent_decisions (org_id, system_id, client_decision_id) where client_decision_id is not null;

-- The approval queue: actions waiting for a person.
create table agent_approvals (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid not null references ai_systems (id),
  session_id uuid references agent_sessions (id),
  decision_id uuid references agent_decisions (id),
  action_kind text not null,
  action_name text not null,
  arguments jsonb not null default '{}',
  rule text not null,
  reason text not null,
  requester text not null default '',
  -- The policy's approval requirement: { role, count, notFrom, members }.
  requirement jsonb not null,
  -- pending | approved | refused | expired | cancelled
  status text not null default 'pending',
  -- [{ memberId, name, at, reason }] for each approval given so far.
  approvals jsonb not null default '[]',
  answered_by_member_id uuid references memberships (id),
  answer_reason text,
  answered_at timestamptz(3),
  expires_at timestamptz(3) not null,
  -- Where the answer is sent (signed), when the agent asked for a webhook.
  callback_url text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (org_id, ref)
);
create index agent_approvals_status_idx on agent_approvals (org_id, status, expires_at);
create index agent_approvals_system_idx on agent_approvals (org_id, system_id, created_at);

-- Single-use, expiring links that open one approval for one member (sent by notification or e-mail).
create table agent_approval_links (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  approval_id uuid not null references agent_approvals (id),
  member_id uuid not null references memberships (id),
  token_hash text not null unique,
  expires_at timestamptz(3) not null,
  used_at timestamptz(3),
  created_at timestamptz(3) not null default now()
);

-- Red-team cases whose harmful action a policy (gateway or guard) stopped.
alter table redteam_scans add column blocked integer not null default 0;
`;
