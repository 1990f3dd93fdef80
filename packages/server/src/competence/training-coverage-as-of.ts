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
      union
      select ra.member_id, 'responsibility', ra.process from responsibility_assignments ra
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

/**
 * Training coverage and AI policy acknowledgement as they stood at `asOf`, computed in the database
 * (one pass over members × requirements), so it stays quick for ten thousand members.
 */
export async function trainingCoverageAsOf(db: Kysely<Database>, orgId: string, asOf: Date): Promise<TrainingCoverage> {
  const needs = needsCte(orgId, asOf);
  const groups = await sql<GroupRow>`${needs},
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
    )
    select q.kind, q.applies_to, q.requirements, coalesce(c.members, 0) as members, coalesce(c.covered, 0) as covered
    from required q left join counted c on c.kind = q.kind and c.applies_to = q.applies_to
    order by q.kind, q.applies_to`.execute(db);

  const gaps = await sql<GapRow & { total_missing: number; total_expired: number; total_expiring: number }>`${needs},
    open_gaps as (select * from judged where gap <> 'ok'),
    totals as (
      select (count(*) filter (where gap = 'missing'))::int as total_missing,
        (count(*) filter (where gap = 'expired'))::int as total_expired,
        (count(*) filter (where gap = 'expiring'))::int as total_expiring
      from open_gaps
    )
    select totals.*, g.member_id, u.name, u.email, g.kind, g.applies_to, g.requirement_id, g.competence, g.course, g.gap,
      case when g.best_expiry is null or g.best_expiry = 'infinity'::date then null else to_char(g.best_expiry, 'YYYY-MM-DD') end as expires_on
    from totals
    left join lateral (
      select * from open_gaps
      order by case gap when 'expired' then 0 when 'missing' then 1 else 2 end, best_expiry nulls first, member_id, requirement_id
      limit ${TRAINING_GAP_LIMIT}
    ) g on true
    left join memberships m on m.id = g.member_id
    left join users u on u.id = m.user_id
    order by case g.gap when 'expired' then 0 when 'missing' then 1 else 2 end, u.name, u.email, g.course`.execute(db);

  const totals = gaps.rows[0] ?? { total_missing: 0, total_expired: 0, total_expiring: 0 };
  const gapCount = totals.total_missing + totals.total_expired + totals.total_expiring;
  const listed = gaps.rows.filter((row) => row.member_id !== null);

  const policy = await approvedAiPolicyAt(db, orgId, asOf);
  const counts = await sql<{ total: number; acknowledged: number }>`
    select count(*)::int as total,
      (count(*) filter (where exists (
        select 1 from policy_acknowledgements pa
        where pa.org_id = ${orgId} and pa.member_id = m.id and pa.document_version_id = ${policy?.versionId ?? null}::uuid
          and pa.acknowledged_at <= ${asOf}
      )))::int as acknowledged
    from memberships m
    where m.org_id = ${orgId} and m.created_at <= ${asOf} and (m.archived_at is null or m.archived_at > ${asOf})`.execute(
    db,
  );
  const { total, acknowledged } = counts.rows[0] ?? { total: 0, acknowledged: 0 };

  const present = (row: GroupRow) => ({
    members: row.members,
    requirements: row.requirements,
    fullyCovered: row.covered,
    coveragePercent: row.members === 0 ? null : Math.round((row.covered / row.members) * 100),
  });
  return {
    asOf: asOf.toISOString(),
    byRole: groups.rows.filter((r) => r.kind === "role").map((r) => ({ role: r.applies_to as Role, ...present(r) })),
    byResponsibility: groups.rows
      .filter((r) => r.kind === "responsibility")
      .map((r) => ({ responsibility: r.applies_to as AimsProcess, ...present(r) })),
    gaps: listed.map((row) => ({
      member: { id: row.member_id, name: row.name, email: row.email },
      appliesToKind: row.kind,
      appliesTo: row.applies_to,
      requirementId: row.requirement_id,
      competence: row.competence,
      course: row.course,
      kind: row.gap,
      expiresOn: row.expires_on,
    })),
    gapCounts: { missing: totals.total_missing, expired: totals.total_expired, expiring: totals.total_expiring },
    gapsTruncated: gapCount > listed.length,
    policyAcknowledgement: {
      policy: policy ? { ...policy, approvedAt: policy.approvedAt.toISOString() } : null,
      acknowledged: policy ? acknowledged : 0,
      total,
    },
  };
}
