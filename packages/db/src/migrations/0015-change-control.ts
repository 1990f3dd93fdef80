/**
 * Change control: changes to AI systems, their approval and material flag, and when a risk was last
 * reviewed. A material change asks for the system's risks to be reviewed again; a risk's review
 * clears that request.
 */
export default /* sql */ `
alter table risks add column reviewed_at timestamptz(3);
alter table risks add column rereview_requested_at timestamptz(3);
update risks set reviewed_at = updated_at;
create index risks_rereview_idx on risks (org_id, rereview_requested_at) where rereview_requested_at is not null;

create table system_changes (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  system_id uuid not null references ai_systems (id),
  -- model_version | retraining | prompt_or_configuration | vendor_model | new_tool_or_connector | new_data_source | other
  kind text not null,
  summary text not null,
  description text not null default '',
  -- not_assessed | none | low | medium | high: the requester's expectation of what it does to the system's risks.
  risk_impact text not null default 'not_assessed',
  risk_impact_note text not null default '',
  material boolean not null,
  -- What the kind suggested, kept so a reader sees whether the requester overrode it.
  suggested_material boolean not null,
  -- requested | approved | rejected
  status text not null default 'requested',
  requested_by_member_id uuid references memberships (id),
  decided_by_member_id uuid references memberships (id),
  decided_at timestamptz(3),
  -- The approver's note, or the reason for a rejection.
  decision_note text,
  -- What a material change sent back for review when it was recorded: the risks flagged, and the
  -- approved impact assessment it made stale (null when there was none).
  rereview_risk_ids jsonb not null default '[]',
  stale_assessment_id uuid references impact_assessments (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
create index system_changes_org_created_idx on system_changes (org_id, created_at, id);
create index system_changes_system_created_idx on system_changes (org_id, system_id, created_at, id);
`;
