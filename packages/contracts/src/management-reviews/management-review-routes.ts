import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { reviewInputKeySchema } from "./review-inputs.js";
import { reviewPackSchema } from "./review-pack-schemas.js";
import {
  compileReviewPackRequestSchema,
  createReviewActionRequestSchema,
  managementReviewDetailSchema,
  managementReviewListQuerySchema,
  managementReviewSchema,
  putReviewDecisionRequestSchema,
  reviewActionSchema,
  reviewPackQuerySchema,
  scheduleManagementReviewRequestSchema,
  transitionManagementReviewRequestSchema,
  updateManagementReviewRequestSchema,
  updateReviewActionRequestSchema,
} from "./review-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const reviewParams = z.object({ orgId: idSchema, reviewId: idSchema });
const decisionParams = z.object({ orgId: idSchema, reviewId: idSchema, inputKey: reviewInputKeySchema });
const actionParams = z.object({ orgId: idSchema, reviewId: idSchema, reviewActionId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "management reviews";
const base = "/api/v1/orgs/:orgId/management-reviews";

/** A route that changes a review and answers with the whole review. */
function reviewChange<B extends z.ZodType>(suffix: string, summary: string, body: B, status?: number) {
  return defineRoute({
    method: "POST",
    path: `${base}/:reviewId/${suffix}`,
    summary,
    tag,
    access: write,
    write: true,
    params: reviewParams,
    body,
    response: managementReviewDetailSchema,
    ...(status ? { status } : {}),
  });
}

/** Routes of the management review (clause 9.3): the input pack, reviews, decisions and actions. */
export const managementReviewRoutes = {
  getReviewPack: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/review-pack",
    summary:
      "Compile the management review input pack from the records as of a date (default now), without a scheduled review: JSON with one key per 9.3.2 input, or a PDF with ?format=pdf",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: reviewPackQuerySchema,
    response: reviewPackSchema,
  }),
  listManagementReviews: defineRoute({
    method: "GET",
    path: base,
    summary: "List management reviews, the next scheduled first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(managementReviewListQuerySchema.shape),
    response: pageSchema(managementReviewSchema),
  }),
  scheduleManagementReview: defineRoute({
    method: "POST",
    path: base,
    summary: "Schedule a management review with its chair and attendees",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: scheduleManagementReviewRequestSchema,
    response: managementReviewDetailSchema,
    status: 201,
  }),
  getManagementReview: defineRoute({
    method: "GET",
    path: `${base}/:reviewId`,
    summary: "Read a management review with its frozen pack, decisions, actions and minutes",
    tag,
    access: read,
    write: false,
    params: reviewParams,
    response: managementReviewDetailSchema,
  }),
  updateManagementReview: defineRoute({
    method: "PATCH",
    path: `${base}/:reviewId`,
    summary: "Change a review's title, date, chair, attendees, day held or minutes (not once closed or cancelled)",
    tag,
    access: write,
    write: true,
    params: reviewParams,
    body: updateManagementReviewRequestSchema,
    response: managementReviewDetailSchema,
  }),
  transitionManagementReview: reviewChange(
    "transitions",
    "Start, close or cancel a review; closing needs a compiled pack and a decision on every input",
    transitionManagementReviewRequestSchema,
  ),
  compileManagementReviewPack: reviewChange(
    "pack",
    "Compile the input pack as of a date (default now) and keep it on the review, replacing an earlier one; while planned or in progress",
    compileReviewPackRequestSchema,
  ),
  putManagementReviewDecision: defineRoute({
    method: "PUT",
    path: `${base}/:reviewId/decisions/:inputKey`,
    summary: "Record what the review decided on one input (9.3.3); writing again replaces it",
    tag,
    access: write,
    write: true,
    params: decisionParams,
    body: putReviewDecisionRequestSchema,
    response: managementReviewDetailSchema,
  }),
  createReviewAction: defineRoute({
    method: "POST",
    path: `${base}/:reviewId/actions`,
    summary: "Record an action the review decided, with its owner and due date (9.3.3)",
    tag,
    access: write,
    write: true,
    params: reviewParams,
    body: createReviewActionRequestSchema,
    response: reviewActionSchema,
    status: 201,
  }),
  updateReviewAction: defineRoute({
    method: "PATCH",
    path: `${base}/:reviewId/actions/:reviewActionId`,
    summary:
      "Change a review action: title, description, owner, due date or status (open, in progress, done, cancelled); also after the review closed",
    tag,
    access: write,
    write: true,
    params: actionParams,
    body: updateReviewActionRequestSchema,
    response: reviewActionSchema,
  }),
  getManagementReviewPackPdf: defineRoute({
    method: "GET",
    path: `${base}/:reviewId/pack.pdf`,
    summary: "Download the review's frozen input pack as PDF",
    tag,
    access: read,
    write: false,
    params: reviewParams,
    response: null,
    produces: "application/pdf",
  }),
  getManagementReviewMinutesPdf: defineRoute({
    method: "GET",
    path: `${base}/:reviewId/minutes.pdf`,
    summary: "Download the review's minutes as PDF: meeting, attendees, the decision per input and the actions",
    tag,
    access: read,
    write: false,
    params: reviewParams,
    response: null,
    produces: "application/pdf",
  }),
} as const;
