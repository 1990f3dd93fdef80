import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { refuseFinished } from "./review-handlers.js";
import { loadReviewDetail, lockReview } from "./review-queries.js";

/** Records (or replaces) the review's decision on one input, while the review is planned or in progress. */
export const putManagementReviewDecision: Handler<Routes["putManagementReviewDecision"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { reviewId, inputKey } = input.params;
  const row = await lockReview(tx, org.orgId, reviewId);
  refuseFinished(row, "its decisions no longer change");
  const existing = await tx
    .selectFrom("review_input_decisions")
    .select("decision")
    .where("review_id", "=", row.id)
    .where("input_key", "=", inputKey)
    .executeTakeFirst();
  const decision = input.body.decision;
  if (existing?.decision !== decision) {
    const now = new Date();
    await tx
      .insertInto("review_input_decisions")
      .values({
        review_id: row.id,
        org_id: org.orgId,
        input_key: inputKey,
        decision,
        decided_by_member_id: org.membershipId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["review_id", "input_key"]).doUpdateSet({
          decision,
          decided_by_member_id: org.membershipId,
          updated_at: now,
        }),
      )
      .execute();
    await audit({
      action: "management_review.decision_recorded",
      entityType: "management_review",
      entityId: row.id,
      changes: { [`decision.${inputKey}`]: { before: existing?.decision ?? null, after: decision } },
    });
  }
  return loadReviewDetail(tx, org.orgId, row.id);
};
