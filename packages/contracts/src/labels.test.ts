import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as contracts from "./index.js";
import { enumLabels, enumOptions, type LabelledEnum, labelOf, labelOrValue } from "./labels.js";

/** Each labelled enum, and the values the contracts accept for it. */
const covered: Record<LabelledEnum, readonly string[]> = {
  role: contracts.roles,
  tokenScope: contracts.tokenScopes,
  tokenStatus: ["active", "revoked", "expired"],
  invitationStatus: contracts.invitationStatuses,
  ssoDomainStatus: contracts.ssoDomainStatuses,
  actorType: contracts.actorTypes,
  recordStatus: contracts.recordStatusSchema.options,
  systemRole: contracts.systemRoles,
  lifecycleStage: contracts.lifecycleStages,
  impactTier: contracts.impactTiers,
  highImpactReason: contracts.highImpactReasons,
  dataCategory: contracts.dataCategories,
  autonomyLevel: contracts.autonomyLevels,
  systemCapability: contracts.systemCapabilities,
  assetKind: contracts.assetKinds,
  yesNoUnknown: contracts.yesNoUnknown,
  customerDataTraining: contracts.customerDataTrainingOptions,
  importFormat: contracts.importFormats,
  importAction: contracts.importActions,
  exportFormat: contracts.exportFormats,
  riskRating: contracts.riskRatings,
  riskStatus: contracts.riskStatuses,
  riskStatusFilter: contracts.riskStatusFilters,
  treatmentOption: contracts.treatmentOptions,
  riskAcceptanceState: contracts.riskAcceptanceStates,
  threatProposalStatus: contracts.threatProposalStatuses,
  treatmentActionStatus: contracts.treatmentActionStatuses,
  controlKind: contracts.controlKinds,
  implementationStatus: contracts.implementationStatuses,
  evidenceState: contracts.evidenceStates,
  effectiveStatus: contracts.effectiveStatuses,
  applicabilityState: contracts.applicabilityStates,
  soaIssueKind: contracts.soaIssueKinds,
  evidenceKind: contracts.evidenceKinds,
  evidenceSource: contracts.evidenceSources,
  evidenceTargetType: contracts.evidenceTargetTypes,
  evidenceValidityState: contracts.evidenceValidityStates,
  validityBasis: contracts.validityBases,
  documentKind: contracts.documentKinds,
  documentStatus: contracts.documentStatuses,
  documentVersionStatus: contracts.documentVersionStatuses,
  documentTemplateId: contracts.documentTemplateIds,
  documentVersionAction: contracts.documentVersionActions,
  aimsProcess: contracts.aimsProcesses,
  raciRole: contracts.raciRoles,
  responsibilitySubjectType: contracts.responsibilitySubjectTypes,
  raciGap: contracts.raciGaps,
  impactAssessmentStatus: contracts.impactAssessmentStatuses,
  systemImpactState: contracts.systemImpactStates,
  impactDimensionKey: contracts.impactDimensionKeys,
  impactScope: contracts.impactScopes,
  impactSeverity: contracts.impactSeverities,
  impactLikelihood: contracts.impactLikelihoods,
  residualConcernLevel: contracts.residualConcernLevels,
  impactOutcome: contracts.impactOutcomes,
  impactStartSource: contracts.impactStartSources,
  impactReviewAction: contracts.impactReviewActions,
  redteamSeverity: contracts.redteamSeverities,
  redteamCategory: contracts.redteamCategories,
  redteamVerdict: contracts.redteamVerdicts,
  redteamScanStatus: contracts.redteamScanStatuses,
  redteamScanOrigin: contracts.redteamScanOrigins,
  redteamFindingStatus: contracts.redteamFindingStatuses,
  nonconformitySource: contracts.nonconformitySources,
  nonconformityStatus: contracts.nonconformityStatuses,
  nonconformitySeverity: contracts.nonconformitySeverities,
  rootCauseMethod: contracts.rootCauseMethods,
  correctiveActionStatus: contracts.correctiveActionStatuses,
  effectivenessResult: contracts.effectivenessResults,
  improvementSource: contracts.improvementSources,
  improvementStatus: contracts.improvementStatuses,
  auditFrequency: contracts.auditFrequencies,
  internalAuditStatus: contracts.internalAuditStatuses,
  auditResult: contracts.auditResults,
  checklistRequirementKind: contracts.checklistRequirementKinds,
  auditedRecordKind: contracts.auditedRecordKinds,
  readinessSeverity: contracts.readinessGapSchema.shape.severity.options,
  coverageStatus: contracts.coverageSchema.shape.status.options,
  myWorkGroup: contracts.myWorkGroups,
  webhookEvent: contracts.webhookEvents,
  webhookDeliveryStatus: contracts.webhookDeliveryStatuses,
  reminderKind: contracts.reminderKinds,
  eventNotificationKind: contracts.eventNotificationKinds,
  reminderOccasionKind: contracts.reminderOccasionKinds,
  jobStatus: contracts.jobStatuses,
  managementReviewStatus: contracts.managementReviewStatuses,
  reviewActionStatus: contracts.reviewActionStatuses,
  reviewInputKey: contracts.reviewInputKeys,
  gateCheckKind: contracts.gateCheckKinds,
  gateResult: contracts.gateResults,
  gateOverrideStatus: contracts.gateOverrideStatuses,
  changeKind: contracts.changeKinds,
  changeStatus: contracts.changeStatuses,
  changeRiskImpact: contracts.changeRiskImpacts,
  metricDirection: contracts.metricDirections,
  alertLevel: contracts.alertLevels,
  alertKind: contracts.alertKinds,
  metricSource: contracts.metricSources,
  anomalyDetector: contracts.anomalyDetectors,
  modelFormat: contracts.modelFormats,
  modelFileStatus: contracts.modelFileStatuses,
  signatureStatus: contracts.signatureStatuses,
  licenceFlag: contracts.licenceFlags,
  licenceVerdict: contracts.licenceVerdicts,
  modelApproach: contracts.modelApproaches,
  actionClass: contracts.actionClasses,
  approverRole: contracts.approverRoles,
  policyDecision: contracts.simpleDecisionSchema.options,
  decisionOutcome: contracts.decisionOutcomes,
  actionKind: contracts.actionKinds,
  decisionOrigin: contracts.decisionOrigins,
  policyVersionStatus: contracts.policyVersionStatuses,
  agentApprovalStatus: contracts.agentApprovalStatuses,
  agentFinalOutcome: contracts.agentFinalOutcomes,
  agentScreeningDirection: contracts.agentScreeningDirections,
  agentScreeningAction: contracts.agentScreeningActions,
  agentMetricBucket: contracts.agentMetricBuckets,
  effectivePolicySource: contracts.effectivePolicySources,
  policyChange: contracts.policyChangeKinds,
  modelScanOrigin: contracts.modelScanOrigins,
  modelScanStatus: contracts.modelScanStatuses,
  modelScanVerdict: contracts.modelScanVerdicts,
  modelScanFindingStatus: contracts.modelScanFindingStatuses,
  driftColumnKind: contracts.driftColumnKinds,
  driftColumnRole: contracts.driftColumnRoles,
  driftFormat: contracts.driftInputFormats,
  textDescriptor: contracts.textDescriptors,
  driftSampleRole: contracts.driftSampleRoles,
  driftSampleOrigin: contracts.driftSampleOrigins,
  driftReportStatus: contracts.driftReportStatuses,
  driftReportOrigin: contracts.driftReportOrigins,
  alertStatus: contracts.alertStatuses,
  metricState: contracts.metricStates,
  incidentStatus: contracts.incidentStatuses,
  incidentSeverity: contracts.incidentSeverities,
  incidentLinkKind: contracts.incidentLinkKinds,
  incidentTimelineKind: contracts.incidentTimelineKinds,
  communicationAudience: contracts.communicationAudiences,
  communicationChannel: contracts.communicationChannels,
  concernStatus: contracts.concernStatuses,
  concernChannel: contracts.concernChannels,
  objectiveMeasureKind: contracts.objectiveMeasureKinds,
  objectiveDirection: contracts.objectiveDirections,
  objectiveStatus: contracts.objectiveStatuses,
  objectiveState: contracts.objectiveStates,
  objectiveProgressSource: contracts.objectiveProgressSources,
  competenceAppliesToKind: contracts.competenceAppliesToKinds,
  trainingGapKind: contracts.trainingGapKinds,
  trainingValidity: contracts.trainingValidities,
};

/** Exported enums that are never shown to people as values: sort keys, query switches, source keys. */
const neverShown = new Set(["archivedFilterSchema", "crosswalkSourceKeySchema", "systemImpactStateFilterSchema"]);

describe("enum labels", () => {
  it.each(Object.entries(covered))("%s has a label for every value and no other", (name, values) => {
    const labels = enumLabels[name as LabelledEnum] as Record<string, string>;
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) expect(labels[value]?.trim()).toBeTruthy();
  });

  it("covers every enum schema the contracts export", () => {
    const labelled = Object.values(covered).map((values) => [...values].sort().join("|"));
    const unlabelled = Object.entries(contracts)
      .filter(([name, value]) => value instanceof z.ZodEnum && !neverShown.has(name))
      .filter(([, value]) => {
        const options = [...(value as z.ZodEnum).options].map(String).sort().join("|");
        return !labelled.includes(options);
      })
      .map(([name]) => name);
    expect(unlabelled, "add labels for these enums to enumLabels in labels.ts, or list them in neverShown").toEqual([]);
  });

  it("reads labels by enum and value, falling back to the value when unknown", () => {
    expect(labelOf("riskStatus", "treating")).toBe("In treatment");
    expect(labelOf("effectiveStatus", "not_applicable")).toBe("Not applicable");
    expect(labelOrValue("documentStatus", "in_review")).toBe("In review");
    expect(labelOrValue("documentStatus", "toString")).toBe("toString");
    expect(enumOptions("impactTier")).toEqual([
      { value: "low", label: "Low" },
      { value: "medium", label: "Medium" },
      { value: "high", label: "High" },
    ]);
  });
});
