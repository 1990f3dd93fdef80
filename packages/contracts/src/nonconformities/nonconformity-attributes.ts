import { z } from "zod";

/**
 * Where a nonconformity was found: a red-team finding, an incident, a monitoring alert, an internal
 * audit (its record comes with the audit module; until then the source id may stay empty), or by hand.
 */
export const nonconformitySources = [
  "redteam_finding",
  "model_scan_finding",
  "incident",
  "alert",
  "audit",
  "manual",
] as const;
export const nonconformitySourceSchema = z.enum(nonconformitySources);
export type NonconformitySource = z.infer<typeof nonconformitySourceSchema>;

/** The sources a person may name when raising a nonconformity; red-team findings raise their own. */
export const raisedNonconformitySources = [
  "manual",
  "incident",
  "alert",
  "audit",
] as const satisfies readonly NonconformitySource[];

/** minor: an isolated lapse; major: a requirement not met at all, or a lapse that puts the system's purpose at risk. */
export const nonconformitySeverities = ["minor", "major"] as const;
export const nonconformitySeveritySchema = z.enum(nonconformitySeverities);
export type NonconformitySeverity = z.infer<typeof nonconformitySeveritySchema>;

/**
 * Where a nonconformity stands: raised (open), corrective actions under way (action_planned), every
 * action finished with at least one done (awaiting_check), and closed after an effective check.
 */
export const nonconformityStatuses = ["open", "action_planned", "awaiting_check", "closed"] as const;
export const nonconformityStatusSchema = z.enum(nonconformityStatuses);
export type NonconformityStatus = z.infer<typeof nonconformityStatusSchema>;

/** How the root cause was looked for. */
export const rootCauseMethods = ["five_whys", "fishbone", "fault_tree", "other"] as const;
export const rootCauseMethodSchema = z.enum(rootCauseMethods);
export type RootCauseMethod = z.infer<typeof rootCauseMethodSchema>;

/** A corrective action moves open → in progress → done, or is cancelled before it is done. */
export const correctiveActionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const correctiveActionStatusSchema = z.enum(correctiveActionStatuses);
export type CorrectiveActionStatus = z.infer<typeof correctiveActionStatusSchema>;

/**
 * The steps a corrective action may take: start it, finish it (with or without starting it first),
 * or cancel it before it is done. Done and cancelled are final; a further action is a new one.
 */
export const correctiveActionSteps: Readonly<Record<CorrectiveActionStatus, readonly CorrectiveActionStatus[]>> = {
  open: ["in_progress", "done", "cancelled"],
  in_progress: ["open", "done", "cancelled"],
  done: [],
  cancelled: [],
};

/** Whether the corrective actions removed the cause (clause 10.2 asks for this review). */
export const effectivenessResults = ["effective", "not_effective"] as const;
export const effectivenessResultSchema = z.enum(effectivenessResults);
export type EffectivenessResult = z.infer<typeof effectivenessResultSchema>;

/** Where an opportunity for improvement came from (clause 10.1). */
export const improvementSources = [
  "manual",
  "incident",
  "alert",
  "audit",
  "management_review",
  "nonconformity",
  "concern",
  "other",
] as const;
export const improvementSourceSchema = z.enum(improvementSources);
export type ImprovementSource = z.infer<typeof improvementSourceSchema>;

/** proposed → planned → done, or declined with a reason (a declined one may be proposed again). */
export const improvementStatuses = ["proposed", "planned", "done", "declined"] as const;
export const improvementStatusSchema = z.enum(improvementStatuses);
export type ImprovementStatus = z.infer<typeof improvementStatusSchema>;

/** The steps an opportunity for improvement may take; a declined one may be proposed again. */
export const improvementSteps: Readonly<Record<ImprovementStatus, readonly ImprovementStatus[]>> = {
  proposed: ["planned", "done", "declined"],
  planned: ["proposed", "done", "declined"],
  done: [],
  declined: ["proposed"],
};
