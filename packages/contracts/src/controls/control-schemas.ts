import { z } from "zod";
import { idSchema, pageQuerySchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import { riskRatingSchema, riskStatusSchema } from "../risks/risk-ratings.js";
import {
  applicabilityStateSchema,
  controlKindSchema,
  effectiveStatusSchema,
  evidenceStateSchema,
  implementationStatusSchema,
} from "./control-attributes.js";

const longText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const freshnessDaysSchema = z
  .number()
  .int("must be a whole number of days")
  .min(1, "must be at least 1 day")
  .max(3650, "must be at most 3650 days");

/** A risk a control treats, as shown beside the control. */
export const linkedRiskSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  status: riskStatusSchema,
  residualRating: riskRatingSchema.nullable(),
  /** Not closed and not archived. */
  open: z.boolean(),
});
export type LinkedRisk = z.infer<typeof linkedRiskSchema>;

/** The evidence behind a control, derived from the evidence linked to it. */
export const controlEvidenceSchema = z.object({
  state: evidenceStateSchema,
  /** Refs of the live evidence linked to the control, e.g. ["E-3", "E-7"]. */
  refs: z.array(z.string()),
  /** The latest expiry among the linked evidence; null when none is linked or one never expires. */
  latestValidUntil: timestampSchema.nullable(),
});

export const controlSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    kind: controlKindSchema,
    /** Annex A area ('A.6'); null for custom controls. */
    areaId: z.string().nullable(),
    description: z.string().nullable(),
    applicable: z.boolean().nullable(),
    justification: z.string().nullable(),
    overrideReason: z.string().nullable(),
    implementationStatus: implementationStatusSchema,
    implementationDescription: z.string().nullable(),
    effectiveStatus: effectiveStatusSchema,
    owner: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    evidenceRequirement: z.string().nullable(),
    evidenceFreshnessDays: z.number().int().nullable(),
    evidence: controlEvidenceSchema,
    risks: z.array(linkedRiskSchema),
    status: z.enum(["active", "archived"]),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Control" });
export type Control = z.infer<typeof controlSchema>;

export const controlListQuerySchema = pageQuerySchema.extend({
  /** An Annex A area ('A.6') or "custom". */
  area: z
    .string()
    .trim()
    .max(10)
    .regex(/^(A\.\d{1,2}|custom)$/, "must be an Annex A area such as A.6, or custom")
    .optional(),
  applicability: applicabilityStateSchema.optional(),
  implementationStatus: implementationStatusSchema.optional(),
  evidenceState: evidenceStateSchema.optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
  q: z.string().trim().max(200).optional(),
});

export const createControlRequestSchema = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  description: longText(4000).optional(),
  ownerMemberId: idSchema.nullable().optional(),
  evidenceRequirement: longText(2000).optional(),
  evidenceFreshnessDays: freshnessDaysSchema.nullable().optional(),
});

/**
 * Changes to a control; fields left out stay as they are. Setting `applicable` (either way) needs a
 * justification. Excluding a control that treats an open risk needs `overrideReason`.
 */
export const updateControlRequestSchema = z.object({
  version: versionSchema,
  title: z.string().trim().min(3, "must be at least 3 characters").max(200).optional(),
  description: longText(4000).nullable().optional(),
  applicable: z.boolean().nullable().optional(),
  justification: longText(4000).nullable().optional(),
  overrideReason: longText(2000).nullable().optional(),
  implementationStatus: implementationStatusSchema.optional(),
  implementationDescription: longText(4000).nullable().optional(),
  ownerMemberId: idSchema.nullable().optional(),
  evidenceRequirement: longText(2000).nullable().optional(),
  evidenceFreshnessDays: freshnessDaysSchema.nullable().optional(),
});
export type UpdateControlRequest = z.infer<typeof updateControlRequestSchema>;

export const archiveControlRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

export const linkRiskRequestSchema = z.object({ riskId: idSchema });

/** Upper bound of one bulk decision: the 38 Annex A controls plus a generous number of custom ones. */
export const BULK_APPLICABILITY_MAX = 100;

/**
 * One applicability decision for many controls at once, all or nothing. Each control carries the
 * version the caller saw; the rules are those of a single update.
 */
export const bulkApplicabilityRequestSchema = z.object({
  items: z
    .array(z.object({ controlId: idSchema, version: versionSchema }))
    .min(1, "must list at least one control")
    .max(BULK_APPLICABILITY_MAX, `must list at most ${BULK_APPLICABILITY_MAX} controls`)
    .refine(
      (items) => new Set(items.map((item) => item.controlId)).size === items.length,
      "must not list a control twice",
    ),
  applicable: z.boolean({ message: "must be true (applicable) or false (not applicable)" }),
  justification: longText(4000),
  /** Needed when excluding controls that treat open risks; stored on those controls only. */
  overrideReason: longText(2000).optional(),
});
export type BulkApplicabilityRequest = z.infer<typeof bulkApplicabilityRequestSchema>;

export const bulkApplicabilityResponseSchema = z.object({
  /** Every listed control as it now stands, in the order given. */
  items: z.array(controlSchema),
  /** Refs of the controls that changed; a control whose decision was already this one is left as it is. */
  changedRefs: z.array(z.string()),
});
