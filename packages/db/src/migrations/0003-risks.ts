/** Risk method, risk register, treatment actions, acceptances and threat-model proposals. */
export default /* sql */ `
-- One per organisation. Levels are numbered from 1 in array order; matrix[l-1][i-1] is a rating.
create table risk_methods (
  id uuid primary key,
  org_id uuid not null unique references organizations (id),
  likelihood_levels jsonb not null,
  impact_levels jsonb not null,
  matrix jsonb not null,
  acceptable_without_treatment text not null,
  -- { "<role>": "<highest rating it may accept>" | null }
  acceptance_by_role jsonb not null,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);

create table risks (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  ref text not null,
  -- Null for an organisation-wide risk.
  system_id uuid references ai_systems (id),
  title text not null,
  description text not null default '',
  -- Id of the threat-library entry the risk was seeded from, if any.
  threat_id text,
  -- Annex C risk-source ids ("C.3.4").
  risk_sources jsonb not null default '[]',
  status text not null,
  owner_member_id uuid references memberships (id),
  inherent_likelihood smallint,
  inherent_impact smallint,
  -- low | medium | high | critical, as the organisation's risk method rates likelihood × impact.
  inherent_rating text,
  treatment_option text,
  residual_likelihood smallint,
  residual_impact smallint,
  residual_rating text,
  -- Sort key of the current (residual, else inherent) rating: 0 unrated, 1 low … 4 critical.
  rating_rank smallint not null default 0,
  review_date date,
  -- Last day the current acceptance covers, while the risk is accepted.
  accepted_until date,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  unique (org_id, ref)
);
-- The register's sorts, each ending in id for keyset paging.
create index risks_org_created on risks (org_id, created_at, id);
create index risks_org_updated on risks (org_id, updated_at, id);
create index risks_org_title on risks (org_id, title, id);
create index risks_org_rating on risks (org_id, rating_rank, id);
create index risks_org_system on risks (org_id, system_id, created_at, id);
create index risks_org_owner on risks (org_id, owner_member_id);
create index risks_org_status on risks (org_id, status, created_at, id);

create table risk_treatment_actions (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  risk_id uuid not null references risks (id),
  title text not null,
  owner_member_id uuid references memberships (id),
  due_date date,
  -- open | in_progress | done | cancelled
  status text not null default 'open',
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text
);
create index risk_treatment_actions_risk on risk_treatment_actions (org_id, risk_id);

-- Sign-offs of a risk's rating; a newer acceptance or a status change withdraws the active one.
create table risk_acceptances (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  risk_id uuid not null references risks (id),
  rating text not null,
  rationale text not null,
  approver_member_id uuid references memberships (id),
  -- Name and e-mail at the time of signing, kept even if the membership later ends.
  approver_label text not null,
  expires_on date not null,
  withdrawn_at timestamptz(3),
  created_at timestamptz(3) not null default now()
);
create index risk_acceptances_risk on risk_acceptances (org_id, risk_id, created_at);

-- Threats the library suggested for a system, waiting for a decision.
create table threat_proposals (
  id uuid primary key,
  org_id uuid not null references organizations (id),
  system_id uuid not null references ai_systems (id),
  threat_id text not null,
  reason text not null,
  -- proposed | accepted | dismissed
  status text not null default 'proposed',
  dismissal_reason text,
  risk_id uuid references risks (id),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1,
  archived_at timestamptz(3),
  archive_reason text,
  -- A threat is proposed for a system once; later runs leave a decided proposal alone.
  unique (org_id, system_id, threat_id)
);
create index threat_proposals_system on threat_proposals (org_id, system_id, created_at, id);

-- Organisations created before this migration get the default method; new ones are seeded on creation.
insert into risk_methods (id, org_id, likelihood_levels, impact_levels, matrix, acceptable_without_treatment, acceptance_by_role)
select
  gen_random_uuid(),
  o.id,
  '[{"label":"Rare","description":"Not expected to happen; would need an unusual combination of events."},{"label":"Unlikely","description":"Could happen, but there is no sign it will in the next year."},{"label":"Possible","description":"Might well happen within a year; has happened elsewhere."},{"label":"Likely","description":"Expected to happen within a year."},{"label":"Almost certain","description":"Happening already, or expected within weeks."}]',
  '[{"label":"Negligible","description":"Barely noticed; no lasting effect on people or the organisation."},{"label":"Minor","description":"Small, quickly corrected harm or cost; few people affected."},{"label":"Moderate","description":"Noticeable harm to some people, or cost and effort to put right."},{"label":"Major","description":"Serious harm to people or rights, regulatory attention, or lasting damage."},{"label":"Severe","description":"Irreversible harm, harm to many people, or a threat to the organisation."}]',
  '[["low","low","low","medium","medium"],["low","low","medium","medium","high"],["low","medium","medium","high","high"],["medium","medium","high","high","critical"],["medium","high","high","critical","critical"]]',
  'low',
  '{"owner":"critical","admin":"critical","compliance_manager":"medium","contributor":null,"auditor":null,"viewer":null}'
from organizations o;
`;
