import { randomUUID } from "node:crypto";
import type { ReviewActionStatus, Routes } from "@openaims/contracts";
import { checkReviewActionTransition, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { nextRef } from "../records/next-ref.js";
import { checkMemberField, refuseFinished } from "./review-handlers.js";
import { lockReview, presentReviewAction, reviewActionQuery } from "./review-queries.js";

async function loadAction(db: Kysely<Database>, orgId: string, id: string) {
  return presentReviewAction(await reviewActionQuery(db, orgId).where("a.id", "=", id).executeTakeFirstOrThrow());
}

/** Records an action the review decided (RA-n, open), while the review is planned or in progress. */
export const createReviewAction: Handler<Routes["createReviewAction"]> = async ({ tx, org, input, audit }) => {
  const review = await lockReview(tx, org.orgId, input.params.reviewId);
  refuseFinished(review, "no new actions can be added (its existing actions can still be updated)");
  const body = input.body;
  await checkMemberField(tx, org.orgId, "ownerMemberId", body.ownerMemberId);
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "review_action", "RA");
  await tx
    .insertInto("review_actions")
    .values({
      id,
      org_id: org.orgId,
      ref,
      review_id: review.id,
      input_key: body.inputKey,
      title: body.title,
      description: body.description,
      owner_member_id: body.ownerMemberId,
      due_date: body.dueDate,
      status: "open",
      done_at: null,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  await audit({
    action: "review_action.created",
    entityType: "review_action",
    entityId: id,
    changes: diffChanges(null, { ref, reviewId: review.id, ...body, status: "open" }),
  });
  return loadAction(tx, org.orgId, id);
};

/**
 * Changes a review action. Its status moves open → in progress → done, or to cancelled; this stays
 * possible after the review closed, because the next review's pack tracks how its actions went.
 */
export const updateReviewAction: Handler<Routes["updateReviewAction"]> = async ({ tx, org, input, audit }) => {
  const { reviewId, reviewActionId } = input.params;
  const body = input.body;
  const review = await lockReview(tx, org.orgId, reviewId);
  const action = await tx
    .selectFrom("review_actions")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("review_id", "=", review.id)
    .where("id", "=", reviewActionId)
    .where("archived_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!action) throw notFound("Review action", reviewActionId);
  if (action.version !== body.version) throw staleVersion("review action", action.version, body.version);
  const from = action.status as ReviewActionStatus;
  if (body.status !== undefined) {
    const step = checkReviewActionTransition(from, body.status);
    if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  }
  if (body.ownerMemberId !== undefined && body.ownerMemberId !== action.owner_member_id)
    await checkMemberField(tx, org.orgId, "ownerMemberId", body.ownerMemberId);
  const before = {
    title: action.title,
    description: action.description,
    inputKey: action.input_key,
    ownerMemberId: action.owner_member_id,
    dueDate: action.due_date,
    status: action.status,
  };
  const after = {
    title: body.title ?? before.title,
    description: body.description ?? before.description,
    inputKey: body.inputKey === undefined ? before.inputKey : body.inputKey,
    ownerMemberId: body.ownerMemberId === undefined ? before.ownerMemberId : body.ownerMemberId,
    dueDate: body.dueDate === undefined ? before.dueDate : body.dueDate,
    status: body.status ?? before.status,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    const now = new Date();
    await tx
      .updateTable("review_actions")
      .set({
        title: after.title,
        description: after.description,
        input_key: after.inputKey,
        owner_member_id: after.ownerMemberId,
        due_date: after.dueDate,
        status: after.status,
        done_at: after.status === "done" && from !== "done" ? now : action.done_at,
        version: action.version + 1,
        updated_at: now,
      })
      .where("id", "=", action.id)
      .execute();
    await audit({ action: "review_action.updated", entityType: "review_action", entityId: action.id, changes });
  }
  return loadAction(tx, org.orgId, action.id);
};
