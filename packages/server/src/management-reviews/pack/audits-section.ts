import {
  type AuditResultCounts,
  type AuditsSection,
  auditResults,
  type InternalAuditStatus,
  PACK_LIST_LIMIT,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, memberRef, type PackPeriod, sectionHeader } from "./pack-period.js";

function emptyResults(): AuditResultCounts {
  return {
    byResult: Object.fromEntries(auditResults.map((result) => [result, 0])) as AuditResultCounts["byResult"],
    unanswered: 0,
  };
}

/**
 * 9.3.2 d: audit results. Internal audits closed in the period or under way at asOf (started by then
 * and not yet closed), newest first, each with its checklist answered by asOf counted by result and
 * the nonconformities raised from it. Audit status is kept as it is now with the times it started and
 * closed, so closed/not closed is exact at asOf; an audit closed after asOf shows as reporting.
 */
export async function auditsSection(db: Kysely<Database>, period: PackPeriod): Promise<AuditsSection> {
  const { orgId, asOf, since } = period;
  const closedByAsOf = sql<boolean>`(a.closed_at is not null and a.closed_at <= ${asOf})`;
  const closedInPeriod = since ? sql<boolean>`(${closedByAsOf} and a.closed_at > ${since})` : closedByAsOf;
  const underWay = sql<boolean>`(a.started_at is not null and a.started_at <= ${asOf} and not ${closedByAsOf})`;
  const answered = sql<boolean>`(i.result is not null and i.answered_at <= ${asOf})`;
  const rows = await db
    .selectFrom("internal_audits as a")
    .leftJoin("memberships as m", "m.id", "a.lead_auditor_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .leftJoin("audit_checklist_items as i", (join) => join.onRef("i.audit_id", "=", "a.id").on("i.org_id", "=", orgId))
    .leftJoin("nonconformities as nc", (join) =>
      join.onRef("nc.id", "=", "i.nonconformity_id").on("nc.created_at", "<=", asOf),
    )
    .select([
      "a.id",
      "a.ref",
      "a.title",
      "a.status",
      "a.planned_start",
      "a.planned_end",
      "a.lead_auditor_member_id",
      "u.name as lead_name",
      "a.closed_at",
      "a.conclusion",
      "a.started_at",
      sql<number>`(count(i.id) filter (where not ${answered}))::int`.as("unanswered"),
      sql<number>`(count(nc.id))::int`.as("raised"),
      ...auditResults.map((result) =>
        sql<number>`(count(i.id) filter (where ${answered} and i.result = ${result}))::int`.as(`r_${result}`),
      ),
    ])
    .where("a.org_id", "=", orgId)
    .where("a.archived_at", "is", null)
    .where("a.status", "<>", "cancelled")
    .where("a.created_at", "<=", asOf)
    .where(sql<boolean>`(${closedInPeriod} or ${underWay})`)
    .groupBy(["a.id", "u.name"])
    .orderBy(sql`coalesce(a.closed_at, a.started_at)`, "desc")
    .orderBy("a.id")
    .execute();
  const totals = emptyResults();
  let raisedTotal = 0;
  const audits = rows.map((row) => {
    const record = row as unknown as Record<string, number>;
    const results = emptyResults();
    for (const result of auditResults) {
      results.byResult[result] = record[`r_${result}`] ?? 0;
      totals.byResult[result] += results.byResult[result];
    }
    results.unanswered = row.unanswered;
    totals.unanswered += row.unanswered;
    raisedTotal += row.raised;
    const closed = row.closed_at !== null && row.closed_at <= asOf;
    const status = (closed ? "closed" : row.status === "closed" ? "reporting" : row.status) as InternalAuditStatus;
    return {
      id: row.id,
      ref: row.ref,
      title: row.title,
      status,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      leadAuditor: memberRef(row.lead_auditor_member_id, row.lead_name),
      closedAt: closed ? (row.closed_at?.toISOString() ?? null) : null,
      conclusion: closed ? row.conclusion : "",
      results,
      nonconformitiesRaised: row.raised,
    };
  });
  return {
    ...sectionHeader("audits", period),
    audits: bounded(audits, audits.length, PACK_LIST_LIMIT),
    results: totals,
    nonconformitiesRaised: raisedTotal,
  };
}
