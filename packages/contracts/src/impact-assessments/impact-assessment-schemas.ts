import { z } from "zod";
import { idSchema, pageQuerySchema, timestampSchema, versionSchema } from "../common.js";
import { impactTierSchema } from "../inventory/system-attributes.js";
import { riskRatingSchema } from "../risks/risk-ratings.js";
import { impactContentSchema } from "./impact-content.js";
import {
  impactAssessmentStatusSchema,
  impactDimensionKeySchema,
  impactReviewActionSchema,
  impactStartSourceSchema,
  systemImpactStateFilterSchema,
  systemImpactStateSchema,
} from "./impact-scales.js";

const personSchema = z.object({ id: idSchema, name: z.string() });
const systemRefSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });

/** SHA-256 (hex) of the canonical JSON of an assessment's content. */
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest");

/** One revision of a system's impact assessment, without its content. */
export const impactAssessmentSummarySchema = z
  .object({
    id: idSchema,
    /** Human-readable reference, e.g. IA-4. */
    ref: z.string(),
    system: systemRefSchema,
    /** 1 for the system's first assessment, then one more for each revision started. */
    revision: z.number().int(),
    status: impactAssessmentStatusSchema,
    /** The approved revision this one was copied from, if any. */
    basedOnId: idSchema.nullable(),
    submittedAt: timestampSchema.nullable(),
    approvedAt: timestampSchema.nullable(),
    approvedBy: personSchema.nullable(),
    /** The system's last material change as it was when this revision was approved. */
    systemMaterialAt: timestampSchema.nullable(),
    /** True for an approved revision whose system has changed materially since. */
    stale: z.boolean(),
    staleReason: z.string().nullable(),
    archivedAt: timestampSchema.nullable(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ImpactAssessmentSummary" });
export type ImpactAssessmentSummary = z.infer<typeof impactAssessmentSummarySchema>;

export const impactReviewEntrySchema = z.object({
  action: impactReviewActionSchema,
  at: timestampSchema,
  by: personSchema,
  comment: z.string().nullable(),
});

/** A full revision: its content, the derived impact levels and the review log. */
export const impactAssessmentSchema = impactAssessmentSummarySchema
  .extend({
    content: impactContentSchema,
    /** Hash of the content as it is now; an approval must quote it. */
    contentHash: contentHashSchema,
    /** Hash captured at submission; null while a draft. */
    submittedContentHash: contentHashSchema.nullable(),
    /** Impact level before mitigation per dimension (same order as content.dimensions); null when unrated. */
    dimensionLevels: z.array(riskRatingSchema.nullable()),
    /** The highest of `dimensionLevels`, null when nothing is rated. */
    highestLevel: riskRatingSchema.nullable(),
    /** Dimensions the system's inventory attributes suggest looking at closely. */
    focusHints: z.array(z.object({ dimension: impactDimensionKeySchema, hint: z.string() })),
    createdBy: personSchema.nullable(),
    reviewLog: z.array(impactReviewEntrySchema),
  })
  .meta({ id: "ImpactAssessment" });
export type ImpactAssessment = z.infer<typeof impactAssessmentSchema>;

/** A system with where it stands on impact assessment. */
export const systemImpactStatusSchema = z
  .object({
    system: systemRefSchema.extend({ impactTier: impactTierSchema, customerFacing: z.boolean() }),
    state: systemImpactStateSchema,
    staleReason: z.string().nullable(),
    /** When a field that matters to the assessment last changed on the system. */
    systemMaterialChangedAt: timestampSchema,
    /** The approved revision in force (stale or not). */
    approved: z
      .object({ id: idSchema, ref: z.string(), revision: z.number().int(), approvedAt: timestampSchema })
      .nullable(),
    /** The revision being written or reviewed, if any. */
    open: z
      .object({
        id: idSchema,
        ref: z.string(),
        revision: z.number().int(),
        status: z.enum(["draft", "submitted"]),
        updatedAt: timestampSchema,
      })
      .nullable(),
  })
  .meta({ id: "SystemImpactStatus" });
export type SystemImpactStatus = z.infer<typeof systemImpactStatusSchema>;

export const systemImpactStatusQuerySchema = pageQuerySchema.extend({
  state: systemImpactStateFilterSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** One system only, e.g. for its own page. */
  systemId: idSchema.optional(),
});

export const impactAssessmentListQuerySchema = pageQuerySchema.extend({
  status: impactAssessmentStatusSchema.optional(),
  systemId: idSchema.optional(),
  archived: z
    .enum(["exclude", "include", "only"], { error: "must be one of: exclude, include, only" })
    .default("exclude"),
});

export const systemImpactHistoryQuerySchema = pageQuerySchema.extend({
  archived: z.enum(["exclude", "include"], { error: "must be one of: exclude, include" }).default("include"),
});

export const startImpactAssessmentRequestSchema = z.object({
  /** Copy the current approved revision (the default; blank when there is none) or start blank. */
  startFrom: impactStartSourceSchema.default("current_approved"),
});

export const updateImpactAssessmentRequestSchema = z.object({ content: impactContentSchema, version: versionSchema });

export const submitImpactAssessmentRequestSchema = z.object({ version: versionSchema });

export const returnImpactAssessmentRequestSchema = z.object({
  /** What the author should change; shown to them and kept in the review log. */
  comment: z.string().trim().min(3, "say what should change (at least 3 characters)").max(4000),
  version: versionSchema,
});

export const approveImpactAssessmentRequestSchema = z.object({
  /** The content hash the approver reviewed; approval is refused if the content is no longer that. */
  contentHash: contentHashSchema,
  comment: z.string().trim().max(4000).optional(),
  version: versionSchema,
});
