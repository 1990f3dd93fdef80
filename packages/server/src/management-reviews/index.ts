import type { managementReviewRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { createReviewAction, updateReviewAction } from "./review-action-handlers.js";
import { putManagementReviewDecision } from "./review-decisions.js";
import {
  getManagementReview,
  listManagementReviews,
  scheduleManagementReview,
  updateManagementReview,
} from "./review-handlers.js";
import { getManagementReviewMinutesPdf } from "./review-minutes.js";
import { compileManagementReviewPack, getManagementReviewPackPdf, getReviewPack } from "./review-pack-handlers.js";
import { transitionManagementReview } from "./review-transitions.js";

export { compileReviewPack } from "./compile-review-pack.js";

/** Handlers of the management review routes. */
export const managementReviewHandlers: DomainHandlers<typeof managementReviewRoutes> = {
  getReviewPack,
  listManagementReviews,
  scheduleManagementReview,
  getManagementReview,
  updateManagementReview,
  transitionManagementReview,
  compileManagementReviewPack,
  putManagementReviewDecision,
  createReviewAction,
  updateReviewAction,
  getManagementReviewPackPdf,
  getManagementReviewMinutesPdf,
};
