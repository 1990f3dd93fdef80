import type { ManagementReviewStatus, Routes } from "@openaims/contracts";
import { checkReviewTransition, todayUtc } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { loadReviewDetail, lockReview } from "./review-queries.js";

/**
 * Moves a review planned → in progress → closed, or to cancelled. Closing needs the compiled pack and a
 * decision on every input; a refusal names what is missing. Closing records the day held (today if
 * none was given) and the time it closed.
 */
export const transitionManagementReview: Handler<Routes["transitionManagementReview"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { to, version } = input.body;
  const row = await lockReview(tx, org.orgId, input.params.reviewId, version);
  const from = row.status as ManagementReviewStatus;
  const step = checkReviewTransition(from, to);
  if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  if (to === "closed") {
    const review = await loadReviewDetail(tx, org.orgId, row.id);
    if (!review.pack)
      throw new AppError("conflict", `Management review ${row.ref} cannot close before its input pack is compiled.`, {
        missingInputs: review.missingDecisions,
        packCompiled: false,
      });
    if (review.missingDecisions.length > 0)
      throw new AppError(
        "conflict",
        `Management review ${row.ref} cannot close without a decision on every input. Missing: ${review.missingDecisions.join(", ")}.`,
        { missingInputs: review.missingDecisions, packCompiled: true },
      );
  }
  const now = new Date();
  const heldOn = to === "closed" ? (row.held_on ?? todayUtc(now)) : row.held_on;
  await tx
    .updateTable("management_reviews")
    .set({
      status: to,
      held_on: heldOn,
      closed_at: to === "closed" ? now : row.closed_at,
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: `management_review.${to === "in_progress" ? "started" : to}`,
    entityType: "management_review",
    entityId: row.id,
    changes: {
      status: { before: from, after: to },
      ...(heldOn !== row.held_on ? { heldOn: { before: row.held_on, after: heldOn } } : {}),
    },
  });
  return loadReviewDetail(tx, org.orgId, row.id);
};
