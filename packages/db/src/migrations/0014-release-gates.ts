/**
 * Release gates: checklists per organisation, target stage and impact tier; immutable gate
 * decisions with the snapshot of what was checked; sign-offs; overrides of a failed gate, requested
 * by one member and approved by another; and the organisation's Ed25519 key for release attestations.
 */
export default /* sql */ `
create table gate_checklists (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  -- The stage a system moves into, and the impact tier the checklist applies to.
  stage text not null,
  impact_tier text not null,
  -- [{ "kind": ..., thresholds }], shaped by the contracts' gateCheckConfigSchema.
  checks jsonb not null,
  updated_by_member_id uuid references memberships (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (org_id, stage, impact_tier)
);

create table gate_decisions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid not null references ai_systems (id),
  from_stage text not null,
  to_stage text not null,
  -- passed | failed | overridden
  result text not null,
  -- The checklist, the facts the server gathered, each check's result and the override, if any.
  snapshot jsonb not null,
  -- SHA-256 of the snapshot's JSON text as it was recorded; the attestation's subject digest.
  snapshot_sha256 text not null,
  decided_by_member_id uuid references memberships (id),
  decided_by_label text not null,
  decided_at timestamptz(3) not null default now(),
  unique (org_id, ref)
);
create index gate_decisions_org_decided_idx on gate_decisions (org_id, decided_at, id);
create index gate_decisions_system_decided_idx on gate_decisions (org_id, system_id, decided_at, id);

create function gate_decisions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'gate decisions cannot be changed or deleted';
end
$$;
create trigger gate_decisions_immutable before update or delete on gate_decisions
  for each statement execute function gate_decisions_immutable();

create table gate_sign_offs (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  stage text not null,
  -- The signer's role in the organisation when they signed.
  role text not null,
  member_id uuid not null references memberships (id),
  signer_label text not null,
  note text not null,
  signed_at timestamptz(3) not null default now()
);
create index gate_sign_offs_system_idx on gate_sign_offs (org_id, system_id, stage, signed_at);

create table gate_overrides (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid not null references ai_systems (id),
  from_stage text not null,
  to_stage text not null,
  reason text not null,
  -- requested | approved | withdrawn
  status text not null,
  -- The failed decision recorded when the override was requested.
  failed_decision_id uuid not null references gate_decisions (id),
  requested_by_member_id uuid not null references memberships (id),
  requested_by_label text not null,
  approved_by_member_id uuid references memberships (id),
  approved_by_label text,
  -- The overridden decision recorded on approval.
  decision_id uuid references gate_decisions (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  unique (org_id, ref)
);
create index gate_overrides_org_idx on gate_overrides (org_id, status, created_at, id);
create unique index gate_overrides_one_open_idx on gate_overrides (org_id, system_id, to_stage) where status = 'requested';

-- One Ed25519 key per organisation for signed release attestations. The private half is sealed
-- with the server's secret key (as SSO client secrets are) and never leaves the server.
create table org_signing_keys (
  org_id uuid primary key references organizations (id),
  key_id text not null,
  public_key_pem text not null,
  private_key_sealed text not null,
  created_at timestamptz(3) not null default now()
);
`;
