import {
  PACK_LIST_LIMIT,
  type PreviousActionsSection,
  type ReviewActionStatus,
  type ReviewInputKey,
  reviewActionStatuses,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, memberRef, type PackPeriod, sectionHeader } from "./pack-period.js";

/**
 * 9.3.2 a: the actions of earlier reviews that were still open at the start of the period or
 * finished within it, with owner, due date and whether they are overdue at asOf. An action's status
 * is the one it has now (only the time it was done is kept), so an action finished after asOf shows
 * as done.
 */
export async function previousActionsSection(
  db: Kysely<Database>,
  period: PackPeriod,
): Promise<PreviousActionsSection> {
  const { orgId, asOf, since, day } = period;
  let base = db
    .selectFrom("review_actions as a")
    .where("a.org_id", "=", orgId)
    .where("a.archived_at", "is", null)
    .where("a.created_at", "<=", asOf);
  if (period.reviewId) base = base.where("a.review_id", "<>", period.reviewId);
  if (since)
    base = base.where(
      sql<boolean>`(a.status in ('open', 'in_progress') or (a.status = 'done' and a.done_at > ${since})
        or (a.status = 'cancelled' and a.updated_at > ${since}))`,
    );
  const overdue = sql<boolean>`(a.status in ('open', 'in_progress') and a.due_date < ${day})`;
  const [counts, rows] = await Promise.all([
    base
      .select(["a.status as key", sql<number>`count(*)::int`.as("count")])
      .select(sql<number>`(count(*) filter (where ${overdue}))::int`.as("overdue"))
      .groupBy("a.status")
      .execute(),
    base
      .innerJoin("management_reviews as r", "r.id", "a.review_id")
      .leftJoin("memberships as m", "m.id", "a.owner_member_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .select([
        "a.id",
        "a.ref",
        "a.title",
        "a.review_id",
        "r.ref as review_ref",
        "a.input_key",
        "a.owner_member_id",
        "u.name as owner_name",
        "a.due_date",
        "a.status",
        "a.done_at",
      ])
      .select(overdue.as("overdue"))
      .orderBy(overdue, "desc")
      .orderBy(sql`a.status in ('open', 'in_progress')`, "desc")
      .orderBy(sql`a.due_date asc nulls last`)
      .orderBy("a.created_at")
      .orderBy("a.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
  ]);
  const byStatus = countsOf(reviewActionStatuses, counts);
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const previous = period.previousReview;
  return {
    ...sectionHeader("previousActions", period),
    previousReview: previous
      ? {
          id: previous.id,
          ref: previous.ref,
          title: previous.title,
          heldOn: previous.heldOn,
          closedAt: previous.closedAt.toISOString(),
        }
      : null,
    byStatus,
    overdue: counts.reduce((sum, row) => sum + Number(row.overdue), 0),
    actions: bounded(
      rows.map((row) => ({
        id: row.id,
        ref: row.ref,
        title: row.title,
        review: { id: row.review_id, ref: row.review_ref },
        inputKey: row.input_key as ReviewInputKey | null,
        owner: memberRef(row.owner_member_id, row.owner_name),
        dueDate: row.due_date,
        status: row.status as ReviewActionStatus,
        doneAt: row.done_at?.toISOString() ?? null,
        overdue: Boolean(row.overdue),
      })),
      total,
      PACK_LIST_LIMIT,
    ),
  };
}
