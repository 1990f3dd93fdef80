import { z } from "zod";

/**
 * Where a management review stands: planned, under way (the meeting and its preparation), closed with
 * a decision on every input, or cancelled.
 */
export const managementReviewStatuses = ["planned", "in_progress", "closed", "cancelled"] as const;
export const managementReviewStatusSchema = z.enum(managementReviewStatuses);
export type ManagementReviewStatus = z.infer<typeof managementReviewStatusSchema>;

/** The steps a review may take; closed and cancelled are final (a further review is a new one). */
export const managementReviewSteps: Readonly<Record<ManagementReviewStatus, readonly ManagementReviewStatus[]>> = {
  planned: ["in_progress", "cancelled"],
  in_progress: ["closed", "cancelled"],
  closed: [],
  cancelled: [],
};

/** A review action (9.3.3) moves open → in progress → done, or is cancelled before it is done. */
export const reviewActionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const reviewActionStatusSchema = z.enum(reviewActionStatuses);
export type ReviewActionStatus = z.infer<typeof reviewActionStatusSchema>;

/** The steps a review action may take; done and cancelled are final, a further action is a new one. */
export const reviewActionSteps: Readonly<Record<ReviewActionStatus, readonly ReviewActionStatus[]>> = {
  open: ["in_progress", "done", "cancelled"],
  in_progress: ["open", "done", "cancelled"],
  done: [],
  cancelled: [],
};
