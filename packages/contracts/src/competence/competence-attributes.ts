import { z } from "zod";

/**
 * Whom a competence requirement applies to: everyone holding one of the organisation's roles, or
 * everyone responsible or accountable for one of the management system's processes (the
 * responsibility assignments of the documents module).
 */
export const competenceAppliesToKinds = ["role", "responsibility"] as const;
export const competenceAppliesToKindSchema = z.enum(competenceAppliesToKinds, {
  message: "must be role or responsibility",
});
export type CompetenceAppliesToKind = z.infer<typeof competenceAppliesToKindSchema>;

/**
 * Why a member does not (or soon will not) meet a requirement: no completed training of the course,
 * every completion expired, or the valid one expires within 30 days (still counted as covered).
 */
export const trainingGapKinds = ["missing", "expired", "expiring"] as const;
export const trainingGapKindSchema = z.enum(trainingGapKinds);
export type TrainingGapKind = z.infer<typeof trainingGapKindSchema>;

/** A completion expiring within this many days shows as a gap, though it still counts. */
export const TRAINING_EXPIRING_DAYS = 30;

/** A training record's validity today: current, expiring within 30 days, or expired. */
export const trainingValidities = ["current", "expiring", "expired"] as const;
export const trainingValiditySchema = z.enum(trainingValidities, {
  message: "must be current, expiring or expired",
});
export type TrainingValidity = z.infer<typeof trainingValiditySchema>;
