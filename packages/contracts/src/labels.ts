import type {
  actionClasses,
  actionKinds,
  agentApprovalStatuses,
  decisionOrigins,
  decisionOutcomes,
  policyVersionStatuses,
} from "./agents/agent-attributes.js";
import type {
  agentFinalOutcomes,
  agentMetricBuckets,
  agentScreeningActions,
  agentScreeningDirections,
} from "./agents/agent-decision-schemas.js";
import type { effectivePolicySources, policyChangeKinds } from "./agents/agent-policy-schemas.js";
import type { approverRoles } from "./agents/policy-document.js";
import type { actorTypes } from "./audit.js";
import type { changeKinds } from "./changes/change-kinds.js";
import type { changeRiskImpacts, changeStatuses } from "./changes/change-schemas.js";
import type { roles, tokenScopes } from "./common.js";
import type {
  competenceAppliesToKinds,
  trainingGapKinds,
  trainingValidities,
} from "./competence/competence-attributes.js";
import type {
  applicabilityStates,
  controlKinds,
  effectiveStatuses,
  evidenceStates,
  implementationStatuses,
  soaIssueKinds,
} from "./controls/control-attributes.js";
import type {
  documentKinds,
  documentStatuses,
  documentTemplateIds,
  documentVersionActions,
  documentVersionStatuses,
} from "./documents/document-kinds.js";
import type {
  aimsProcesses,
  raciGaps,
  raciRoles,
  responsibilitySubjectTypes,
} from "./documents/responsibility-schemas.js";
import type { driftColumnKinds, driftColumnRoles, driftInputFormats, textDescriptors } from "./drift/drift-report.js";
import type {
  driftReportOrigins,
  driftReportStatuses,
  driftSampleOrigins,
  driftSampleRoles,
} from "./drift/drift-schemas.js";
import type {
  evidenceKinds,
  evidenceSources,
  evidenceTargetTypes,
  evidenceValidityStates,
  validityBases,
} from "./evidence/evidence-attributes.js";
import type { exportFormats } from "./exports.js";
import type { gateCheckKinds } from "./gates/gate-checks.js";
import type { gateOverrideStatuses, gateResults } from "./gates/gate-schemas.js";
import type {
  impactAssessmentStatuses,
  impactDimensionKeys,
  impactLikelihoods,
  impactOutcomes,
  impactReviewActions,
  impactScopes,
  impactSeverities,
  impactStartSources,
  residualConcernLevels,
  systemImpactStates,
} from "./impact-assessments/impact-scales.js";
import type { concernChannels, concernStatuses } from "./incidents/concern-schemas.js";
import type {
  communicationAudiences,
  communicationChannels,
  incidentLinkKinds,
  incidentSeverities,
  incidentStatuses,
  incidentTimelineKinds,
} from "./incidents/incident-attributes.js";
import type {
  auditedRecordKinds,
  auditFrequencies,
  auditResults,
  checklistRequirementKinds,
  internalAuditStatuses,
} from "./internal-audits/internal-audit-attributes.js";
import type { assetKinds } from "./inventory/asset-schemas.js";
import type { importActions, importFormats } from "./inventory/import-schemas.js";
import type { modelApproaches } from "./inventory/model-card-schema.js";
import type {
  autonomyLevels,
  dataCategories,
  highImpactReasons,
  impactTiers,
  lifecycleStages,
  systemCapabilities,
  systemRoles,
} from "./inventory/system-attributes.js";
import type { customerDataTrainingOptions, yesNoUnknown } from "./inventory/vendor-schemas.js";
import type { invitationStatuses } from "./invitations.js";
import type { managementReviewStatuses, reviewActionStatuses } from "./management-reviews/review-attributes.js";
import type { ReviewInputKey } from "./management-reviews/review-inputs.js";
import type {
  alertKinds,
  alertLevels,
  alertStatuses,
  anomalyDetectors,
  metricDirections,
  metricSources,
  metricStates,
} from "./monitoring/metric-attributes.js";
import type {
  correctiveActionStatuses,
  effectivenessResults,
  improvementSources,
  improvementStatuses,
  nonconformitySeverities,
  nonconformitySources,
  nonconformityStatuses,
  rootCauseMethods,
} from "./nonconformities/nonconformity-attributes.js";
import type { myWorkGroups } from "./notifications/my-work-schemas.js";
import type { eventNotificationKinds } from "./notifications/notification-schemas.js";
import type { webhookDeliveryStatuses, webhookEvents } from "./notifications/webhook-schemas.js";
import type {
  objectiveDirections,
  objectiveMeasureKinds,
  objectiveProgressSources,
  objectiveStates,
  objectiveStatuses,
} from "./objectives/objective-attributes.js";
import type {
  RedteamCategory,
  RedteamSeverity,
  redteamFindingStatuses,
  redteamScanOrigins,
  redteamScanStatuses,
  redteamVerdicts,
} from "./redteam/redteam-attributes.js";
import type { reminderKinds } from "./reminders/reminder-kinds.js";
import type { jobStatuses, reminderOccasionKinds } from "./reminders/reminder-schemas.js";
import type { riskRatings, riskStatuses, treatmentOptions } from "./risks/risk-ratings.js";
import type { riskAcceptanceStates, riskStatusFilters } from "./risks/risk-register.js";
import type { threatProposalStatuses } from "./risks/threat-proposals.js";
import type { treatmentActionStatuses } from "./risks/treatment-actions.js";
import type { ssoDomainStatuses } from "./sso.js";
import type { licenceFlags, licenceVerdicts } from "./supply-chain/licence-schemas.js";
import type { modelFileStatuses, modelFormats, signatureStatuses } from "./supply-chain/model-scan-report.js";
import type {
  modelScanFindingStatuses,
  modelScanOrigins,
  modelScanStatuses,
  modelScanVerdicts,
} from "./supply-chain/model-scan-schemas.js";

/** The values of a `[...] as const` list. */
type Of<T extends readonly string[]> = T[number];

/**
 * Display text for every enum value in the contracts: the web UI, exports (CSV, XLSX, PDF) and
 * validation messages all read these, so a value is called the same everywhere. Keys stay stable
 * ids (`not_applicable`); only the text here is shown to people. Each map is typed as a `Record`
 * over its enum, so adding a value to an enum fails the type check until it has a label.
 */
export const enumLabels = {
  // Members and access
  role: {
    owner: "Owner",
    admin: "Admin",
    compliance_manager: "Compliance manager",
    contributor: "Contributor",
    auditor: "Auditor",
    viewer: "Viewer",
  } satisfies Record<Of<typeof roles>, string>,
  tokenScope: { read: "Read only", write: "Read and write" } satisfies Record<Of<typeof tokenScopes>, string>,
  tokenStatus: { active: "Active", revoked: "Revoked", expired: "Expired" },
  invitationStatus: {
    pending: "Pending",
    accepted: "Accepted",
    revoked: "Revoked",
    expired: "Expired",
  } satisfies Record<Of<typeof invitationStatuses>, string>,
  ssoDomainStatus: {
    verified: "Verified",
    pending: "Awaiting verification",
    taken_over: "Taken over",
  } satisfies Record<Of<typeof ssoDomainStatuses>, string>,
  actorType: { user: "Person", token: "API token", system: "System" } satisfies Record<Of<typeof actorTypes>, string>,
  recordStatus: { active: "Active", archived: "Archived" },

  // Inventory
  systemRole: { provider: "Provider", deployer: "Deployer", user: "User" } satisfies Record<
    Of<typeof systemRoles>,
    string
  >,
  lifecycleStage: {
    planned: "Planned",
    design: "Design",
    development: "Development",
    validation: "Validation",
    deployment: "Deployment",
    operation: "In operation",
    retired: "Retired",
  } satisfies Record<Of<typeof lifecycleStages>, string>,
  impactTier: { low: "Low", medium: "Medium", high: "High" } satisfies Record<Of<typeof impactTiers>, string>,
  highImpactReason: {
    eligibility: "Decides eligibility (jobs, credit, housing, benefits, education)",
    financial: "Moves or commits money",
    security_access: "Grants or removes security access",
    safety: "Can affect physical safety",
    regulated_data: "Processes regulated data",
  } satisfies Record<Of<typeof highImpactReasons>, string>,
  dataCategory: {
    personal: "Personal data",
    sensitive_personal: "Sensitive personal data",
    children: "Children's data",
    biometric: "Biometric data",
    health: "Health data",
    financial: "Financial data",
    confidential_business: "Confidential business data",
    public: "Public data",
    synthetic: "Synthetic data",
  } satisfies Record<Of<typeof dataCategories>, string>,
  autonomyLevel: {
    advisory: "Advisory",
    human_in_the_loop: "Human in the loop",
    human_on_the_loop: "Human on the loop",
    autonomous: "Autonomous",
  } satisfies Record<Of<typeof autonomyLevels>, string>,
  systemCapability: {
    llm: "Uses a large language model",
    agent_tools: "Calls tools or takes actions (agent)",
    retrieval: "Reads outside content into prompts (RAG, web, e-mail, files)",
    trains_models: "Trains or fine-tunes models",
    predictive_ml: "Predictive machine learning",
    automated_decisions: "Makes automated decisions about people",
    public_api: "Offers a public API",
    vendor_model: "Relies on a vendor's model",
  } satisfies Record<Of<typeof systemCapabilities>, string>,
  assetKind: {
    model: "Model",
    dataset: "Dataset",
    prompt: "Prompt",
    agent: "Agent",
    tool: "Tool or connector",
    vendor_service: "Vendor AI service",
  } satisfies Record<Of<typeof assetKinds>, string>,
  yesNoUnknown: { yes: "Yes", no: "No", unknown: "Unknown" } satisfies Record<Of<typeof yesNoUnknown>, string>,
  customerDataTraining: {
    yes: "Yes",
    no: "No",
    opt_out: "Yes, unless switched off (opt-out)",
    unknown: "Unknown",
  } satisfies Record<Of<typeof customerDataTrainingOptions>, string>,
  importFormat: { csv: "CSV", xlsx: "Excel (XLSX)" } satisfies Record<Of<typeof importFormats>, string>,
  importAction: {
    create: "New",
    update: "Changes",
    unchanged: "No change",
    invalid: "Has errors",
  } satisfies Record<Of<typeof importActions>, string>,
  exportFormat: { csv: "CSV", xlsx: "Excel (XLSX)", pdf: "PDF" } satisfies Record<Of<typeof exportFormats>, string>,
  changeKind: {
    model_version: "New model version",
    retraining: "Retraining",
    prompt_or_configuration: "Prompt or configuration",
    vendor_model: "Vendor model change",
    new_tool_or_connector: "New tool or connector",
    new_data_source: "New data source",
    other: "Other",
  } satisfies Record<Of<typeof changeKinds>, string>,
  changeStatus: { requested: "Requested", approved: "Approved", rejected: "Rejected" } satisfies Record<
    Of<typeof changeStatuses>,
    string
  >,
  changeRiskImpact: {
    not_assessed: "Not assessed",
    none: "None",
    low: "Low",
    medium: "Medium",
    high: "High",
  } satisfies Record<Of<typeof changeRiskImpacts>, string>,
  metricDirection: { lower_is_better: "Better when lower", higher_is_better: "Better when higher" } satisfies Record<
    Of<typeof metricDirections>,
    string
  >,
  alertLevel: { warning: "Warning", critical: "Critical" } satisfies Record<Of<typeof alertLevels>, string>,
  alertKind: { breach: "Threshold breach", missing_data: "Missing data", anomaly: "Anomaly" } satisfies Record<
    Of<typeof alertKinds>,
    string
  >,
  metricSource: {
    pushed: "Pushed",
    telemetry: "From telemetry",
    anomaly: "Anomaly detection",
    drift: "Drift report",
    agent_decisions: "Agent decisions",
  } satisfies Record<Of<typeof metricSources>, string>,
  driftColumnKind: { numeric: "Numeric", categorical: "Categorical", text: "Text" } satisfies Record<
    Of<typeof driftColumnKinds>,
    string
  >,
  driftColumnRole: { feature: "Feature", target: "Target (label)", prediction: "Prediction" } satisfies Record<
    Of<typeof driftColumnRoles>,
    string
  >,
  driftFormat: { csv: "CSV", parquet: "Parquet", jsonl: "JSON Lines" } satisfies Record<
    Of<typeof driftInputFormats>,
    string
  >,
  textDescriptor: {
    length: "Length",
    non_ascii_share: "Share of non-ASCII characters",
    pii: "Personal data share",
    language: "Language",
  } satisfies Record<Of<typeof textDescriptors>, string>,
  driftSampleRole: { reference: "Reference", current: "Current" } satisfies Record<Of<typeof driftSampleRoles>, string>,
  driftSampleOrigin: { upload: "Uploaded", telemetry: "From telemetry" } satisfies Record<
    Of<typeof driftSampleOrigins>,
    string
  >,
  driftReportStatus: { running: "Running", completed: "Completed", failed: "Failed" } satisfies Record<
    Of<typeof driftReportStatuses>,
    string
  >,
  driftReportOrigin: { upload: "Uploaded", server: "Computed on the server" } satisfies Record<
    Of<typeof driftReportOrigins>,
    string
  >,
  anomalyDetector: {
    volume_spike: "Request spike",
    volume_shift: "Request level shift",
    error_spike: "Error spike",
    latency_shift: "Latency shift",
    injection_markers: "Prompt-injection markers",
    refusal_burst: "Burst of refusals",
    tool_sequence: "Unusual tool-call sequence",
    exfiltration: "Data-exfiltration pattern",
  } satisfies Record<Of<typeof anomalyDetectors>, string>,
  // AI supply chain
  modelFormat: {
    pickle: "Python pickle",
    pytorch_zip: "PyTorch checkpoint",
    pytorch_legacy: "PyTorch checkpoint (legacy)",
    joblib: "joblib",
    numpy_npy: "NumPy array",
    numpy_npz: "NumPy archive",
    keras_zip: "Keras model",
    keras_h5: "Keras model (HDF5)",
    tf_savedmodel: "TensorFlow SavedModel",
    onnx: "ONNX",
    safetensors: "safetensors",
    gguf: "GGUF",
    archive: "Archive",
    model_card: "Model card",
    signature: "Signature",
    text: "Text",
    unknown: "Unknown format",
  } satisfies Record<Of<typeof modelFormats>, string>,
  modelFileStatus: { scanned: "Scanned", failed: "Could not be read", skipped: "Skipped (limit)" } satisfies Record<
    Of<typeof modelFileStatuses>,
    string
  >,
  signatureStatus: {
    unsigned: "Unsigned",
    verified: "Signature verified",
    failed: "Signature check failed",
    not_checked: "Not checked",
  } satisfies Record<Of<typeof signatureStatuses>, string>,
  modelScanOrigin: { cli: "Uploaded report", server: "Scanned on the server" } satisfies Record<
    Of<typeof modelScanOrigins>,
    string
  >,
  modelScanStatus: { completed: "Completed", partial: "Partial", failed: "Failed" } satisfies Record<
    Of<typeof modelScanStatuses>,
    string
  >,
  modelScanVerdict: {
    unsafe: "Unsafe",
    review: "Needs review",
    incomplete: "Incomplete",
    clean: "No unsafe content",
  } satisfies Record<Of<typeof modelScanVerdicts>, string>,
  modelScanFindingStatus: {
    open: "Open",
    risk_raised: "Risk raised",
    nonconformity_raised: "Nonconformity raised",
    dismissed: "Dismissed",
  } satisfies Record<Of<typeof modelScanFindingStatuses>, string>,
  licenceFlag: {
    non_commercial: "Non-commercial only",
    research_only: "Research only",
    user_count_limit: "User-count limit",
    use_restrictions: "Use restrictions",
    acceptable_use_policy: "Acceptable use policy",
    no_derivatives: "No derivatives",
    share_alike: "Share alike",
    attribution: "Attribution required",
    unknown: "Unknown licence",
  } satisfies Record<Of<typeof licenceFlags>, string>,
  licenceVerdict: { allowed: "Allowed", review: "Needs review", forbidden: "Forbidden" } satisfies Record<
    Of<typeof licenceVerdicts>,
    string
  >,
  actionClass: {
    read: "Read",
    write: "Write",
    financial: "Financial",
    external_communication: "External communication",
    code_execution: "Code execution",
    data_export: "Data export",
  } satisfies Record<Of<typeof actionClasses>, string>,
  approverRole: {
    approver: "Any approver",
    owner: "Owner",
    admin: "Admin",
    compliance_manager: "Compliance manager",
    contributor: "Contributor",
    auditor: "Auditor",
    viewer: "Viewer",
  } satisfies Record<Of<typeof approverRoles>, string>,
  policyDecision: { allow: "Allow", deny: "Deny", approval: "Needs approval" } satisfies Record<
    "allow" | "deny" | "approval",
    string
  >,
  decisionOutcome: {
    allow: "Allowed",
    deny: "Denied",
    approval_required: "Needs approval",
  } satisfies Record<Of<typeof decisionOutcomes>, string>,
  actionKind: { tool: "Tool call", resource: "Resource read", prompt: "Prompt" } satisfies Record<
    Of<typeof actionKinds>,
    string
  >,
  decisionOrigin: { api: "Decision API", gateway: "MCP gateway", guard: "Runtime guard" } satisfies Record<
    Of<typeof decisionOrigins>,
    string
  >,
  policyVersionStatus: {
    draft: "Draft",
    approved: "Approved",
    superseded: "Superseded",
    withdrawn: "Withdrawn",
  } satisfies Record<Of<typeof policyVersionStatuses>, string>,
  agentApprovalStatus: {
    pending: "Waiting",
    approved: "Approved",
    refused: "Refused",
    expired: "Expired",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof agentApprovalStatuses>, string>,
  agentFinalOutcome: { approved: "Approved", refused: "Refused", expired: "Expired" } satisfies Record<
    Of<typeof agentFinalOutcomes>,
    string
  >,
  agentScreeningDirection: { input: "Model input", output: "Model output" } satisfies Record<
    Of<typeof agentScreeningDirections>,
    string
  >,
  agentScreeningAction: { flagged: "Flagged", blocked: "Blocked" } satisfies Record<
    Of<typeof agentScreeningActions>,
    string
  >,
  agentMetricBucket: { hour: "Hour", day: "Day" } satisfies Record<Of<typeof agentMetricBuckets>, string>,
  effectivePolicySource: {
    agent: "The agent's own policy",
    organisation: "Organisation default",
    none: "No approved policy (everything denied)",
  } satisfies Record<Of<typeof effectivePolicySources>, string>,
  policyChange: { added: "Added", removed: "Removed", changed: "Changed" } satisfies Record<
    Of<typeof policyChangeKinds>,
    string
  >,
  modelApproach: {
    supervised: "Supervised",
    unsupervised: "Unsupervised",
    "reinforcement-learning": "Reinforcement learning",
    "semi-supervised": "Semi-supervised",
    "self-supervised": "Self-supervised",
  } satisfies Record<Of<typeof modelApproaches>, string>,
  alertStatus: { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved" } satisfies Record<
    Of<typeof alertStatuses>,
    string
  >,
  metricState: {
    within_bounds: "Within bounds",
    warning: "Warning",
    critical: "Critical",
    no_data: "No data yet",
  } satisfies Record<Of<typeof metricStates>, string>,
  incidentStatus: {
    reported: "Reported",
    triaged: "Triaged",
    contained: "Contained",
    resolved: "Resolved",
    closed: "Closed",
  } satisfies Record<Of<typeof incidentStatuses>, string>,
  incidentSeverity: { low: "Low", medium: "Medium", high: "High", critical: "Critical" } satisfies Record<
    Of<typeof incidentSeverities>,
    string
  >,
  incidentLinkKind: {
    risk: "Risk",
    change: "Change",
    alert: "Alert",
    nonconformity: "Nonconformity",
    corrective_action: "Corrective action",
    incident: "Incident",
  } satisfies Record<Of<typeof incidentLinkKinds>, string>,
  incidentTimelineKind: {
    note: "Note",
    status_change: "Status change",
    communication: "Communication",
    link: "Link",
  } satisfies Record<Of<typeof incidentTimelineKinds>, string>,
  communicationAudience: {
    customers: "Customers",
    regulators: "Regulators",
    authorities: "Other authorities",
    partners: "Partners and suppliers",
    staff: "Staff",
    other: "Other interested parties",
  } satisfies Record<Of<typeof communicationAudiences>, string>,
  communicationChannel: {
    email: "E-mail",
    phone: "Phone",
    letter: "Letter",
    meeting: "Meeting",
    website: "Website notice",
    portal: "Regulator's portal",
    other: "Other",
  } satisfies Record<Of<typeof communicationChannels>, string>,
  concernStatus: {
    new: "New",
    became_incident: "Became an incident",
    became_risk: "Became a risk",
    closed: "Closed",
  } satisfies Record<Of<typeof concernStatuses>, string>,
  concernChannel: { member: "From a member", anonymous: "Anonymous" } satisfies Record<
    Of<typeof concernChannels>,
    string
  >,
  gateCheckKind: {
    risk_review_recent: "Risks reviewed recently",
    impact_assessment_current: "Impact assessment approved and current",
    high_risks_accepted: "High risks treated or accepted",
    security_test_recent: "Recent security test without blocking findings",
    sign_offs: "Sign-offs",
  } satisfies Record<Of<typeof gateCheckKinds>, string>,
  gateResult: { passed: "Passed", failed: "Failed", overridden: "Passed by override" } satisfies Record<
    Of<typeof gateResults>,
    string
  >,
  gateOverrideStatus: {
    requested: "Awaiting approval",
    approved: "Approved",
    withdrawn: "Withdrawn",
  } satisfies Record<Of<typeof gateOverrideStatuses>, string>,

  // Risks
  riskRating: { low: "Low", medium: "Medium", high: "High", critical: "Critical" } satisfies Record<
    Of<typeof riskRatings>,
    string
  >,
  riskStatus: {
    identified: "Identified",
    assessed: "Assessed",
    treating: "In treatment",
    accepted: "Accepted",
    closed: "Closed",
  } satisfies Record<Of<typeof riskStatuses>, string>,
  riskStatusFilter: {
    active: "Active",
    open: "Open",
    identified: "Identified",
    assessed: "Assessed",
    treating: "In treatment",
    accepted: "Accepted",
    closed: "Closed",
    archived: "Archived",
    all: "All",
  } satisfies Record<Of<typeof riskStatusFilters>, string>,
  treatmentOption: {
    modify: "Modify (reduce with controls)",
    avoid: "Avoid (stop the activity)",
    share: "Share (transfer, e.g. contract or insurance)",
    retain: "Retain (keep as is)",
  } satisfies Record<Of<typeof treatmentOptions>, string>,
  riskAcceptanceState: {
    active: "Active",
    expired: "Expired",
    withdrawn: "Withdrawn",
  } satisfies Record<Of<typeof riskAcceptanceStates>, string>,
  threatProposalStatus: {
    proposed: "Proposed",
    accepted: "Accepted",
    dismissed: "Dismissed",
  } satisfies Record<Of<typeof threatProposalStatuses>, string>,
  treatmentActionStatus: {
    open: "Open",
    in_progress: "In progress",
    done: "Done",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof treatmentActionStatuses>, string>,

  // Controls and Statement of Applicability
  controlKind: { annex_a: "Annex A", custom: "Custom" } satisfies Record<Of<typeof controlKinds>, string>,
  implementationStatus: {
    not_started: "Not started",
    planned: "Planned",
    in_progress: "In progress",
    implemented: "Implemented",
  } satisfies Record<Of<typeof implementationStatuses>, string>,
  evidenceState: { missing: "No evidence", current: "Current", expired: "Expired" } satisfies Record<
    Of<typeof evidenceStates>,
    string
  >,
  effectiveStatus: {
    not_applicable: "Not applicable",
    not_started: "Not started",
    planned: "Planned",
    in_progress: "In progress",
    implemented: "Implemented",
    implemented_without_evidence: "Implemented, no evidence",
    evidence_expired: "Evidence expired",
  } satisfies Record<Of<typeof effectiveStatuses>, string>,
  applicabilityState: {
    applicable: "Applicable",
    not_applicable: "Not applicable",
    undecided: "Undecided",
  } satisfies Record<Of<typeof applicabilityStates>, string>,
  soaIssueKind: {
    undecided: "Applicability not decided",
    missing_justification: "Justification missing",
    excluded_treats_open_risk: "Excluded but treats an open risk",
  } satisfies Record<Of<typeof soaIssueKinds>, string>,

  // Evidence
  evidenceKind: { file: "File", link: "Link", record: "Record" } satisfies Record<Of<typeof evidenceKinds>, string>,
  evidenceSource: { manual: "Added by hand", api: "API", engine: "Collected automatically" } satisfies Record<
    Of<typeof evidenceSources>,
    string
  >,
  evidenceTargetType: {
    control: "Control",
    clause: "Clause",
    risk: "Risk",
    system: "AI system",
    asset: "Inventory asset",
  } satisfies Record<Of<typeof evidenceTargetTypes>, string>,
  evidenceValidityState: { current: "Current", expiring: "Expiring soon", expired: "Expired" } satisfies Record<
    Of<typeof evidenceValidityStates>,
    string
  >,
  validityBasis: {
    explicit: "Valid-until date",
    control_freshness: "Control's review interval",
    none: "No expiry",
  } satisfies Record<Of<typeof validityBases>, string>,

  // Documents and responsibilities
  documentKind: {
    aims_scope: "AIMS scope",
    ai_policy: "AI policy",
    policy: "Policy",
    procedure: "Procedure",
    risk_method: "Risk method",
    objectives: "Objectives",
    record: "Record",
    other: "Other",
  } satisfies Record<Of<typeof documentKinds>, string>,
  documentStatus: {
    draft: "Draft",
    in_review: "In review",
    approved: "Approved",
    retired: "Retired",
  } satisfies Record<Of<typeof documentStatuses>, string>,
  documentVersionStatus: {
    draft: "Draft",
    in_review: "In review",
    approved: "Approved",
    superseded: "Superseded",
    retired: "Retired",
  } satisfies Record<Of<typeof documentVersionStatuses>, string>,
  documentTemplateId: {
    ai_policy: "AI policy",
    ai_use_case_procedure: "AI use-case procedure",
  } satisfies Record<Of<typeof documentTemplateIds>, string>,
  documentVersionAction: {
    submit: "Submit for review",
    request_changes: "Request changes",
    approve: "Approve",
    supersede: "Supersede",
    retire: "Retire",
  } satisfies Record<Of<typeof documentVersionActions>, string>,
  aimsProcess: {
    aims_leadership: "AIMS leadership",
    risk_management: "Risk management",
    impact_assessment: "Impact assessment",
    document_control: "Document control",
    internal_audit: "Internal audit",
    management_review: "Management review",
    incident_management: "Incident management",
    change_management: "Change management",
    supplier_management: "Supplier management",
    data_management: "Data management",
    monitoring: "Monitoring",
    competence_and_training: "Competence and training",
    concern_reporting: "Concern reporting",
  } satisfies Record<Of<typeof aimsProcesses>, string>,
  raciRole: {
    responsible: "Responsible",
    accountable: "Accountable",
    consulted: "Consulted",
    informed: "Informed",
  } satisfies Record<Of<typeof raciRoles>, string>,
  responsibilitySubjectType: { system: "AI system", process: "Process" } satisfies Record<
    Of<typeof responsibilitySubjectTypes>,
    string
  >,
  raciGap: {
    no_accountable: "No one accountable",
    several_accountable: "More than one accountable",
    no_responsible: "No one responsible",
  } satisfies Record<Of<typeof raciGaps>, string>,

  // Impact assessments
  impactAssessmentStatus: {
    draft: "Draft",
    submitted: "Awaiting approval",
    approved: "Approved",
    superseded: "Superseded",
  } satisfies Record<Of<typeof impactAssessmentStatuses>, string>,
  systemImpactState: {
    none: "Not assessed",
    draft: "Draft",
    submitted: "Awaiting approval",
    approved: "Approved",
    stale: "Out of date",
  } satisfies Record<Of<typeof systemImpactStates>, string>,
  impactDimensionKey: {
    fairness: "Fairness",
    privacy: "Privacy",
    safety: "Safety",
    human_agency: "Autonomy and human agency",
    transparency: "Transparency and explainability",
    accessibility: "Accessibility",
    security: "Security",
    economic: "Economic and livelihood effects",
    environmental: "Environmental",
    custom: "Other effect",
  } satisfies Record<Of<typeof impactDimensionKeys>, string>,
  impactScope: { individuals: "Individuals", groups: "Groups", society: "Society" } satisfies Record<
    Of<typeof impactScopes>,
    string
  >,
  impactSeverity: {
    negligible: "Negligible",
    minor: "Minor",
    moderate: "Moderate",
    major: "Major",
    severe: "Severe",
  } satisfies Record<Of<typeof impactSeverities>, string>,
  impactLikelihood: {
    rare: "Rare",
    unlikely: "Unlikely",
    possible: "Possible",
    likely: "Likely",
    almost_certain: "Almost certain",
  } satisfies Record<Of<typeof impactLikelihoods>, string>,
  residualConcernLevel: { none: "None", low: "Low", medium: "Medium", high: "High" } satisfies Record<
    Of<typeof residualConcernLevels>,
    string
  >,
  impactOutcome: {
    acceptable: "Acceptable",
    acceptable_with_conditions: "Acceptable with conditions",
    not_acceptable: "Not acceptable",
  } satisfies Record<Of<typeof impactOutcomes>, string>,
  impactStartSource: {
    current_approved: "Copy of the approved assessment",
    blank: "Blank template",
  } satisfies Record<Of<typeof impactStartSources>, string>,
  impactReviewAction: {
    submitted: "Submitted",
    returned: "Returned for changes",
    approved: "Approved",
  } satisfies Record<Of<typeof impactReviewActions>, string>,

  // Red-team scans and findings
  redteamSeverity: {
    info: "Info",
    low: "Low",
    medium: "Medium",
    high: "High",
    critical: "Critical",
  } satisfies Record<RedteamSeverity, string>,
  redteamCategory: {
    direct_injection: "Direct prompt injection",
    indirect_injection: "Indirect prompt injection",
    system_prompt_leakage: "System prompt leakage",
    sensitive_data_exposure: "Sensitive data exposure",
    tool_misuse: "Tool misuse",
    authorization: "Authorization",
    unsafe_automation: "Unsafe automation",
    improper_output_handling: "Improper output handling",
    api_abuse: "API abuse",
  } satisfies Record<RedteamCategory, string>,
  redteamVerdict: {
    vulnerable: "Vulnerable",
    blocked: "Blocked by policy",
    not_observed: "Not observed",
    inconclusive: "Inconclusive",
    error: "Error",
  } satisfies Record<Of<typeof redteamVerdicts>, string>,
  redteamScanStatus: {
    running: "Running",
    completed: "Completed",
    failed: "Failed",
    partial: "Partial",
  } satisfies Record<Of<typeof redteamScanStatuses>, string>,
  redteamScanOrigin: { cli: "Uploaded (CLI)", web: "Run by the server" } satisfies Record<
    Of<typeof redteamScanOrigins>,
    string
  >,
  redteamFindingStatus: {
    open: "Open",
    risk_raised: "Risk raised",
    nonconformity_raised: "Nonconformity raised",
    dismissed: "Dismissed",
  } satisfies Record<Of<typeof redteamFindingStatuses>, string>,

  // Nonconformity and corrective action, improvement log
  nonconformitySource: {
    redteam_finding: "Red-team finding",
    model_scan_finding: "Model scan finding",
    incident: "Incident",
    alert: "Monitoring alert",
    audit: "Internal audit",
    manual: "Raised by hand",
  } satisfies Record<Of<typeof nonconformitySources>, string>,
  nonconformitySeverity: { minor: "Minor", major: "Major" } satisfies Record<
    Of<typeof nonconformitySeverities>,
    string
  >,
  nonconformityStatus: {
    open: "Open",
    action_planned: "Action planned",
    awaiting_check: "Awaiting effectiveness check",
    closed: "Closed",
  } satisfies Record<Of<typeof nonconformityStatuses>, string>,
  rootCauseMethod: {
    five_whys: "Five whys",
    fishbone: "Fishbone (cause and effect)",
    fault_tree: "Fault tree",
    other: "Other",
  } satisfies Record<Of<typeof rootCauseMethods>, string>,
  correctiveActionStatus: {
    open: "Open",
    in_progress: "In progress",
    done: "Done",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof correctiveActionStatuses>, string>,
  effectivenessResult: { effective: "Effective", not_effective: "Not effective" } satisfies Record<
    Of<typeof effectivenessResults>,
    string
  >,
  improvementSource: {
    manual: "Raised by hand",
    incident: "Incident",
    alert: "Monitoring alert",
    audit: "Internal audit",
    management_review: "Management review",
    nonconformity: "Nonconformity",
    concern: "Reported concern",
    other: "Other",
  } satisfies Record<Of<typeof improvementSources>, string>,
  improvementStatus: {
    proposed: "Proposed",
    planned: "Planned",
    done: "Done",
    declined: "Declined",
  } satisfies Record<Of<typeof improvementStatuses>, string>,

  // Internal audit
  auditFrequency: {
    monthly: "Monthly",
    quarterly: "Quarterly",
    semiannual: "Every six months",
    annual: "Annual",
  } satisfies Record<Of<typeof auditFrequencies>, string>,
  internalAuditStatus: {
    planned: "Planned",
    in_progress: "In progress",
    reporting: "Reporting",
    closed: "Closed",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof internalAuditStatuses>, string>,
  auditResult: {
    conforming: "Conforming",
    minor_nc: "Minor nonconformity",
    major_nc: "Major nonconformity",
    observation: "Observation",
    opportunity: "Opportunity for improvement",
  } satisfies Record<Of<typeof auditResults>, string>,
  checklistRequirementKind: { clause: "Clause", annex_a: "Annex A control" } satisfies Record<
    Of<typeof checklistRequirementKinds>,
    string
  >,
  auditedRecordKind: {
    ai_system: "AI system",
    control: "Control",
    document: "Document",
    risk: "Risk",
    treatment_action: "Treatment action",
    corrective_action: "Corrective action",
  } satisfies Record<Of<typeof auditedRecordKinds>, string>,

  // Readiness
  readinessSeverity: { high: "High", medium: "Medium", low: "Low" },
  coverageStatus: { covered: "Covered", partial: "Partly covered", gap: "Gap" },

  // My work and webhooks
  myWorkGroup: { overdue: "Overdue", this_week: "This week", later: "Later", undated: "No date" } satisfies Record<
    Of<typeof myWorkGroups>,
    string
  >,
  webhookEvent: { "reminder.due": "Reminder due", "webhook.test": "Test" } satisfies Record<
    Of<typeof webhookEvents>,
    string
  >,
  webhookDeliveryStatus: { pending: "Pending", delivered: "Delivered", failed: "Failed" } satisfies Record<
    Of<typeof webhookDeliveryStatuses>,
    string
  >,

  // Reminders and scheduled work
  reminderKind: {
    approval: "Approval waiting",
    corrective_action: "Corrective action",
    treatment_action: "Treatment action",
    review_action: "Management review action",
    evidence_expiry: "Evidence expiring",
    impact_assessment: "Impact assessment due",
    document_review: "Document review due",
    management_review: "Management review",
    gate_sign_off: "Gate sign-off",
    audit_item: "Audit checklist item",
    objective: "AI objective",
    training_expiry: "Training expiring",
    policy_acknowledgement: "AI policy to acknowledge",
    metric_missing_data: "Metric data missing",
    risk_review: "Risk review due",
    system_review: "AI system review due",
  } satisfies Record<Of<typeof reminderKinds>, string>,
  eventNotificationKind: { agent_approval: "Agent approval request" } satisfies Record<
    Of<typeof eventNotificationKinds>,
    string
  >,
  reminderOccasionKind: { due_soon: "Due soon", overdue: "Overdue", waiting: "Waiting" } satisfies Record<
    Of<typeof reminderOccasionKinds>,
    string
  >,
  jobStatus: { queued: "Queued", running: "Running", done: "Done", dead: "Given up" } satisfies Record<
    Of<typeof jobStatuses>,
    string
  >,

  // Management review
  managementReviewStatus: {
    planned: "Planned",
    in_progress: "In progress",
    closed: "Closed",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof managementReviewStatuses>, string>,
  reviewActionStatus: {
    open: "Open",
    in_progress: "In progress",
    done: "Done",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof reviewActionStatuses>, string>,
  reviewInputKey: {
    previousActions: "Actions from earlier reviews",
    externalInternalIssues: "External and internal issues",
    interestedParties: "Interested parties",
    nonconformities: "Nonconformities and corrective actions",
    monitoring: "Monitoring and measurement",
    audits: "Audit results",
    incidents: "Incidents",
    objectives: "AI objectives",
    competence: "Competence and awareness",
    risks: "Risks above the acceptance criteria",
    improvements: "Continual improvement",
  } satisfies Record<ReviewInputKey, string>,

  // AI objectives, competence and awareness
  objectiveMeasureKind: { manual: "Measured by hand", metric: "Monitored metric" } satisfies Record<
    Of<typeof objectiveMeasureKinds>,
    string
  >,
  objectiveDirection: {
    increase: "Reach at least the target",
    decrease: "Stay at or below the target",
  } satisfies Record<Of<typeof objectiveDirections>, string>,
  objectiveStatus: {
    active: "Active",
    achieved: "Achieved",
    missed: "Missed",
    cancelled: "Cancelled",
  } satisfies Record<Of<typeof objectiveStatuses>, string>,
  objectiveState: {
    on_track: "On track",
    at_risk: "At risk",
    achieved: "Target met",
    missed: "Target missed",
    no_data: "No reading yet",
  } satisfies Record<Of<typeof objectiveStates>, string>,
  objectiveProgressSource: { manual: "Entered by hand", metric: "From the metric" } satisfies Record<
    Of<typeof objectiveProgressSources>,
    string
  >,
  competenceAppliesToKind: { role: "Role", responsibility: "AIMS responsibility" } satisfies Record<
    Of<typeof competenceAppliesToKinds>,
    string
  >,
  trainingGapKind: { missing: "Not trained", expired: "Expired", expiring: "Expires within 30 days" } satisfies Record<
    Of<typeof trainingGapKinds>,
    string
  >,
  trainingValidity: { current: "Current", expiring: "Expires within 30 days", expired: "Expired" } satisfies Record<
    Of<typeof trainingValidities>,
    string
  >,
} as const;

/** The name of a labelled enum, e.g. `"riskStatus"`. */
export type LabelledEnum = keyof typeof enumLabels;

/** The values of a labelled enum, e.g. `EnumValue<"riskStatus">` is `"identified" | … | "closed"`. */
export type EnumValue<E extends LabelledEnum> = keyof (typeof enumLabels)[E] & string;

/** Display text of one enum value: `labelOf("riskStatus", "treating")` is "In treatment". */
export function labelOf<E extends LabelledEnum>(name: E, value: EnumValue<E>): string {
  return (enumLabels[name] as Record<string, string>)[value] ?? value;
}

/**
 * Display text of a value that arrives as a plain string (a filter from the URL, a stored value
 * of an older release): the label when the value is known, otherwise the value itself.
 */
export function labelOrValue(name: LabelledEnum, value: string): string {
  const labels = enumLabels[name] as Record<string, string>;
  return Object.hasOwn(labels, value) ? (labels[value] as string) : value;
}

/** Select options for an enum: stable key as value, label as text, in the map's order. */
export function enumOptions<E extends LabelledEnum>(name: E): { value: EnumValue<E>; label: string }[] {
  return Object.entries(enumLabels[name]).map(([value, label]) => ({ value: value as EnumValue<E>, label }));
}
