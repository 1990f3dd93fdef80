/**
 * Where reminders go: in-app notifications, e-mail (a member may turn reminder e-mail off), outgoing
 * webhooks per organisation with their delivery log, and per-member calendar feeds behind a secret URL.
 */
export default /* sql */ `
alter table memberships add column email_reminders boolean not null default true;

create table notifications (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  kind text not null,
  title text not null,
  body text not null default '',
  path text,
  reminder_id uuid references reminders (id),
  created_at timestamptz(3) not null default now(),
  read_at timestamptz(3)
);
create index notifications_member_idx on notifications (org_id, member_id, created_at desc, id);
create index notifications_unread_idx on notifications (org_id, member_id) where read_at is null;
-- One notification per reminder, however often its delivery is retried.
create unique index notifications_reminder_idx on notifications (reminder_id) where reminder_id is not null;

create table webhooks (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  url text not null,
  description text not null default '',
  -- Event names it receives, e.g. ["reminder.due"].
  events jsonb not null default '[]',
  -- The signing secret, sealed with the server's secret key (it must be read back to sign).
  secret_sealed text not null,
  enabled boolean not null default true,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index webhooks_org_idx on webhooks (org_id, created_at, id);

-- One row per event sent to a webhook; retries update it, keeping the same id (sent as the delivery id).
create table webhook_deliveries (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  webhook_id uuid not null references webhooks (id),
  event text not null,
  payload jsonb not null,
  -- pending | delivered | failed
  status text not null default 'pending',
  attempts integer not null default 0,
  response_status integer,
  last_error text,
  next_attempt_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  delivered_at timestamptz(3)
);
create index webhook_deliveries_webhook_idx on webhook_deliveries (org_id, webhook_id, created_at desc, id);

create table calendar_feeds (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  member_id uuid not null references memberships (id),
  -- SHA-256 of the secret in the feed's URL.
  token_hash text not null unique,
  created_at timestamptz(3) not null default now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3)
);
create index calendar_feeds_member_idx on calendar_feeds (org_id, member_id);

-- "My work" reads each member's open work by owner; these owner columns had no index.
create index risk_treatment_actions_owner_idx on risk_treatment_actions (org_id, owner_member_id)
  where status in ('open', 'in_progress') and archived_at is null;
create index corrective_actions_owner_idx on corrective_actions (org_id, owner_member_id)
  where status in ('open', 'in_progress');
create index documents_owner_idx on documents (org_id, owner_member_id) where archived_at is null;
create index objectives_owner_idx on objectives (org_id, owner_member_id) where status = 'active';
create index management_reviews_chair_idx on management_reviews (org_id, chair_member_id)
  where status in ('planned', 'in_progress');
create index evidence_creator_valid_idx on evidence (org_id, created_by_member_id, valid_until)
  where valid_until is not null and archived_at is null;
create index controls_owner_idx on controls (org_id, owner_member_id) where archived_at is null;
-- Records waiting for an approval, read by every approver's "My work".
create index document_versions_in_review_idx on document_versions (org_id) where status = 'in_review';
create index system_changes_requested_idx on system_changes (org_id) where status = 'requested';
create index nonconformities_awaiting_check_idx on nonconformities (org_id) where status = 'awaiting_check';
create index gate_decisions_failed_idx on gate_decisions (org_id, decided_at) where result = 'failed';
`;
