import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { minutesPdf } from "./review-documents.js";
import { loadReviewDetail } from "./review-queries.js";

/** The minutes of a review as a PDF, at any stage: a draft before it closes, the record after. */
export const getManagementReviewMinutesPdf: Handler<Routes["getManagementReviewMinutesPdf"]> = async ({
  tx,
  org,
  input,
}) => minutesPdf(tx, org.orgId, await loadReviewDetail(tx, org.orgId, input.params.reviewId));
