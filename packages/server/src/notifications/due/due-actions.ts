import { sql } from "kysely";
import { asOwned, type DueRow, type DueScope, dueBy, dueRow, ownedBy } from "./due-scope.js";

const openStatuses = ["open", "in_progress"];

/** Corrective actions of nonconformities still open, by their owner. */
export async function dueCorrectiveActions(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("corrective_actions as a")
    .innerJoin("nonconformities as n", "n.id", "a.nonconformity_id")
    .select(["a.id as record_id", "n.ref", "a.title", "a.owner_member_id as member_id", "a.due_date", "n.id as nc_id"])
    .where("a.org_id", "=", scope.orgId)
    .where(ownedBy("a.owner_member_id", scope))
    .where("a.status", "in", openStatuses)
    .where("n.status", "<>", "closed")
    .where("n.archived_at", "is", null)
    .where(dueBy("a.due_date", scope))
    .execute();
  return rows.map((row) =>
    dueRow("corrective_action", "corrective_action", asOwned(row), `nonconformities/${row.nc_id}`),
  );
}

/** Treatment actions of live risks, by their owner. */
export async function dueTreatmentActions(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("risk_treatment_actions as a")
    .innerJoin("risks as r", "r.id", "a.risk_id")
    .select([
      "a.id as record_id",
      "r.ref",
      "a.title",
      "a.owner_member_id as member_id",
      "a.due_date",
      "r.id as risk_id",
    ])
    .where("a.org_id", "=", scope.orgId)
    .where(ownedBy("a.owner_member_id", scope))
    .where("a.status", "in", openStatuses)
    .where("a.archived_at", "is", null)
    .where("r.archived_at", "is", null)
    .where(dueBy("a.due_date", scope))
    .execute();
  return rows.map((row) => dueRow("treatment_action", "risk_treatment_action", asOwned(row), `risks/${row.risk_id}`));
}

/** Actions decided in management reviews (9.3.3), by their owner. */
export async function dueReviewActions(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("review_actions as a")
    .select(["a.id as record_id", "a.ref", "a.title", "a.owner_member_id as member_id", "a.due_date", "a.review_id"])
    .where("a.org_id", "=", scope.orgId)
    .where(ownedBy("a.owner_member_id", scope))
    .where("a.status", "in", openStatuses)
    .where("a.archived_at", "is", null)
    .where(dueBy("a.due_date", scope))
    .execute();
  return rows.map((row) => dueRow("review_action", "review_action", asOwned(row), `reviews/${row.review_id}`));
}

/** Active objectives, by their owner, due on their due date. */
export async function dueObjectives(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("objectives as o")
    .select(["o.id as record_id", "o.ref", "o.title", "o.owner_member_id as member_id", "o.due_date"])
    .where("o.org_id", "=", scope.orgId)
    .where(ownedBy("o.owner_member_id", scope))
    .where("o.status", "=", "active")
    .where("o.archived_at", "is", null)
    .where(dueBy("o.due_date", scope))
    .execute();
  return rows.map((row) => dueRow("objective", "objective", asOwned(row), `objectives/${row.record_id}`));
}

/** Management reviews planned or under way, for their chair, due on the scheduled day. */
export async function dueManagementReviews(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("management_reviews as m")
    .select(["m.id as record_id", "m.ref", "m.title", "m.chair_member_id as member_id", "m.scheduled_for as due_date"])
    .where("m.org_id", "=", scope.orgId)
    .where(ownedBy("m.chair_member_id", scope))
    .where("m.status", "in", ["planned", "in_progress"])
    .where("m.archived_at", "is", null)
    .where(dueBy("m.scheduled_for", scope))
    .execute();
  return rows.map((row) => dueRow("management_review", "management_review", asOwned(row), `reviews/${row.record_id}`));
}

/**
 * Unanswered checklist items of planned and running audits, one entry per audit and assignee (an
 * auditor with forty items gets one reminder, not forty), due on the audit's planned end.
 */
export async function dueAuditItems(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("audit_checklist_items as i")
    .innerJoin("internal_audits as a", "a.id", "i.audit_id")
    .select([
      "a.id as record_id",
      "a.ref",
      "a.title",
      "i.assignee_member_id as member_id",
      "a.planned_end as due_date",
      sql<number>`count(*)`.as("items"),
    ])
    .where("i.org_id", "=", scope.orgId)
    .where(ownedBy("i.assignee_member_id", scope))
    .where("i.result", "is", null)
    .where("a.status", "in", ["planned", "in_progress"])
    .where("a.archived_at", "is", null)
    .where(dueBy("a.planned_end", scope))
    .groupBy(["a.id", "a.ref", "a.title", "i.assignee_member_id", "a.planned_end"])
    .execute();
  return rows.map((row) => {
    const items = Number(row.items);
    const title = `${items} checklist ${items === 1 ? "item" : "items"} to answer: ${row.title}`;
    return dueRow("audit_item", "internal_audit", asOwned({ ...row, title }), `audits/${row.record_id}`);
  });
}
