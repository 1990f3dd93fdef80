import { z } from "zod";
import { roleSchema, timestampSchema, versionSchema } from "../common.js";
import { riskRatingSchema } from "./risk-ratings.js";

/** Bounds of a likelihood or impact scale. */
export const MIN_SCALE_LEVELS = 3;
export const MAX_SCALE_LEVELS = 6;

export const scaleLevelSchema = z.object({
  label: z.string().trim().min(1, "needs a label").max(60),
  description: z.string().trim().max(500).default(""),
});
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;

const scaleSchema = z
  .array(scaleLevelSchema)
  .min(MIN_SCALE_LEVELS, `needs ${MIN_SCALE_LEVELS} to ${MAX_SCALE_LEVELS} levels`)
  .max(MAX_SCALE_LEVELS, `needs ${MIN_SCALE_LEVELS} to ${MAX_SCALE_LEVELS} levels`);

/**
 * The organisation's way of rating risks. Levels are numbered from 1 (the first entry, lowest).
 * `matrix[l - 1][i - 1]` is the rating of likelihood level l with impact level i.
 */
export const riskMethodBodySchema = z.object({
  likelihoodLevels: scaleSchema,
  impactLevels: scaleSchema,
  matrix: z
    .array(z.array(riskRatingSchema).max(MAX_SCALE_LEVELS, "has too many columns"))
    .max(MAX_SCALE_LEVELS, "has too many rows"),
  /** The highest rating the organisation accepts without any treatment. */
  acceptableWithoutTreatment: riskRatingSchema,
  /** Per role, the highest rating a member of that role may accept; null means none. */
  acceptanceByRole: z.record(roleSchema, riskRatingSchema.nullable()),
});
export type RiskMethodBody = z.infer<typeof riskMethodBodySchema>;

export const updateRiskMethodRequestSchema = riskMethodBodySchema.extend({ version: versionSchema });

export const riskMethodSchema = riskMethodBodySchema
  .extend({
    id: z.string(),
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "RiskMethod" });
export type RiskMethod = z.infer<typeof riskMethodSchema>;

/** What saving a method would do to the register. */
export const riskMethodPreviewSchema = z.object({
  /** Risks that are not archived. */
  riskCount: z.number().int(),
  /** Risks whose inherent or residual rating would change. */
  reratedCount: z.number().int(),
  /** Risks whose likelihood or impact level would move to another level number. */
  remappedCount: z.number().int(),
});
export type RiskMethodPreview = z.infer<typeof riskMethodPreviewSchema>;
