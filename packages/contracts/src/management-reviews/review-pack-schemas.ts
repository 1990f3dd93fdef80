import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import { trainingCoverageSchema } from "../competence/training-coverage.js";
import { interestedPartySchema, scopeIssueSchema } from "../documents/scope-schemas.js";
import { incidentSeveritySchema, incidentStatusSchema } from "../incidents/incident-attributes.js";
import { auditResultSchema, internalAuditStatusSchema } from "../internal-audits/internal-audit-attributes.js";
import {
  alertKindSchema,
  alertLevelSchema,
  alertStatusSchema,
  metricDirectionSchema,
  metricStateSchema,
} from "../monitoring/metric-attributes.js";
import {
  correctiveActionStatusSchema,
  effectivenessResultSchema,
  improvementSourceSchema,
  improvementStatusSchema,
  nonconformitySeveritySchema,
  nonconformitySourceSchema,
  nonconformityStatusSchema,
} from "../nonconformities/nonconformity-attributes.js";
import { objectiveStandingSchema } from "../objectives/objective-standing.js";
import { riskRatingSchema, riskStatusSchema, treatmentOptionSchema } from "../risks/risk-ratings.js";
import { reviewActionStatusSchema } from "./review-attributes.js";
import { type ReviewInputKey, reviewInputKeySchema } from "./review-inputs.js";

/** The most rows one list of a pack holds; the list's total counts them all. */
export const PACK_LIST_LIMIT = 200;

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });
const systemRefSchema = z.object({ id: idSchema, name: z.string() });

/** A bounded list: at most PACK_LIST_LIMIT items, the total of all that matched, and whether some were left out. */
function boundedList<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), truncated: z.boolean(), items: z.array(item) });
}

/** What every section of a pack states about itself. */
const sectionShape = {
  /** The 9.3.2 item the section answers, e.g. "9.3.2 d". */
  clause: z.string(),
  title: z.string(),
  /** The instant the records are read as of. */
  asOf: timestampSchema,
  /**
   * Start of the period the section reports on: the instant the previous closed review's pack was
   * compiled as of, or null when there was no earlier review (then the period is everything before asOf).
   */
  since: timestampSchema.nullable(),
};

/** The earlier review the period starts from. */
export const previousReviewSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  closedAt: timestampSchema,
});

export const packReviewActionSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  review: z.object({ id: idSchema, ref: z.string() }),
  inputKey: reviewInputKeySchema.nullable(),
  owner: memberRefSchema.nullable(),
  dueDate: z.string().nullable(),
  status: reviewActionStatusSchema,
  doneAt: timestampSchema.nullable(),
  /** Due before the as-of date and still open or in progress. */
  overdue: z.boolean(),
});

export const previousActionsSectionSchema = z.object({
  ...sectionShape,
  previousReview: previousReviewSchema.nullable(),
  /** Actions of earlier reviews still open, or finished within the period, by status. */
  byStatus: z.record(reviewActionStatusSchema, z.number().int()),
  overdue: z.number().int(),
  actions: boundedList(packReviewActionSchema),
});

/** The approved scope version a comparison reads. */
export const scopeVersionRefSchema = z.object({
  documentId: idSchema,
  ref: z.string(),
  versionId: idSchema,
  number: z.number().int(),
  approvedAt: timestampSchema,
});

export const changedIssueSchema = z.object({ title: z.string(), before: scopeIssueSchema, after: scopeIssueSchema });
export const issueChangesSchema = z.object({
  items: z.array(scopeIssueSchema),
  added: z.array(scopeIssueSchema),
  removed: z.array(scopeIssueSchema),
  changed: z.array(changedIssueSchema),
});

export const externalInternalIssuesSectionSchema = z.object({
  ...sectionShape,
  /** The approved scope version in force at asOf; null when no scope had been approved. */
  scope: scopeVersionRefSchema.nullable(),
  /** The approved scope version in force when the previous review's pack was compiled. */
  previousScope: scopeVersionRefSchema.nullable(),
  /** False when there was no earlier review to compare with: then nothing is reported as added or removed. */
  compared: z.boolean(),
  internal: issueChangesSchema,
  external: issueChangesSchema,
});

export const changedPartySchema = z.object({
  name: z.string(),
  before: interestedPartySchema,
  after: interestedPartySchema,
});

export const interestedPartiesSectionSchema = z.object({
  ...sectionShape,
  scope: scopeVersionRefSchema.nullable(),
  previousScope: scopeVersionRefSchema.nullable(),
  compared: z.boolean(),
  items: z.array(interestedPartySchema),
  added: z.array(interestedPartySchema),
  removed: z.array(interestedPartySchema),
  changed: z.array(changedPartySchema),
});

export const packCorrectiveActionSchema = z.object({
  id: idSchema,
  title: z.string(),
  owner: memberRefSchema.nullable(),
  dueDate: z.string().nullable(),
  status: correctiveActionStatusSchema,
  overdue: z.boolean(),
});

export const packNonconformitySchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  severity: nonconformitySeveritySchema,
  status: nonconformityStatusSchema,
  source: nonconformitySourceSchema,
  system: systemRefSchema.nullable(),
  raisedAt: timestampSchema,
  actions: z.array(packCorrectiveActionSchema),
});

export const packEffectivenessCheckSchema = z.object({
  nonconformity: z.object({ id: idSchema, ref: z.string(), title: z.string() }),
  checkedOn: z.string(),
  result: effectivenessResultSchema,
  method: z.string(),
});

export const nonconformitiesSectionSchema = z.object({
  ...sectionShape,
  /** Every nonconformity raised by asOf, by its status then. */
  byStatus: z.record(nonconformityStatusSchema, z.number().int()),
  bySeverity: z.record(nonconformitySeveritySchema, z.number().int()),
  openedInPeriod: z.number().int(),
  closedInPeriod: z.number().int(),
  /** Those not closed at asOf, major first, with their corrective actions. */
  open: boundedList(packNonconformitySchema),
  overdueActions: z.number().int(),
  /** Effectiveness checks recorded in the period. */
  checks: z.object({
    effective: z.number().int(),
    notEffective: z.number().int(),
    items: z.array(packEffectivenessCheckSchema),
    truncated: z.boolean(),
  }),
});

export const packMetricSchema = z.object({
  id: idSchema,
  name: z.string(),
  system: systemRefSchema,
  unit: z.string(),
  direction: metricDirectionSchema,
  warning: z.number().nullable(),
  critical: z.number().nullable(),
  latest: z.object({ value: z.number(), at: timestampSchema }).nullable(),
  state: metricStateSchema,
});

export const packAlertSchema = z.object({
  id: idSchema,
  ref: z.string(),
  metric: z.object({ id: idSchema, name: z.string() }),
  system: systemRefSchema,
  kind: alertKindSchema,
  level: alertLevelSchema,
  status: alertStatusSchema,
  firstSeenAt: timestampSchema,
});

export const monitoringSectionSchema = z.object({
  ...sectionShape,
  /** Metrics defined by asOf, by the state of their latest value at asOf against their thresholds. */
  metricsByState: z.record(metricStateSchema, z.number().int()),
  /** Critical first, then warning, no data, within bounds. */
  metrics: boundedList(packMetricSchema),
  /** Alerts first seen in the period, by level and by their status at asOf. */
  alertsByLevel: z.record(alertLevelSchema, z.number().int()),
  alertsByStatus: z.record(alertStatusSchema, z.number().int()),
  alerts: boundedList(packAlertSchema),
});

/** How the items of audits' checklists were answered, by result, and how many are still unanswered. */
export const auditResultCountsSchema = z.object({
  byResult: z.record(auditResultSchema, z.number().int()),
  unanswered: z.number().int(),
});
export type AuditResultCounts = z.infer<typeof auditResultCountsSchema>;

export const packAuditSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  /** The status at asOf (closed only if it closed by then). */
  status: internalAuditStatusSchema,
  plannedStart: z.string(),
  plannedEnd: z.string(),
  leadAuditor: memberRefSchema.nullable(),
  closedAt: timestampSchema.nullable(),
  conclusion: z.string(),
  results: auditResultCountsSchema,
  nonconformitiesRaised: z.number().int(),
});

export const auditsSectionSchema = z.object({
  ...sectionShape,
  /** Internal audits closed in the period or in progress at asOf, newest first. */
  audits: boundedList(packAuditSchema),
  /** The results of all those audits together. */
  results: auditResultCountsSchema,
  nonconformitiesRaised: z.number().int(),
});

export const packIncidentSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  severity: incidentSeveritySchema,
  status: incidentStatusSchema,
  detectedAt: timestampSchema,
  systems: z.array(systemRefSchema),
});

export const incidentsSectionSchema = z.object({
  ...sectionShape,
  /** Incidents reported in the period, by severity and by their status at asOf. */
  bySeverity: z.record(incidentSeveritySchema, z.number().int()),
  byStatus: z.record(incidentStatusSchema, z.number().int()),
  /** Incidents of any date not yet closed at asOf. */
  openAtAsOf: z.number().int(),
  /** Those reported in the period, most severe first. */
  incidents: boundedList(packIncidentSchema),
});

export const objectivesSectionSchema = z.object({
  ...sectionShape,
  objectives: z.array(objectiveStandingSchema),
});

export const competenceSectionSchema = z.object({
  ...sectionShape,
  coverage: trainingCoverageSchema,
});

export const packRiskSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  system: systemRefSchema.nullable(),
  owner: memberRefSchema.nullable(),
  rating: riskRatingSchema,
  status: riskStatusSchema,
  treatmentOption: treatmentOptionSchema.nullable(),
  /** Treatment actions by status: how far the treatment has come. */
  treatmentActions: z.object({ open: z.number().int(), inProgress: z.number().int(), done: z.number().int() }),
  /** The risk was accepted, and the acceptance ran out before asOf. */
  acceptanceExpired: z.boolean(),
});

export const risksSectionSchema = z.object({
  ...sectionShape,
  /** The highest rating the risk method accepts without treatment. */
  acceptableWithoutTreatment: riskRatingSchema,
  byRating: z.record(riskRatingSchema, z.number().int()),
  /** Live risks rated above the acceptance criteria and not accepted at asOf, highest rating first. */
  risks: boundedList(packRiskSchema),
});

export const packImprovementSchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  source: improvementSourceSchema,
  status: improvementStatusSchema,
  owner: memberRefSchema.nullable(),
  raisedAt: timestampSchema,
});

export const packAuditOpportunitySchema = z.object({
  itemId: idSchema,
  audit: z.object({ id: idSchema, ref: z.string(), title: z.string() }),
  requirementId: z.string(),
  title: z.string(),
  notes: z.string(),
  answeredAt: timestampSchema.nullable(),
  /** The improvement logged from it, if any. */
  improvementRef: z.string().nullable(),
});

export const improvementsSectionSchema = z.object({
  ...sectionShape,
  /** Improvements still proposed or planned at asOf, or raised in the period. */
  byStatus: z.record(improvementStatusSchema, z.number().int()),
  improvements: boundedList(packImprovementSchema),
  /** Checklist items answered "opportunity for improvement" in the period. */
  auditOpportunities: boundedList(packAuditOpportunitySchema),
});

/**
 * The management review input pack (clause 9.3.2): exactly one key per input of `reviewInputs`, in
 * that order, each section stating its clause, title, the instant it was read as of and the start of
 * its period. Compiled live (`GET /review-pack`) or frozen on a review.
 */
export const reviewPackSchema = z
  .object({
    previousActions: previousActionsSectionSchema,
    externalInternalIssues: externalInternalIssuesSectionSchema,
    interestedParties: interestedPartiesSectionSchema,
    nonconformities: nonconformitiesSectionSchema,
    monitoring: monitoringSectionSchema,
    audits: auditsSectionSchema,
    incidents: incidentsSectionSchema,
    objectives: objectivesSectionSchema,
    competence: competenceSectionSchema,
    risks: risksSectionSchema,
    improvements: improvementsSectionSchema,
  } satisfies Record<ReviewInputKey, z.ZodType>)
  .strict()
  .meta({ id: "ReviewPack" });
export type ReviewPack = z.infer<typeof reviewPackSchema>;
export type PreviousActionsSection = z.infer<typeof previousActionsSectionSchema>;
export type ExternalInternalIssuesSection = z.infer<typeof externalInternalIssuesSectionSchema>;
export type InterestedPartiesSection = z.infer<typeof interestedPartiesSectionSchema>;
export type NonconformitiesSection = z.infer<typeof nonconformitiesSectionSchema>;
export type MonitoringSection = z.infer<typeof monitoringSectionSchema>;
export type AuditsSection = z.infer<typeof auditsSectionSchema>;
export type IncidentsSection = z.infer<typeof incidentsSectionSchema>;
export type ObjectivesSection = z.infer<typeof objectivesSectionSchema>;
export type CompetenceSection = z.infer<typeof competenceSectionSchema>;
export type RisksSection = z.infer<typeof risksSectionSchema>;
export type ImprovementsSection = z.infer<typeof improvementsSectionSchema>;
export type ScopeVersionRef = z.infer<typeof scopeVersionRefSchema>;
export type IssueChanges = z.infer<typeof issueChangesSchema>;
