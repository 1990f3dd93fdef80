import { randomUUID } from "node:crypto";
import type { ManagementReviewStatus, Routes } from "@openaims/contracts";
import { diffChanges, reviewIsOpen } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { nextRef } from "../records/next-ref.js";
import { invalidBody } from "../risks/field-errors.js";
import { checkMember } from "../risks/risk-references.js";
import { loadReviewDetail, lockReview, presentReview, reviewQuery } from "./review-queries.js";

/** A 400 naming `field` when the member cannot chair or own something. */
export async function checkMemberField(
  db: Kysely<Database>,
  orgId: string,
  field: string,
  memberId: string | null | undefined,
) {
  if (!memberId) return;
  const problem = await checkMember(db, orgId, memberId);
  if (problem) throw invalidBody([{ field, message: problem }]);
}

/** A 409 when a closed or cancelled review is asked to change; `what` says what no longer changes. */
export function refuseFinished(row: { ref: string; status: string }, what: string): void {
  if (reviewIsOpen(row.status as ManagementReviewStatus)) return;
  throw new AppError(
    "illegal_transition",
    `Management review ${row.ref} is ${row.status === "closed" ? "closed" : "cancelled"}: ${what}. Schedule a new review instead.`,
    { allowed: [] },
  );
}

/** Management reviews, the latest scheduled first. */
export const listManagementReviews: Handler<Routes["listManagementReviews"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status } = input.query;
  const sort = keysetSort("-scheduledFor", { scheduledFor: "r.scheduled_for" }, "r.id");
  const cursor = parseCursor(rawCursor);
  let query = reviewQuery(tx, org.orgId);
  if (status) query = query.where("r.status", "=", status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("r.scheduled_for", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.scheduled_for), id: row.id }), presentReview);
};

export const getManagementReview: Handler<Routes["getManagementReview"]> = async ({ tx, org, input }) =>
  loadReviewDetail(tx, org.orgId, input.params.reviewId);

/** Schedules a review (MR-n, planned) with its chair and attendees. */
export const scheduleManagementReview: Handler<Routes["scheduleManagementReview"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const body = input.body;
  await checkMemberField(tx, org.orgId, "chairMemberId", body.chairMemberId);
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "management_review", "MR");
  await tx
    .insertInto("management_reviews")
    .values({
      id,
      org_id: org.orgId,
      ref,
      title: body.title,
      scheduled_for: body.scheduledFor,
      status: "planned",
      chair_member_id: body.chairMemberId,
      attendees: JSON.stringify(body.attendees),
      pack: null,
      pack_as_of: null,
      pack_compiled_at: null,
      minutes: "",
      held_on: null,
      closed_at: null,
      created_by_member_id: org.membershipId,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  await audit({
    action: "management_review.scheduled",
    entityType: "management_review",
    entityId: id,
    changes: diffChanges(null, { ref, ...body, status: "planned" }),
  });
  return loadReviewDetail(tx, org.orgId, id);
};

/** Changes a review's details or minutes while it is planned or in progress. */
export const updateManagementReview: Handler<Routes["updateManagementReview"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const row = await lockReview(tx, org.orgId, input.params.reviewId, version);
  refuseFinished(row, "its details and minutes no longer change");
  if (fields.chairMemberId !== undefined && fields.chairMemberId !== row.chair_member_id)
    await checkMemberField(tx, org.orgId, "chairMemberId", fields.chairMemberId);
  const before = {
    title: row.title,
    scheduledFor: row.scheduled_for,
    chairMemberId: row.chair_member_id,
    attendees: row.attendees,
    minutes: row.minutes,
    heldOn: row.held_on,
  };
  const after = {
    title: fields.title ?? before.title,
    scheduledFor: fields.scheduledFor ?? before.scheduledFor,
    chairMemberId: fields.chairMemberId === undefined ? before.chairMemberId : fields.chairMemberId,
    attendees: fields.attendees ?? before.attendees,
    minutes: fields.minutes ?? before.minutes,
    heldOn: fields.heldOn === undefined ? before.heldOn : fields.heldOn,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("management_reviews")
      .set({
        title: after.title,
        scheduled_for: after.scheduledFor,
        chair_member_id: after.chairMemberId,
        attendees: JSON.stringify(after.attendees),
        minutes: after.minutes,
        held_on: after.heldOn,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "management_review.updated", entityType: "management_review", entityId: row.id, changes });
  }
  return loadReviewDetail(tx, org.orgId, row.id);
};
