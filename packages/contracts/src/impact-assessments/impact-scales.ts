import { z } from "zod";

/** A `z.enum` whose error names the accepted values, so a 400 tells people what to send. */
function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(", ")}` });
}

/**
 * Where an assessment revision stands. Only `draft` is editable; `superseded` is an approved
 * revision that a later approval replaced (kept as history).
 */
export const impactAssessmentStatuses = ["draft", "submitted", "approved", "superseded"] as const;
export const impactAssessmentStatusSchema = enumOf(impactAssessmentStatuses);
export type ImpactAssessmentStatus = z.infer<typeof impactAssessmentStatusSchema>;

/**
 * Where a system stands with its impact assessment: never assessed, first revision in draft or
 * awaiting approval, approved and current, or approved but the system changed since.
 */
export const systemImpactStates = ["none", "draft", "submitted", "approved", "stale"] as const;
export const systemImpactStateSchema = enumOf(systemImpactStates);
export type SystemImpactState = z.infer<typeof systemImpactStateSchema>;

/** The dimensions every assessment covers; `custom` ones carry their own title. */
export const impactDimensionKeys = [
  "fairness",
  "privacy",
  "safety",
  "human_agency",
  "transparency",
  "accessibility",
  "security",
  "economic",
  "environmental",
  "custom",
] as const;
export const impactDimensionKeySchema = enumOf(impactDimensionKeys);
export type ImpactDimensionKey = z.infer<typeof impactDimensionKeySchema>;

/** The standard dimensions, in the order an assessment lists them. */
export const standardImpactDimensions = impactDimensionKeys.filter(
  (key): key is Exclude<ImpactDimensionKey, "custom"> => key !== "custom",
);

/** Who an effect reaches: single people, identifiable groups, or society at large (A.5.4, A.5.5). */
export const impactScopes = ["individuals", "groups", "society"] as const;
export const impactScopeSchema = enumOf(impactScopes);
export type ImpactScope = z.infer<typeof impactScopeSchema>;

/** How bad an effect is for those it reaches, mildest first (see `impactSeverityDescriptions`). */
export const impactSeverities = ["negligible", "minor", "moderate", "major", "severe"] as const;
export const impactSeveritySchema = enumOf(impactSeverities);
export type ImpactSeverity = z.infer<typeof impactSeveritySchema>;

/** How likely the effect is to happen in the foreseen use, least likely first. */
export const impactLikelihoods = ["rare", "unlikely", "possible", "likely", "almost_certain"] as const;
export const impactLikelihoodSchema = enumOf(impactLikelihoods);
export type ImpactLikelihood = z.infer<typeof impactLikelihoodSchema>;

/** The concern left once the mitigations are in place. */
export const residualConcernLevels = ["none", "low", "medium", "high"] as const;
export const residualConcernLevelSchema = enumOf(residualConcernLevels);
export type ResidualConcernLevel = z.infer<typeof residualConcernLevelSchema>;

/** The assessment's overall answer: may the system be used as described? */
export const impactOutcomes = ["acceptable", "acceptable_with_conditions", "not_acceptable"] as const;
export const impactOutcomeSchema = enumOf(impactOutcomes);
export type ImpactOutcome = z.infer<typeof impactOutcomeSchema>;

/** How to start a revision: copy the system's current approved revision, or begin from the blank template. */
export const impactStartSources = ["current_approved", "blank"] as const;
export const impactStartSourceSchema = enumOf(impactStartSources);

/** What a reviewer did to a revision, as kept in its review log. */
export const impactReviewActions = ["submitted", "returned", "approved"] as const;
export const impactReviewActionSchema = enumOf(impactReviewActions);

/** Overview filter: one state, or `attention` for every system without a current approved assessment. */
export const systemImpactStateFilterSchema = enumOf([...systemImpactStates, "attention"] as const);
