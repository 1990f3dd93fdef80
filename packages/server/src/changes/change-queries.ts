import type { Change, ChangeDetail, ChangeKind, ChangeRiskImpact, ChangeStatus } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { notFound } from "../http/app-error.js";

export type ChangeRecord = Selectable<Database["system_changes"]>;

/** Changes of one organisation with the system's and the people's names beside them. */
export function changeQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("system_changes as c")
    .innerJoin("ai_systems as s", "s.id", "c.system_id")
    .leftJoin("memberships as requester", "requester.id", "c.requested_by_member_id")
    .leftJoin("users as requester_user", "requester_user.id", "requester.user_id")
    .leftJoin("memberships as decider", "decider.id", "c.decided_by_member_id")
    .leftJoin("users as decider_user", "decider_user.id", "decider.user_id")
    .selectAll("c")
    .select([
      "s.slug as system_slug",
      "s.name as system_name",
      "requester_user.name as requester_name",
      "decider_user.name as decider_name",
    ])
    .where("c.org_id", "=", orgId);
}

export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeQuery>["executeTakeFirstOrThrow"]>>;

export function presentChange(row: ChangeRow): Change {
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    kind: row.kind as ChangeKind,
    summary: row.summary,
    description: row.description,
    riskImpact: row.risk_impact as ChangeRiskImpact,
    riskImpactNote: row.risk_impact_note,
    material: row.material,
    suggestedMaterial: row.suggested_material,
    status: row.status as ChangeStatus,
    requestedBy: row.requested_by_member_id
      ? { memberId: row.requested_by_member_id, name: row.requester_name ?? "" }
      : null,
    decidedBy: row.decided_by_member_id ? { memberId: row.decided_by_member_id, name: row.decider_name ?? "" } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The change's own row, locked until the transaction ends; 404 when it is not in this organisation. */
export async function lockChange(tx: Kysely<Database>, orgId: string, changeId: string): Promise<ChangeRecord> {
  const row = await tx
    .selectFrom("system_changes")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", changeId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Change", changeId);
  return row;
}

/**
 * A change with what it sent back for review: the risks it flagged (and whether each still awaits
 * a review) and the impact assessment it made stale (and whether it still is — a newer approval
 * taken after the change answers it).
 */
export async function loadChangeDetail(db: Kysely<Database>, orgId: string, changeId: string): Promise<ChangeDetail> {
  const row = await changeQuery(db, orgId).where("c.id", "=", changeId).executeTakeFirst();
  if (!row) throw notFound("Change", changeId);
  const riskIds = row.rereview_risk_ids;
  const risks =
    riskIds.length === 0
      ? []
      : await db
          .selectFrom("risks")
          .select(["id", "ref", "title", "rereview_requested_at", "reviewed_at"])
          .where("org_id", "=", orgId)
          .where("id", "in", riskIds)
          .orderBy("created_at")
          .orderBy("id")
          .execute();
  let impactAssessment: ChangeDetail["sentForReview"]["impactAssessment"] = null;
  if (row.stale_assessment_id) {
    const stale = await db
      .selectFrom("impact_assessments")
      .select(["id", "ref"])
      .where("org_id", "=", orgId)
      .where("id", "=", row.stale_assessment_id)
      .executeTakeFirst();
    const newer = await db
      .selectFrom("impact_assessments")
      .select("id")
      .where("org_id", "=", orgId)
      .where("system_id", "=", row.system_id)
      .where("status", "=", "approved")
      .where("approved_at", ">=", row.created_at)
      .executeTakeFirst();
    if (stale) impactAssessment = { id: stale.id, ref: stale.ref, stillStale: !newer };
  }
  return {
    ...presentChange(row),
    sentForReview: {
      risks: risks.map((risk) => ({
        id: risk.id,
        ref: risk.ref,
        title: risk.title,
        // Reviewed after the change was recorded answers it, whatever asked for a review since.
        awaitingReview:
          risk.rereview_requested_at !== null && (risk.reviewed_at === null || risk.reviewed_at < row.created_at),
      })),
      impactAssessment,
    },
  };
}
