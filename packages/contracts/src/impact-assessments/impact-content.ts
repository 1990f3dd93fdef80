import { z } from "zod";
import {
  impactDimensionKeySchema,
  impactLikelihoodSchema,
  impactOutcomeSchema,
  impactScopeSchema,
  impactSeveritySchema,
  residualConcernLevelSchema,
} from "./impact-scales.js";

/** Free text of a draft: may be empty while the author works, bounded always. */
const text = (max: number) => z.string().trim().max(max).default("");

/** Who and what the assessment is about (intended use, misuse, affected parties, setting). */
export const impactContextSchema = z.object({
  intendedUse: text(5000),
  foreseeableMisuse: text(5000),
  affectedParties: text(5000),
  deploymentSetting: text(5000),
});

/**
 * One dimension of effect. A dimension judged not relevant keeps `relevant: false` and explains
 * why in `effect`; a relevant one rates severity and likelihood before mitigation.
 */
export const impactDimensionSchema = z.object({
  key: impactDimensionKeySchema,
  /** The name of a custom dimension; ignored for standard ones. */
  title: text(200),
  relevant: z.boolean().default(true),
  scopes: z.array(impactScopeSchema).max(3).default([]),
  severity: impactSeveritySchema.nullable().default(null),
  likelihood: impactLikelihoodSchema.nullable().default(null),
  affectedGroups: text(4000),
  /** What the effect is (or, when not relevant, why not). */
  effect: text(8000),
  mitigations: text(8000),
  residualConcern: text(4000),
  residualLevel: residualConcernLevelSchema.nullable().default(null),
});
export type ImpactDimension = z.output<typeof impactDimensionSchema>;

export const impactConclusionSchema = z.object({
  outcome: impactOutcomeSchema.nullable().default(null),
  /** The reasoning behind the outcome, and any conditions attached to it. */
  summary: text(10000),
});

/** Everything an author writes in one revision of an impact assessment. */
export const impactContentSchema = z
  .object({
    context: impactContextSchema,
    dimensions: z.array(impactDimensionSchema).max(30),
    conclusion: impactConclusionSchema,
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.dimensions.forEach((dimension, index) => {
      if (dimension.key === "custom") {
        if (!dimension.title)
          ctx.addIssue({ code: "custom", path: ["dimensions", index, "title"], message: "name the custom dimension" });
        return;
      }
      if (seen.has(dimension.key))
        ctx.addIssue({
          code: "custom",
          path: ["dimensions", index, "key"],
          message: `'${dimension.key}' appears more than once`,
        });
      seen.add(dimension.key);
    });
  });
export type ImpactContent = z.output<typeof impactContentSchema>;
export type ImpactContentInput = z.input<typeof impactContentSchema>;
