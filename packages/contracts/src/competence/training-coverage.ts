import { z } from "zod";
import { idSchema, roleSchema, timestampSchema } from "../common.js";
import { aimsProcessSchema } from "../documents/responsibility-schemas.js";
import { competenceAppliesToKindSchema, trainingGapKindSchema } from "./competence-attributes.js";

/** How far the members of one role or one responsibility meet the requirements that apply to it. */
const coverageGroupShape = {
  /** Members holding the role or the responsibility at the date. */
  members: z.number().int(),
  /** Requirements that apply to the role or responsibility. */
  requirements: z.number().int(),
  /** Members with a valid completion of every required course (one expiring soon still counts). */
  fullyCovered: z.number().int(),
  /** fullyCovered / members × 100, rounded; null when nobody holds it. */
  coveragePercent: z.number().min(0).max(100).nullable(),
};

export const roleCoverageSchema = z.object({ role: roleSchema, ...coverageGroupShape });
export type RoleCoverage = z.infer<typeof roleCoverageSchema>;

export const responsibilityCoverageSchema = z.object({ responsibility: aimsProcessSchema, ...coverageGroupShape });
export type ResponsibilityCoverage = z.infer<typeof responsibilityCoverageSchema>;

/** One member who lacks (or will soon lack) the training one requirement asks for. */
export const trainingGapSchema = z.object({
  member: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  appliesToKind: competenceAppliesToKindSchema,
  /** The role or the responsibility (process key) the requirement applies to. */
  appliesTo: z.string(),
  requirementId: idSchema,
  competence: z.string(),
  course: z.string(),
  kind: trainingGapKindSchema,
  /** When the latest completion expired or expires; null when there is none. */
  expiresOn: z.string().nullable(),
});
export type TrainingGap = z.infer<typeof trainingGapSchema>;

/** The approved AI policy version in force at the date, and how many members had acknowledged it. */
export const policyAcknowledgementCoverageSchema = z.object({
  policy: z
    .object({
      documentId: idSchema,
      ref: z.string(),
      title: z.string(),
      versionId: idSchema,
      versionNumber: z.number().int(),
      approvedAt: timestampSchema,
    })
    .nullable(),
  acknowledged: z.number().int(),
  /** Members of the organisation at the date. */
  total: z.number().int(),
});
export type PolicyAcknowledgementCoverage = z.infer<typeof policyAcknowledgementCoverageSchema>;

/**
 * Competence and awareness as they stood at a date (clauses 7.2, 7.3): coverage of the required
 * training per role and per responsibility, the members who lack it, and acknowledgement of the AI
 * policy in force. The management review pack shows it; the competence page shows it as of now.
 */
export const trainingCoverageSchema = z
  .object({
    asOf: timestampSchema,
    byRole: z.array(roleCoverageSchema),
    byResponsibility: z.array(responsibilityCoverageSchema),
    /** Members × requirements not met, expired first, then missing, then expiring; at most TRAINING_GAP_LIMIT (1,000) rows. */
    gaps: z.array(trainingGapSchema),
    /** Every gap, also those beyond the list. */
    gapCounts: z.object({ missing: z.number().int(), expired: z.number().int(), expiring: z.number().int() }),
    gapsTruncated: z.boolean(),
    policyAcknowledgement: policyAcknowledgementCoverageSchema,
  })
  .meta({ id: "TrainingCoverage" });
export type TrainingCoverage = z.infer<typeof trainingCoverageSchema>;

/** The most gaps one coverage answer lists; the counts cover all of them. */
export const TRAINING_GAP_LIMIT = 1000;
