/** Organisations, people, access, and the audit trail. */
export default /* sql */ `
create table organizations (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text
);

create table users (
  id uuid primary key,
  email text not null unique,
  name text not null,
  password_hash text,
  failed_signins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table memberships (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('owner', 'admin', 'compliance_manager', 'contributor', 'auditor', 'viewer')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  archived_at timestamptz,
  archive_reason text,
  unique (org_id, user_id)
);
create index memberships_user_idx on memberships (user_id);
-- Keyset pages of members sorted by name or joining date stop after one page instead of sorting everyone.
create index memberships_org_created_idx on memberships (org_id, created_at, id);
create index users_name_idx on users (name, id);

create table sessions (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references users (id),
  method text not null check (method in ('password', 'sso', 'setup', 'invitation')),
  -- Set for single sign-on sessions: the only organisation whose identity provider vouched for them.
  org_id uuid references organizations (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  name text not null,
  scope text not null check (scope in ('read', 'write')),
  prefix text not null,
  secret_hash text not null unique,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index api_tokens_org_idx on api_tokens (org_id, created_at);

create table invitations (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  email text not null,
  role text not null check (role in ('owner', 'admin', 'compliance_manager', 'contributor', 'auditor', 'viewer')),
  token_hash text not null unique,
  invited_by uuid not null references users (id),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index invitations_org_idx on invitations (org_id, created_at);

create table signin_attempts (
  client_key text not null,
  attempted_at timestamptz not null default now()
);
create index signin_attempts_idx on signin_attempts (client_key, attempted_at);

create table sso_configs (
  org_id uuid primary key references organizations (id),
  enabled boolean not null,
  issuer text not null,
  client_id text not null,
  client_secret text,
  allowed_domains text[] not null,
  default_role text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table sso_logins (
  state_hash text primary key,
  org_id uuid not null references organizations (id),
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table audit_heads (
  org_id uuid primary key references organizations (id),
  seq bigint not null,
  hash text not null
);

create table audit_entries (
  org_id uuid not null references organizations (id),
  seq bigint not null,
  id uuid not null unique,
  at timestamptz not null,
  actor_type text not null,
  actor_id text,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  changes jsonb not null,
  request_id text,
  prev_hash text not null,
  hash text not null,
  primary key (org_id, seq)
);
create index audit_entries_entity_idx on audit_entries (org_id, entity_type, entity_id);
create index audit_entries_action_idx on audit_entries (org_id, action);

create function audit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only';
end
$$;
create trigger audit_entries_append_only before update or delete or truncate on audit_entries
  for each statement execute function audit_entries_append_only();

create table instance_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
`;
