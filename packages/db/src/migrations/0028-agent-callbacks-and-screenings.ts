/**
 * Agent decisions, continued: the secret that signs each agent's approval callbacks (sealed with the
 * server's key, as outgoing webhooks keep theirs), the runtime guard's screenings reported with its
 * decisions (counted once however often a batch is re-sent), and an index for the per-tool usage the
 * decision API counts for rate and budget limits.
 */
export default /* sql */ `
create table agent_webhook_secrets (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  -- The signing secret, sealed with the server's secret key (it must be read back to sign).
  secret_sealed text not null,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  unique (org_id, system_id)
);

-- One screening of model input or output by the runtime guard: flagged or blocked, by which rule.
create table agent_screenings (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  at timestamptz(3) not null,
  -- input | output
  direction text not null,
  rule text not null,
  -- flagged | blocked
  action text not null,
  -- The reporter's id for the screening, or one derived from its content, so a re-sent batch counts once.
  client_key text not null,
  created_at timestamptz(3) not null default now()
);
create unique index agent_screenings_client_idx on agent_screenings (org_id, system_id, client_key);
create index agent_screenings_at_idx on agent_screenings (org_id, system_id, at);

-- Executed calls of one tool in the last minute or hour, and today's spend, for rate and budget limits.
create index agent_decisions_usage_idx on agent_decisions (org_id, system_id, action_name, decided_at);
-- The approval an answered link or queue entry belongs to, and the decisions of one approval.
create index agent_approval_links_approval_idx on agent_approval_links (org_id, approval_id);
`;
