import {
  type ImprovementSource,
  type ImprovementStatus,
  type ImprovementsSection,
  improvementStatuses,
  PACK_LIST_LIMIT,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, inPeriod, memberRef, type PackPeriod, sectionHeader } from "./pack-period.js";

/**
 * 9.3.2 e: opportunities for continual improvement: entries of the improvement log still proposed or
 * planned, or raised in the period (open ones first), and checklist items answered "opportunity for
 * improvement" in the period. An improvement's status is the current one (the log keeps no history).
 */
export async function improvementsSection(db: Kysely<Database>, period: PackPeriod): Promise<ImprovementsSection> {
  const { orgId, asOf } = period;
  const improvements = db
    .selectFrom("improvements as i")
    .where("i.org_id", "=", orgId)
    .where("i.created_at", "<=", asOf)
    .where((eb) => eb.or([eb("i.archived_at", "is", null), eb("i.archived_at", ">", asOf)]))
    .where(sql<boolean>`(i.status in ('proposed', 'planned') or ${inPeriod(period, "i.created_at")})`);
  const opportunities = db
    .selectFrom("audit_checklist_items as c")
    .where("c.org_id", "=", orgId)
    .where("c.result", "=", "opportunity")
    .where(inPeriod(period, "c.answered_at"));
  const [groups, rows, opportunityCount, opportunityRows] = await Promise.all([
    improvements
      .select(["i.status as key", sql<number>`count(*)::int`.as("count")])
      .groupBy("i.status")
      .execute(),
    improvements
      .leftJoin("memberships as m", "m.id", "i.owner_member_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .select([
        "i.id",
        "i.ref",
        "i.title",
        "i.source",
        "i.status",
        "i.owner_member_id",
        "u.name as owner_name",
        "i.created_at",
      ])
      .orderBy(sql`i.status in ('proposed', 'planned')`, "desc")
      .orderBy("i.created_at", "desc")
      .orderBy("i.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
    opportunities.select(sql<number>`count(*)::int`.as("count")).executeTakeFirstOrThrow(),
    opportunities
      .innerJoin("internal_audits as a", "a.id", "c.audit_id")
      .leftJoin("improvements as imp", "imp.id", "c.improvement_id")
      .select([
        "c.id",
        "c.requirement_id",
        "c.title",
        "c.notes",
        "c.answered_at",
        "a.id as audit_id",
        "a.ref as audit_ref",
        "a.title as audit_title",
        "imp.ref as improvement_ref",
      ])
      .orderBy("c.answered_at", "desc")
      .orderBy("c.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
  ]);
  const byStatus = countsOf(improvementStatuses, groups);
  return {
    ...sectionHeader("improvements", period),
    byStatus,
    improvements: bounded(
      rows.map((row) => ({
        id: row.id,
        ref: row.ref,
        title: row.title,
        source: row.source as ImprovementSource,
        status: row.status as ImprovementStatus,
        owner: memberRef(row.owner_member_id, row.owner_name),
        raisedAt: row.created_at.toISOString(),
      })),
      Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      PACK_LIST_LIMIT,
    ),
    auditOpportunities: bounded(
      opportunityRows.map((row) => ({
        itemId: row.id,
        audit: { id: row.audit_id, ref: row.audit_ref, title: row.audit_title },
        requirementId: row.requirement_id,
        title: row.title,
        notes: row.notes,
        answeredAt: row.answered_at?.toISOString() ?? null,
        improvementRef: row.improvement_ref,
      })),
      opportunityCount.count,
      PACK_LIST_LIMIT,
    ),
  };
}
