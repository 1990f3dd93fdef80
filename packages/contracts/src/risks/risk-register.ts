import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import {
  riskDateSchema,
  riskDescriptionSchema,
  riskLevelSchema,
  riskSourceIdSchema,
  riskTitleSchema,
  threatIdSchema,
} from "./risk-fields.js";
import { riskRatingSchema, riskStatusSchema, treatmentOptionSchema } from "./risk-ratings.js";
import { treatmentActionSchema } from "./treatment-actions.js";

/** An acceptance is active until its expiry date, expired after it, withdrawn when the risk moves on. */
export const riskAcceptanceStates = ["active", "expired", "withdrawn"] as const;
export const riskAcceptanceStateSchema = z.enum(riskAcceptanceStates);

export const riskAcceptanceSchema = z
  .object({
    id: idSchema,
    rating: riskRatingSchema,
    rationale: z.string(),
    approver: z.object({ memberId: idSchema.nullable(), name: z.string() }),
    acceptedAt: timestampSchema,
    expiresOn: z.string(),
    state: riskAcceptanceStateSchema,
  })
  .meta({ id: "RiskAcceptance" });
export type RiskAcceptance = z.infer<typeof riskAcceptanceSchema>;

export const riskSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    system: z.object({ id: idSchema, name: z.string() }).nullable(),
    threatId: z.string().nullable(),
    riskSources: z.array(z.string()),
    owner: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    inherentLikelihood: z.number().int().nullable(),
    inherentImpact: z.number().int().nullable(),
    inherentRating: riskRatingSchema.nullable(),
    treatmentOption: treatmentOptionSchema.nullable(),
    residualLikelihood: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualRating: riskRatingSchema.nullable(),
    /** The residual rating once assessed, else the inherent one. */
    currentRating: riskRatingSchema.nullable(),
    /** True while the current rating is above what the method accepts without treatment. */
    needsTreatment: z.boolean(),
    status: riskStatusSchema,
    reviewDate: z.string().nullable(),
    /** When someone last confirmed the assessment (or first made it). */
    reviewedAt: timestampSchema,
    /** When a material change or a monitoring rule asked for the risk to be reviewed again; null once reviewed. */
    rereviewRequestedAt: timestampSchema.nullable(),
    /** True while a re-review is asked for and not yet recorded. */
    needsReview: z.boolean(),
    /** Set while the risk is accepted: the last day the acceptance covers. */
    acceptedUntil: z.string().nullable(),
    acceptanceExpired: z.boolean(),
    archivedAt: timestampSchema.nullable(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Risk" });
export type Risk = z.infer<typeof riskSchema>;

/** A risk with its treatment actions and acceptance history (newest first). */
export const riskDetailSchema = riskSchema
  .extend({ actions: z.array(treatmentActionSchema), acceptances: z.array(riskAcceptanceSchema) })
  .meta({ id: "RiskDetail" });
export type RiskDetail = z.infer<typeof riskDetailSchema>;

/** Filters of the register: status "active" hides archived risks, "open" also hides closed ones. */
export const riskStatusFilters = [
  "active",
  "open",
  "identified",
  "assessed",
  "treating",
  "accepted",
  "closed",
  "archived",
  "all",
] as const;

export const riskListQuerySchema = z.object({
  systemId: idSchema.optional(),
  /** "organization" lists organisation-wide risks only, "system" only risks of a system. */
  scope: z.enum(["all", "system", "organization"], { message: "must be all, system or organization" }).default("all"),
  status: z.enum(riskStatusFilters, { message: `must be one of: ${riskStatusFilters.join(", ")}` }).default("active"),
  rating: riskRatingSchema.optional(),
  ownerId: idSchema.optional(),
  /** "true" lists only risks awaiting a re-review a material change or a monitoring rule asked for. */
  needsReview: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .enum(["createdAt", "-createdAt", "updatedAt", "-updatedAt", "title", "-title", "rating", "-rating"], {
      message: "must be createdAt, updatedAt, title or rating, optionally with a leading '-'",
    })
    .default("-createdAt"),
});

const assessment = {
  inherentLikelihood: riskLevelSchema.nullable(),
  inherentImpact: riskLevelSchema.nullable(),
  treatmentOption: treatmentOptionSchema.nullable(),
  residualLikelihood: riskLevelSchema.nullable(),
  residualImpact: riskLevelSchema.nullable(),
};

export const createRiskRequestSchema = z.object({
  title: riskTitleSchema,
  description: riskDescriptionSchema.default(""),
  /** Null or absent for an organisation-wide risk. */
  systemId: idSchema.nullable().default(null),
  threatId: threatIdSchema.nullable().default(null),
  riskSources: z.array(riskSourceIdSchema).max(20).default([]),
  ownerMemberId: idSchema.nullable().default(null),
  inherentLikelihood: assessment.inherentLikelihood.default(null),
  inherentImpact: assessment.inherentImpact.default(null),
  treatmentOption: assessment.treatmentOption.default(null),
  residualLikelihood: assessment.residualLikelihood.default(null),
  residualImpact: assessment.residualImpact.default(null),
  reviewDate: riskDateSchema.nullable().default(null),
});
export type CreateRiskRequest = z.infer<typeof createRiskRequestSchema>;

/** Every field is optional; absent fields keep their value. Status "accepted" is set by accepting only. */
export const updateRiskRequestSchema = z.object({
  version: versionSchema,
  title: riskTitleSchema.optional(),
  description: riskDescriptionSchema.optional(),
  systemId: idSchema.nullable().optional(),
  threatId: threatIdSchema.nullable().optional(),
  riskSources: z.array(riskSourceIdSchema).max(20).optional(),
  ownerMemberId: idSchema.nullable().optional(),
  inherentLikelihood: assessment.inherentLikelihood.optional(),
  inherentImpact: assessment.inherentImpact.optional(),
  treatmentOption: assessment.treatmentOption.optional(),
  residualLikelihood: assessment.residualLikelihood.optional(),
  residualImpact: assessment.residualImpact.optional(),
  reviewDate: riskDateSchema.nullable().optional(),
  status: riskStatusSchema.optional(),
});
export type UpdateRiskRequest = z.infer<typeof updateRiskRequestSchema>;

export const acceptRiskRequestSchema = z.object({
  version: versionSchema,
  rationale: z.string().trim().min(10, "explain the decision in at least 10 characters").max(4000),
  /** Last day the acceptance covers; must be after today. */
  expiresOn: riskDateSchema,
});

export const reviewRiskRequestSchema = z.object({
  version: versionSchema,
  /** What the reviewer looked at or concluded; kept in the audit trail. */
  note: z.string({ message: "must be text" }).trim().max(2000, "must be at most 2000 characters").optional(),
});
