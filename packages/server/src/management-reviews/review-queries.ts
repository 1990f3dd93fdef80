import {
  type ManagementReview,
  type ManagementReviewDetail,
  type ManagementReviewStatus,
  managementReviewSteps,
  type ReviewAction,
  type ReviewActionStatus,
  type ReviewDecision,
  type ReviewInputKey,
  type ReviewPack,
  reviewInputKeys,
} from "@openaims/contracts";
import { closeBlockers, missingDecisions, reviewActionOverdue, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";

export function reviewQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("management_reviews as r")
    .leftJoin("memberships as m", "m.id", "r.chair_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("r")
    .select("u.name as chair_name")
    .select((eb) =>
      eb
        .selectFrom("review_input_decisions as d")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("d.review_id", "=", "r.id")
        .as("decision_count"),
    )
    .where("r.org_id", "=", orgId)
    .where("r.archived_at", "is", null);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>["executeTakeFirstOrThrow"]>>;

export function presentReview(row: ReviewRow): ManagementReview {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    scheduledFor: row.scheduled_for,
    status: row.status as ManagementReviewStatus,
    chair: row.chair_member_id && row.chair_name ? { memberId: row.chair_member_id, name: row.chair_name } : null,
    attendees: row.attendees,
    heldOn: row.held_on,
    closedAt: row.closed_at?.toISOString() ?? null,
    packAsOf: row.pack_as_of?.toISOString() ?? null,
    packCompiledAt: row.pack_compiled_at?.toISOString() ?? null,
    decisions: Number(row.decision_count ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function reviewActionQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("review_actions as a")
    .innerJoin("management_reviews as r", "r.id", "a.review_id")
    .leftJoin("memberships as m", "m.id", "a.owner_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("a")
    .select(["r.ref as review_ref", "u.name as owner_name"])
    .where("a.org_id", "=", orgId)
    .where("a.archived_at", "is", null);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof reviewActionQuery>["executeTakeFirstOrThrow"]>>;

export function presentReviewAction(row: ActionRow, today = todayUtc()): ReviewAction {
  const status = row.status as ReviewActionStatus;
  return {
    id: row.id,
    ref: row.ref,
    review: { id: row.review_id, ref: row.review_ref },
    inputKey: row.input_key as ReviewInputKey | null,
    title: row.title,
    description: row.description,
    owner: row.owner_member_id && row.owner_name ? { memberId: row.owner_member_id, name: row.owner_name } : null,
    dueDate: row.due_date,
    status,
    doneAt: row.done_at?.toISOString() ?? null,
    overdue: reviewActionOverdue(status, row.due_date, today),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * A frozen pack as it was compiled (not re-read through today's schema), its sections put back in the
 * order of the inputs: jsonb keeps object keys in an order of its own.
 */
function inInputOrder(stored: Record<string, unknown>): ReviewPack {
  return Object.fromEntries(reviewInputKeys.map((key) => [key, stored[key]])) as unknown as ReviewPack;
}

/** A review with everything its page shows; another organisation's answers 404. */
export async function loadReviewDetail(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<ManagementReviewDetail> {
  const row = await reviewQuery(db, orgId).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Management review", id);
  const [decisionRows, actionRows] = await Promise.all([
    db
      .selectFrom("review_input_decisions as d")
      .leftJoin("memberships as m", "m.id", "d.decided_by_member_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .select(["d.input_key", "d.decision", "d.decided_by_member_id", "u.name as decided_by_name", "d.updated_at"])
      .where("d.org_id", "=", orgId)
      .where("d.review_id", "=", id)
      .execute(),
    reviewActionQuery(db, orgId).where("a.review_id", "=", id).orderBy("a.created_at").orderBy("a.id").execute(),
  ]);
  const order = (key: string) => reviewInputKeys.indexOf(key as ReviewInputKey);
  const decisions: ReviewDecision[] = decisionRows
    .sort((a, b) => order(a.input_key) - order(b.input_key))
    .map((d) => ({
      inputKey: d.input_key as ReviewInputKey,
      decision: d.decision,
      decidedBy:
        d.decided_by_member_id && d.decided_by_name
          ? { memberId: d.decided_by_member_id, name: d.decided_by_name }
          : null,
      updatedAt: d.updated_at.toISOString(),
    }));
  const missing = missingDecisions(decisions.map((d) => d.inputKey));
  const status = row.status as ManagementReviewStatus;
  const pack = row.pack ? inInputOrder(row.pack) : null;
  const today = todayUtc();
  return {
    ...presentReview(row),
    minutes: row.minutes,
    decisionsByInput: decisions,
    missingDecisions: missing,
    actions: actionRows.map((action) => presentReviewAction(action, today)),
    pack,
    allowedTransitions: [...managementReviewSteps[status]],
    closeBlockers: closeBlockers({ status, hasPack: pack !== null, missing }),
  };
}

/** Locks a review for a change; 404 in another organisation, 409 when the sent version is stale. */
export async function lockReview(db: Kysely<Database>, orgId: string, id: string, version?: number) {
  const row = await db
    .selectFrom("management_reviews")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("archived_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Management review", id);
  if (version !== undefined && row.version !== version) throw staleVersion("management review", row.version, version);
  return row;
}
