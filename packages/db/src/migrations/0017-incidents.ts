/**
 * Incidents with their timeline, communications and links, and concerns reported by members or through an anonymous link.
 */
export default /* sql */ `
create table incidents (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  title text not null,
  description text not null default '',
  -- low | medium | high | critical
  severity text not null,
  -- reported | triaged | contained | resolved | closed
  status text not null default 'reported',
  -- When it was noticed, and when it began if known.
  detected_at timestamptz(3) not null,
  occurred_at timestamptz(3),
  root_cause text not null default '',
  -- Null when the system opened it (an alert rule) or it came from an anonymous concern.
  reported_by_member_id uuid references memberships (id),
  resolved_at timestamptz(3),
  closed_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index incidents_org_created_idx on incidents (org_id, created_at, id);
create index incidents_org_status_idx on incidents (org_id, status);

-- The AI systems an incident affects.
create table incident_systems (
  incident_id uuid not null references incidents (id),
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  primary key (incident_id, system_id)
);
create index incident_systems_system_idx on incident_systems (org_id, system_id);

-- What happened while the incident was handled: notes, status changes and communications, in order.
create table incident_timeline_entries (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  incident_id uuid not null references incidents (id),
  -- note | status_change | communication | link
  kind text not null,
  body text not null default '',
  from_status text,
  to_status text,
  author_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now()
);
create index incident_timeline_incident_idx on incident_timeline_entries (incident_id, created_at, id);

-- What was told to customers, regulators and other interested parties.
create table incident_communications (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  incident_id uuid not null references incidents (id),
  -- customers | regulators | authorities | partners | staff | other
  audience text not null,
  recipient text not null,
  communicated_at timestamptz(3) not null,
  -- email | phone | letter | meeting | website | portal | other
  channel text not null,
  summary text not null,
  recorded_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now()
);
create index incident_communications_incident_idx on incident_communications (incident_id, communicated_at, id);

-- Links to records of other modules. Those tables come from several migrations, so the target is
-- checked on write (same organisation) instead of by a foreign key.
create table incident_links (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  incident_id uuid not null references incidents (id),
  -- risk | change | alert | nonconformity | corrective_action | incident
  kind text not null,
  target_id uuid not null,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  unique (incident_id, kind, target_id)
);
create index incident_links_target_idx on incident_links (org_id, kind, target_id);

-- Concerns (A.3.3) waiting for triage. An anonymous concern keeps no member, no address and no token.
create table concerns (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  description text not null,
  system_id uuid references ai_systems (id),
  -- How the reporter would like to hear back, in their words; empty when they did not say.
  contact_preference text not null default '',
  -- The system as an anonymous reporter named it, when they could not choose one.
  system_name text not null default '',
  -- member | anonymous
  channel text not null,
  reported_by_member_id uuid references memberships (id),
  -- new | became_incident | became_risk | closed
  status text not null default 'new',
  incident_id uuid references incidents (id),
  risk_id uuid references risks (id),
  closed_reason text,
  triaged_by_member_id uuid references memberships (id),
  triaged_at timestamptz(3),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index concerns_org_created_idx on concerns (org_id, created_at, id);

-- The anonymous concern link of an organisation, while it is on. Only the SHA-256 of its token is kept.
create table concern_links (
  org_id uuid primary key references organizations (id),
  token_hash text not null unique,
  created_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now()
);
`;
