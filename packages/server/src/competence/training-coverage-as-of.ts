import {
  type AimsProcess,
  type CompetenceAppliesToKind,
  type Role,
  TRAINING_EXPIRING_DAYS,
  TRAINING_GAP_LIMIT,
  type TrainingCoverage,
  type TrainingGapKind,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { approvedAiPolicyAt } from "./approved-ai-policy.js";

/** Responsibility assignments whose holders need the competence: those who do or answer for the work. */
export const COMPETENT_RACI_ROLES = ["responsible", "accountable"] as const;

/**
 * The requirement-per-member table everything below reads: every member (at `asOf`) holding a role
 * or a process responsibility that has requirements, each requirement that applies, and the latest
 * expiry among the member's completions of its course (completed by then, not archived by then; a
 * completion entered later but dated earlier counts, as the date is what was done). A
 * completion without its own expiry lasts the requirement's renewal months, or for good.
 */
function needsCte(orgId: string, asOf: Date) {
  const day = asOf.toISOString().slice(0, 10);
  return sql`
    with members as (
      select m.id, m.role from memberships m
      where m.org_id = ${orgId} and m.created_at <= ${asOf} and (m.archived_at is null or m.archived_at > ${asOf})
    ),
    reqs as (
      select id, applies_to_kind, applies_to, competence, course, renewal_months from competence_requirements
      where org_id = ${orgId} and created_at <= ${asOf} and (archived_at is null or archived_at > ${asOf})
    ),
    holders as (
      select id as member_id, 'role' as kind, role as applies_to from members
      union all
      select distinct ra.member_id, 'responsibility', ra.process from responsibility_assignments ra
      join members m on m.id = ra.member_id
      where ra.org_id = ${orgId} and ra.subject_type = 'process' and ra.process is not null
        and ra.raci_role in ('responsible', 'accountable')
        and ra.created_at <= ${asOf} and (ra.archived_at is null or ra.archived_at > ${asOf})
    ),
    trained as (
      select member_id, lower(btrim(course)) as course_key, completed_on, expires_on from training_records
      where org_id = ${orgId} and completed_on <= ${day}::date and (archived_at is null or archived_at > ${asOf})
    ),
    needs as (
      select h.member_id, h.kind, h.applies_to, r.id as requirement_id, r.competence, r.course,
        max(case when t.member_id is not null then
          coalesce(t.expires_on, (t.completed_on + make_interval(months => r.renewal_months))::date, 'infinity'::date)
        end) as best_expiry
      from holders h
      join reqs r on r.applies_to_kind = h.kind and r.applies_to = h.applies_to
      left join trained t on t.member_id = h.member_id and t.course_key = lower(btrim(r.course))
      group by h.member_id, h.kind, h.applies_to, r.id, r.competence, r.course
    ),
    judged as (
      select needs.*, case
        when best_expiry is null then 'missing'
        when best_expiry <= ${day}::date then 'expired'
        when best_expiry <= ${day}::date + ${TRAINING_EXPIRING_DAYS}::int then 'expiring'
        else 'ok' end as gap
      from needs
    )`;
}

interface GroupRow {
  kind: CompetenceAppliesToKind;
  applies_to: string;
  requirements: number;
  members: number;
  covered: number;
}

interface GapRow {
  member_id: string;
  name: string;
  email: string;
  kind: CompetenceAppliesToKind;
  applies_to: string;
  requirement_id: string;
  competence: string;
  course: string;
  gap: TrainingGapKind;
  expires_on: string | null;
}

interface CoverageRow {
  groups: GroupRow[] | null;
  gaps: GapRow[] | null;
  missing: number;
  expired: number;
  expiring: number;
}

/** Members × requirements judged once, then summed per group, counted per gap kind and listed (the first 1,000). */
function coverageQuery(orgId: string, asOf: Date) {
  return sql<CoverageRow>`${needsCte(orgId, asOf)},
    per_member as (
      select kind, applies_to, member_id, bool_and(gap in ('ok', 'expiring')) as covered
      from judged group by kind, applies_to, member_id
    ),
    counted as (
      select kind, applies_to, count(*)::int as members, (count(*) filter (where covered))::int as covered
      from per_member group by kind, applies_to
    ),
    required as (
      select applies_to_kind as kind, applies_to, count(*)::int as requirements from reqs group by 1, 2
    ),
    grouped as (
      select q.kind, q.applies_to, q.requirements, coalesce(c.members, 0) as members, coalesce(c.covered, 0) as covered
      from required q left join counted c on c.kind = q.kind and c.applies_to = q.applies_to
    ),
    listed as (
      select g.member_id, u.name, u.email, g.kind, g.applies_to, g.requirement_id, g.competence, g.course, g.gap,
        case when g.best_expiry is null or g.best_expiry = 'infinity'::date then null
          else to_char(g.best_expiry, 'YYYY-MM-DD') end as expires_on,
        case g.gap when 'expired' then 0 when 'missing' then 1 else 2 end as priority
      from judged g
      join memberships m on m.id = g.member_id
      join users u on u.id = m.user_id
      where g.gap <> 'ok'
      order by priority, u.name, u.email, g.course, g.requirement_id
      limit ${TRAINING_GAP_LIMIT}
    )
    select
      (select json_agg(grouped order by kind, applies_to) from grouped) as groups,
      (select json_agg(listed order by priority, name, email, course, requirement_id) from listed) as gaps,
      (select count(*) from judged where gap = 'missing')::int as missing,
      (select count(*) from judged where gap = 'expired')::int as expired,
      (select count(*) from judged where gap = 'expiring')::int as expiring`;
}

/** Members at `asOf`, and how many of them had acknowledged the policy version by then. */
async function acknowledgementCounts(db: Kysely<Database>, orgId: string, asOf: Date, versionId: string | null) {
  const atDate = sql`m.created_at <= ${asOf} and (m.archived_at is null or m.archived_at > ${asOf})`;
  // Two counts rather than one join, so the plan stays a lookup per acknowledgement however stale the statistics.
  const counts = await sql<{ total: number; acknowledged: number }>`
    select
      (select count(*) from memberships m where m.org_id = ${orgId} and ${atDate})::int as total,
      (select count(*) from policy_acknowledgements pa join memberships m on m.id = pa.member_id
        where pa.org_id = ${orgId} and pa.document_version_id = ${versionId}::uuid and pa.acknowledged_at <= ${asOf}
          and ${atDate})::int as acknowledged`.execute(db);
  return counts.rows[0] ?? { total: 0, acknowledged: 0 };
}

function presentGroup(row: GroupRow) {
  return {
    members: row.members,
    requirements: row.requirements,
    fullyCovered: row.covered,
    coveragePercent: row.members === 0 ? null : Math.round((row.covered / row.members) * 100),
  };
}

/**
 * Training coverage and AI policy acknowledgement as they stood at `asOf`, computed in the database
 * (one pass over members × requirements), so it stays quick for ten thousand members.
 */
export async function trainingCoverageAsOf(db: Kysely<Database>, orgId: string, asOf: Date): Promise<TrainingCoverage> {
  const result = await coverageQuery(orgId, asOf).execute(db);
  const row = result.rows[0] ?? { groups: null, gaps: null, missing: 0, expired: 0, expiring: 0 };
  const groups = row.groups ?? [];
  const gaps = row.gaps ?? [];
  const policy = await approvedAiPolicyAt(db, orgId, asOf);
  const { total, acknowledged } = await acknowledgementCounts(db, orgId, asOf, policy?.versionId ?? null);
  return {
    asOf: asOf.toISOString(),
    byRole: groups.filter((g) => g.kind === "role").map((g) => ({ role: g.applies_to as Role, ...presentGroup(g) })),
    byResponsibility: groups
      .filter((g) => g.kind === "responsibility")
      .map((g) => ({ responsibility: g.applies_to as AimsProcess, ...presentGroup(g) })),
    gaps: gaps.map((gap) => ({
      member: { id: gap.member_id, name: gap.name, email: gap.email },
      appliesToKind: gap.kind,
      appliesTo: gap.applies_to,
      requirementId: gap.requirement_id,
      competence: gap.competence,
      course: gap.course,
      kind: gap.gap,
      expiresOn: gap.expires_on,
    })),
    gapCounts: { missing: row.missing, expired: row.expired, expiring: row.expiring },
    gapsTruncated: row.missing + row.expired + row.expiring > gaps.length,
    policyAcknowledgement: {
      policy: policy ? { ...policy, approvedAt: policy.approvedAt.toISOString() } : null,
      acknowledged: policy ? acknowledged : 0,
      total,
    },
  };
}
