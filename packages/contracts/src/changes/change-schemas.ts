import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { changeKindSchema } from "./change-kinds.js";

/** A change is requested when recorded, then approved or rejected once; a decision is final. */
export const changeStatuses = ["requested", "approved", "rejected"] as const;
export const changeStatusSchema = z.enum(changeStatuses, {
  message: "must be requested, approved or rejected",
});
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

/** What the requester expects the change to do to the system's risks. */
export const changeRiskImpacts = ["not_assessed", "none", "low", "medium", "high"] as const;
export const changeRiskImpactSchema = z.enum(changeRiskImpacts, {
  message: "must be not assessed, none, low, medium or high",
});
export type ChangeRiskImpact = z.infer<typeof changeRiskImpactSchema>;

const summaryField = z
  .string({ message: "must be text" })
  .trim()
  .min(3, "must be at least 3 characters")
  .max(200, "must be at most 200 characters");
const textField = z.string({ message: "must be text" }).trim().max(4000, "must be at most 4000 characters");

const person = z.object({ memberId: idSchema, name: z.string() });

/** A risk a material change sent back for review, and whether it still awaits that review. */
export const changeReviewRiskSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  awaitingReview: z.boolean(),
});

export const changeSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }),
    kind: changeKindSchema,
    summary: z.string(),
    description: z.string(),
    riskImpact: changeRiskImpactSchema,
    riskImpactNote: z.string(),
    /** A material change sends the system's risks and impact assessment back for review and re-arms its gate. */
    material: z.boolean(),
    /** What the kind suggested; differs from `material` when the requester overrode it. */
    suggestedMaterial: z.boolean(),
    status: changeStatusSchema,
    requestedBy: person.nullable(),
    decidedBy: person.nullable(),
    decidedAt: timestampSchema.nullable(),
    /** The approver's note, or the reason for a rejection. */
    decisionNote: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Change" });
export type Change = z.infer<typeof changeSchema>;

/** A change with what it sent back for review when it was recorded. */
export const changeDetailSchema = changeSchema
  .extend({
    sentForReview: z.object({
      risks: z.array(changeReviewRiskSchema),
      /** The approved impact assessment the change made stale, and whether it still is. */
      impactAssessment: z.object({ id: idSchema, ref: z.string(), stillStale: z.boolean() }).nullable(),
    }),
  })
  .meta({ id: "ChangeDetail" });
export type ChangeDetail = z.infer<typeof changeDetailSchema>;

/** What each kind suggests about materiality, and why, so a form can show it before anything is sent. */
export const changeKindSuggestionSchema = z
  .object({ kind: changeKindSchema, material: z.boolean(), why: z.string() })
  .meta({ id: "ChangeKindSuggestion" });
export type ChangeKindSuggestion = z.infer<typeof changeKindSuggestionSchema>;

export const recordChangeRequestSchema = z.object({
  systemId: idSchema,
  kind: changeKindSchema,
  summary: summaryField,
  description: textField.default(""),
  riskImpact: changeRiskImpactSchema.default("not_assessed"),
  riskImpactNote: textField.default(""),
  /** Absent: the kind's suggestion applies. */
  material: z.boolean({ message: "must be true or false" }).optional(),
});
export type RecordChangeRequest = z.input<typeof recordChangeRequestSchema>;

const booleanFilter = z.enum(["true", "false"], { message: "must be true or false" });

export const changeListQuerySchema = z.object({
  systemId: idSchema.optional(),
  status: changeStatusSchema.optional(),
  kind: changeKindSchema.optional(),
  material: booleanFilter.optional(),
});

export const approveChangeRequestSchema = z.object({
  version: versionSchema,
  note: textField.optional(),
});

export const rejectChangeRequestSchema = z.object({
  version: versionSchema,
  reason: z
    .string({ message: "must be text" })
    .trim()
    .min(3, "say why in at least 3 characters")
    .max(2000, "must be at most 2000 characters"),
});
