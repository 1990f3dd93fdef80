import { type SqlBool, sql } from "kysely";
import {
  systemImpactStateCondition,
  systemImpactStatusQuery,
} from "../../impact-assessments/system-impact-statuses.js";
import { asOwned, type DueRow, type DueScope, dueBy, dueRow, ownedBy } from "./due-scope.js";

/**
 * Risks their owner must look at again, one entry per risk on the earliest of: its review date, the
 * day its acceptance runs out, the day a change asked for a re-review.
 */
export async function dueRiskReviews(scope: DueScope): Promise<DueRow[]> {
  const due = sql<string>`least(r.review_date, case when r.status = 'accepted' then r.accepted_until end, (r.rereview_requested_at at time zone 'UTC')::date)`;
  const rows = await scope.db
    .selectFrom("risks as r")
    .select(["r.id as record_id", "r.ref", "r.title", "r.owner_member_id as member_id", due.as("due_date")])
    .where("r.org_id", "=", scope.orgId)
    .where(ownedBy("r.owner_member_id", scope))
    .where("r.archived_at", "is", null)
    .where("r.status", "<>", "closed")
    .where(sql<SqlBool>`${due} is not null`)
    .$if(scope.until !== null, (qb) => qb.where(sql<SqlBool>`${due} <= ${scope.until}`))
    .execute();
  return rows.map((row) => dueRow("risk_review", "risk", asOwned(row), `risks/${row.record_id}`));
}

/** AI systems in use whose review date has come, for their owner. */
export async function dueSystemReviews(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("ai_systems as s")
    .select([
      "s.id as record_id",
      "s.slug as ref",
      "s.name as title",
      "s.owner_member_id as member_id",
      "s.review_date as due_date",
    ])
    .where("s.org_id", "=", scope.orgId)
    .where(ownedBy("s.owner_member_id", scope))
    .where("s.archived_at", "is", null)
    .where("s.lifecycle_stage", "<>", "retired")
    .where("s.review_date", "is not", null)
    .where(dueBy("s.review_date", scope))
    .execute();
  return rows.map((row) => dueRow("system_review", "ai_system", asOwned(row), `inventory/systems/${row.record_id}`));
}

/** Approved documents whose next review date has come, for their owner. */
export async function dueDocumentReviews(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("documents as d")
    .select([
      "d.id as record_id",
      "d.ref",
      "d.title",
      "d.owner_member_id as member_id",
      "d.next_review_date as due_date",
    ])
    .where("d.org_id", "=", scope.orgId)
    .where(ownedBy("d.owner_member_id", scope))
    .where("d.archived_at", "is", null)
    .where("d.status", "=", "approved")
    .where("d.next_review_date", "is not", null)
    .where(dueBy("d.next_review_date", scope))
    .execute();
  return rows.map((row) => dueRow("document_review", "document", asOwned(row), `documents/${row.record_id}`));
}

/**
 * AI systems in use without a current approved impact assessment, for their owner: never assessed, a
 * draft to finish, or an approval a material change made stale. Revisions waiting for approval are
 * the approvers' work, not the owner's. Undated: the work is due now.
 */
export async function dueImpactAssessments(scope: DueScope): Promise<DueRow[]> {
  const rows = await systemImpactStatusQuery(scope.db, scope.orgId)
    .select(["ai_systems.owner_member_id"])
    .where(ownedBy("ai_systems.owner_member_id", scope))
    .where("ai_systems.lifecycle_stage", "<>", "retired")
    .where(systemImpactStateCondition("attention"))
    .where(sql<SqlBool>`(open.status is null or open.status <> 'submitted')`)
    .execute();
  return rows.map((row) => {
    const title =
      row.approved_id !== null
        ? `Re-assess ${row.name} after a material change`
        : row.open_id !== null
          ? `Finish the draft impact assessment of ${row.name}`
          : `Assess the impact of ${row.name}`;
    return dueRow(
      "impact_assessment",
      "ai_system",
      asOwned({
        record_id: row.id,
        ref: row.open_ref ?? row.approved_ref ?? null,
        title,
        member_id: row.owner_member_id,
        due_date: null,
      }),
      `impact-assessments/systems/${row.id}`,
    );
  });
}
