import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { calendarDateSchema } from "../inventory/inventory-fields.js";
import { managementReviewStatusSchema, reviewActionStatusSchema } from "./review-attributes.js";
import { reviewInputKeySchema } from "./review-inputs.js";
import { reviewPackSchema } from "./review-pack-schemas.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });

export const reviewTitleSchema = z.string().trim().min(1, "needs a title").max(200);
const attendeeSchema = z.string().trim().min(1, "must not be empty").max(200);
export const reviewAttendeesSchema = z.array(attendeeSchema).max(100, "name at most 100 attendees");
export const reviewMinutesSchema = z.string().trim().max(50_000);
export const reviewDecisionTextSchema = z.string().trim().min(1, "write what the review decided").max(10_000);
const actionTextSchema = z.string().trim().max(5000);

/**
 * The instant a pack is read as of: a date (YYYY-MM-DD, meaning the end of that day in UTC, or now if
 * that is still to come) or a timestamp with its offset. Not before 1900 (see timestampSchema).
 */
export const reviewAsOfSchema = z.union([calendarDateSchema, timestampSchema], {
  message: "must be a date written as YYYY-MM-DD or a timestamp such as 2026-03-31T17:00:00Z",
});

export const managementReviewSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    scheduledFor: z.string(),
    status: managementReviewStatusSchema,
    chair: memberRefSchema.nullable(),
    /** Who attended, in words: members and guests. */
    attendees: z.array(z.string()),
    heldOn: z.string().nullable(),
    closedAt: timestampSchema.nullable(),
    /** The instant the frozen pack reads the records as of; null until the pack is compiled. */
    packAsOf: timestampSchema.nullable(),
    packCompiledAt: timestampSchema.nullable(),
    /** How many of the inputs have a decision. */
    decisions: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ManagementReview" });
export type ManagementReview = z.infer<typeof managementReviewSchema>;

export const reviewDecisionSchema = z
  .object({
    inputKey: reviewInputKeySchema,
    decision: z.string(),
    decidedBy: memberRefSchema.nullable(),
    updatedAt: timestampSchema,
  })
  .meta({ id: "ReviewDecision" });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewActionSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    review: z.object({ id: idSchema, ref: z.string() }),
    /** The input the action answers, if it answers one. */
    inputKey: reviewInputKeySchema.nullable(),
    title: z.string(),
    description: z.string(),
    owner: memberRefSchema.nullable(),
    dueDate: z.string().nullable(),
    status: reviewActionStatusSchema,
    doneAt: timestampSchema.nullable(),
    /** Due date passed while still open or in progress. */
    overdue: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ReviewAction" });
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const managementReviewDetailSchema = managementReviewSchema
  .extend({
    minutes: z.string(),
    /** The decisions recorded so far, in the order of the inputs. */
    decisionsByInput: z.array(reviewDecisionSchema),
    /** Inputs that still need a decision before the review can close. */
    missingDecisions: z.array(reviewInputKeySchema),
    actions: z.array(reviewActionSchema),
    /** The pack as compiled for this review; null until it is compiled. */
    pack: reviewPackSchema.nullable(),
    /** The statuses this review may move to now. */
    allowedTransitions: z.array(managementReviewStatusSchema),
    /** What stands between this review and closing, in plain words; empty when it may close. */
    closeBlockers: z.array(z.string()),
  })
  .meta({ id: "ManagementReviewDetail" });
export type ManagementReviewDetail = z.infer<typeof managementReviewDetailSchema>;

export const managementReviewListQuerySchema = z.object({
  status: managementReviewStatusSchema.optional(),
});

export const scheduleManagementReviewRequestSchema = z.object({
  title: reviewTitleSchema,
  scheduledFor: calendarDateSchema,
  chairMemberId: idSchema.nullable().default(null),
  attendees: reviewAttendeesSchema.default([]),
});
export type ScheduleManagementReviewRequest = z.input<typeof scheduleManagementReviewRequestSchema>;

export const updateManagementReviewRequestSchema = z.object({
  version: versionSchema,
  title: reviewTitleSchema.optional(),
  scheduledFor: calendarDateSchema.optional(),
  chairMemberId: idSchema.nullable().optional(),
  attendees: reviewAttendeesSchema.optional(),
  minutes: reviewMinutesSchema.optional(),
  /** The day the meeting was held. */
  heldOn: calendarDateSchema.nullable().optional(),
});
export type UpdateManagementReviewRequest = z.input<typeof updateManagementReviewRequestSchema>;

export const transitionManagementReviewRequestSchema = z.object({
  to: managementReviewStatusSchema,
  version: versionSchema,
});

export const compileReviewPackRequestSchema = z.object({
  version: versionSchema,
  /** Read the records as of this date or instant; now when left out. */
  asOf: reviewAsOfSchema.optional(),
});

export const putReviewDecisionRequestSchema = z.object({
  decision: reviewDecisionTextSchema,
});

export const createReviewActionRequestSchema = z.object({
  title: reviewTitleSchema,
  description: actionTextSchema.default(""),
  inputKey: reviewInputKeySchema.nullable().default(null),
  ownerMemberId: idSchema.nullable().default(null),
  dueDate: calendarDateSchema.nullable().default(null),
});
export type CreateReviewActionRequest = z.input<typeof createReviewActionRequestSchema>;

export const updateReviewActionRequestSchema = z.object({
  version: versionSchema,
  title: reviewTitleSchema.optional(),
  description: actionTextSchema.optional(),
  inputKey: reviewInputKeySchema.nullable().optional(),
  ownerMemberId: idSchema.nullable().optional(),
  dueDate: calendarDateSchema.nullable().optional(),
  status: reviewActionStatusSchema.optional(),
});
export type UpdateReviewActionRequest = z.input<typeof updateReviewActionRequestSchema>;

/** `?asOf=2026-03-31&format=pdf` of the live pack. */
export const reviewPackQuerySchema = z.object({
  asOf: reviewAsOfSchema.optional(),
  format: z.enum(["json", "pdf"], { message: "must be json or pdf" }).default("json"),
});
