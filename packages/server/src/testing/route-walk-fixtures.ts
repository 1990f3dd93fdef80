import { createHash } from "node:crypto";
import type { RouteDef, RouteId } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { driftHtmlFixture, driftReportFixture } from "../drift/drift-test-fixtures.js";
import { maliciousReportFixture } from "../model-scans/model-scan-test-fixtures.js";
import { givenNotificationRecords } from "../notifications/notification-test-fixtures.js";
import { caseResult, scanSummary } from "../redteam/redteam-test-fixtures.js";
import type { TestMember, TestServer } from "./test-server.js";

/**
 * Ids of real records in one organisation, keyed by the path parameter that names them. A key of the
 * form `routeId.param` serves one route only, for a parameter whose record kind depends on the route
 * (`:versionId` is a document version, a scope version or an approved SoA).
 */
export type RouteWalkIds = Record<string, string>;

const reportHtml = "<p>Route walk report</p>";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const fixturesFile = "packages/server/src/testing/route-walk-fixtures.ts";

/**
 * The route's path with each `:param` replaced by the id the fixtures hold for it. A parameter without
 * an id is an error naming the route and what to add, so no case passes on a record that does not exist.
 */
export function walkPath(id: RouteId, route: RouteDef, ids: RouteWalkIds): string {
  return route.path.replace(/:(\w+)/g, (_, param: string) => {
    const value = ids[`${id}.${param}`] ?? ids[param];
    if (value) return value;
    throw new Error(
      `Route ${id} (${route.method} ${route.path}) has no fixture id for :${param}. ` +
        `Create a real record in routeWalkIds (${fixturesFile}) and return its id as "${param}", ` +
        `or as "${id}.${param}" when the record kind is particular to this route.`,
    );
  });
}

/**
 * The table each path parameter's record lives in, so the walk can check that an id it uses really is
 * a record of the organisation it claims to be from. `routeId.param` entries work as in RouteWalkIds.
 */
export const paramTables: Record<string, keyof Database> = {
  orgId: "organizations",
  memberId: "memberships",
  invitationId: "invitations",
  tokenId: "api_tokens",
  systemId: "ai_systems",
  vendorId: "vendors",
  assetId: "ai_assets",
  riskId: "risks",
  actionId: "risk_treatment_actions",
  proposalId: "threat_proposals",
  controlId: "controls",
  evidenceId: "evidence",
  linkId: "evidence_links",
  notificationId: "notifications",
  webhookId: "webhooks",
  documentId: "documents",
  versionId: "document_versions",
  "getSoaVersion.versionId": "soa_versions",
  assignmentId: "responsibility_assignments",
  assessmentId: "impact_assessments",
  scanId: "redteam_scans",
  findingId: "redteam_findings",
  nonconformityId: "nonconformities",
  correctiveActionId: "corrective_actions",
  improvementId: "improvements",
  changeId: "system_changes",
  incidentId: "incidents",
  incidentLinkId: "incident_links",
  concernId: "concerns",
  decisionId: "gate_decisions",
  overrideId: "gate_overrides",
  metricId: "metrics",
  alertId: "metric_alerts",
  priceId: "telemetry_prices",
  reportId: "drift_reports",
  objectiveId: "objectives",
  requirementId: "competence_requirements",
  trainingRecordId: "training_records",
  programmeId: "audit_programmes",
  auditId: "internal_audits",
  itemId: "audit_checklist_items",
  reviewId: "management_reviews",
  reviewActionId: "review_actions",
  modelScanId: "model_scans",
  modelFindingId: "model_scan_findings",
  approvalId: "agent_approvals",
  policyId: "agent_policies",
  "updateAgentPolicyVersion.versionId": "agent_policy_versions",
  "approveAgentPolicyVersion.versionId": "agent_policy_versions",
  "withdrawAgentPolicyVersion.versionId": "agent_policy_versions",
  "testAgentPolicyVersion.versionId": "agent_policy_versions",
};

/**
 * Path parameters that name a value rather than a record (a review input key), so the walk does not
 * look them up in a table; their fixture value is the same in every organisation.
 */
export const valueParams: ReadonlySet<string> = new Set(["inputKey", "sessionId", "token"]);

/** The table of a route's path parameter; throws naming the route when paramTables lacks it. */
export function paramTable(id: RouteId, param: string): keyof Database {
  const table = paramTables[`${id}.${param}`] ?? paramTables[param];
  if (table) return table;
  throw new Error(`Route ${id} has :${param}, which paramTables in ${fixturesFile} does not map to a table.`);
}

/**
 * One real record of each kind a route path names, created through the API in the owner's organisation,
 * so the route walk can put another organisation's record into our URL and expect 404.
 */
export async function routeWalkIds(t: TestServer, owner: TestMember): Promise<RouteWalkIds> {
  const base = `/api/v1/orgs/${owner.orgId}`;
  const send = async (method: "GET" | "POST", url: string, payload?: object) => {
    const response = await t.call(owner.token, { method, url: `${base}${url}`, payload });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const post = (url: string, payload: object) => send("POST", url, payload);
  const membershipOf = (userId: string) =>
    t.db
      .selectFrom("memberships")
      .select("id")
      .where("org_id", "=", owner.orgId)
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
  const ownerMember = await membershipOf(owner.userId);
  // A second member, so member routes act on someone other than the owner, with a token of their own.
  const extra = await t.addMember(owner.orgId, "viewer");
  const extraMember = await membershipOf(extra.userId);
  const notifications = await givenNotificationRecords(t.db, t.secrets, owner.orgId, ownerMember.id);
  const token = await t.db
    .selectFrom("api_tokens")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .where("user_id", "=", extra.userId)
    .executeTakeFirstOrThrow();
  const invite = await post("/invitations", {
    email: `invitee-${owner.orgId.slice(0, 8)}@example.com`,
    role: "viewer",
  });
  const system = await post("/systems", {
    name: "Route walk system",
    ourRole: "provider",
    impactTier: "low",
    autonomy: "advisory",
    capabilities: ["llm", "agent_tools"],
  });
  // The system is an agent: an action policy with draft versions.
  const agentPolicy = await post("/agent-policies", { systemId: system.id, title: "Route walk policy" });
  const agentPolicyVersion = await post(`/agent-policies/${agentPolicy.id}/versions`, { source: "default: deny\n" });
  // A second draft, so the policy's diff has two versions to compare.
  await post(`/agent-policies/${agentPolicy.id}/versions`, { source: "default: deny\ntools: {}\n" });
  const vendor = await post("/vendors", { name: "Route walk vendor" });
  const asset = await post("/assets", { name: "Route walk model", kind: "model" });
  await post(`/systems/${system.id}/asset-links`, { assetId: asset.id });
  const risk = await post("/risks", { title: "Route walk risk", systemId: system.id });
  const action = await post(`/risks/${risk.id}/actions`, { title: "Route walk action" });
  const threatModel = await post(`/systems/${system.id}/threat-model`, {});
  const [toAccept, toDismiss] = threatModel.created as { id: string }[];
  if (!toAccept || !toDismiss) throw new Error(`threat model proposed too few threats: ${JSON.stringify(threatModel)}`);
  const control = await t.db
    .selectFrom("controls")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .where("ref", "=", "A.2.2")
    .executeTakeFirstOrThrow();
  const controls = await t.db
    .selectFrom("controls")
    .select(["id as controlId", "version"])
    .where("org_id", "=", owner.orgId)
    .execute();
  await post("/controls/bulk-applicability", {
    items: controls,
    applicable: true,
    justification: "Every control applies in the route walk.",
  });
  const soa = await send("GET", "/soa");
  // The owner decided the controls, so segregation of duties has another member approve the SoA.
  const soaApprover = await t.addMember(owner.orgId, "compliance_manager");
  const approved = await t.call(soaApprover.token, {
    method: "POST",
    url: `${base}/soa/approve`,
    payload: { contentHash: soa.contentHash, changeSummary: "Route walk SoA" },
  });
  if (approved.statusCode !== 201) throw new Error(`SoA approval: ${approved.statusCode} ${approved.body}`);
  const soaVersion = approved.json();
  const evidence = await post("/evidence", { kind: "record", title: "Route walk evidence", body: "noted" });
  const link = await post(`/evidence/${evidence.id}/links`, { targetType: "clause", target: "4.1" });
  const document = await post("/documents", { title: "Route walk policy", kind: "policy" });
  const scope = await post("/scope", { content: { statement: "Route walk scope" } });
  const assignment = await post("/responsibilities", {
    subjectType: "process",
    process: "risk_management",
    memberId: ownerMember.id,
    raciRole: "responsible",
  });
  const assessment = await post(`/systems/${system.id}/impact-assessments`, {});
  const evidenceFile = await t.call(owner.token, {
    method: "POST",
    url: `${base}/evidence/files?filename=route-walk.txt`,
    headers: { "content-type": "text/plain" },
    payload: "route walk file",
  });
  if (evidenceFile.statusCode !== 201)
    throw new Error(`evidence file: ${evidenceFile.statusCode} ${evidenceFile.body}`);
  const summary = scanSummary([caseResult({ caseId: "PI-001.plain" }), caseResult({ caseId: "PI-002.plain" })]);
  summary.artifacts.push({ kind: "html", file: "report.html", sha256: sha256(reportHtml) });
  const scan = await post("/redteam/scans", { system: system.id, summary });
  const report = await t.call(owner.token, {
    method: "POST",
    url: `${base}/redteam/scans/${scan.id}/report`,
    headers: { "content-type": "text/html" },
    payload: reportHtml,
  });
  if (report.statusCode !== 200) throw new Error(`scan report: ${report.statusCode} ${report.body}`);
  const driftReport = await post("/drift-reports", {
    system: system.id,
    summary: driftReportFixture(["age", "income"], ["age"]),
    html: driftHtmlFixture,
  });
  const [raised, finding] = (await send("GET", `/redteam/scans/${scan.id}`)).findings as { id: string }[];
  if (!raised || !finding) throw new Error(`scan ${scan.id} recorded fewer than two findings`);
  const nonconformity = await post(`/redteam/findings/${raised.id}/raise-nonconformity`, { version: 1 });
  const correctiveAction = await post(`/nonconformities/${nonconformity.nonconformity.id}/actions`, {
    title: "Route walk corrective action",
  });
  const improvement = await post("/improvements", { title: "Route walk improvement", source: "manual" });
  const change = await post("/changes", { systemId: system.id, kind: "other", summary: "Route walk change" });
  const incident = await post("/incidents", {
    title: "Route walk incident",
    severity: "low",
    links: [{ kind: "risk", id: risk.id }],
  });
  await post("/concerns", { description: "Route walk concern about the system" });
  const concern = await t.db
    .selectFrom("concerns")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .executeTakeFirstOrThrow();
  // A passed gate decision (into design, whose default checklist is empty) and an override of a
  // failing gate, asked for by the owner so another member could approve it.
  const decision = await post(`/systems/${system.id}/gate/decisions`, { stage: "design" });
  await t.call(owner.token, {
    method: "PUT",
    url: `${base}/gate-checklists`,
    payload: { stage: "deployment", impactTier: "low", checks: [{ kind: "impact_assessment_current" }] },
  });
  const gateOverride = await post(`/systems/${system.id}/gate/overrides`, {
    stage: "deployment",
    reason: "Route walk override reason",
  });
  const metric = await post("/metrics", {
    systemId: system.id,
    name: "route_walk_rate",
    direction: "lower_is_better",
    warning: 1,
    critical: 2,
    cadenceMinutes: null,
  });
  const pushed = await post("/observations", {
    system: system.id,
    observations: [{ metric: "route_walk_rate", value: 5 }],
  });
  const price = await post("/telemetry/prices", {
    model: "route-walk-model*",
    inputPerMillion: 1,
    outputPerMillion: 2,
  });
  const objective = await post("/objectives", {
    title: "Route walk objective",
    measureKind: "manual",
    target: 90,
    direction: "increase",
  });
  const requirement = await post("/competence/requirements", {
    appliesToKind: "role",
    appliesTo: "contributor",
    competence: "Knows the route walk",
    course: "Route walk basics",
    renewalMonths: 12,
  });
  const trainingRecord = await post("/training-records", {
    memberId: ownerMember.id,
    course: "Route walk basics",
    completedOn: "2025-01-15",
  });
  // An audit programme and an audit under it with one checklist item; every auditor-role member is on its
  // team, so the role walk reaches the handlers an auditor may call.
  const programme = await post("/audit-programmes", {
    title: "Route walk programme",
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    frequency: "quarterly",
  });
  const auditors = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .where("role", "=", "auditor")
    .execute();
  const internalAudit = await post("/internal-audits", {
    title: "Route walk audit",
    programmeId: programme.id,
    scope: { controlIds: ["A.2.2"] },
    plannedStart: "2026-03-01",
    plannedEnd: "2026-03-31",
    leadAuditorMemberId: ownerMember.id,
    auditorMemberIds: auditors.map((auditor) => auditor.id),
  });
  // A management review with its pack compiled (so its pack PDF downloads) and one action.
  const review = await post("/management-reviews", { title: "Route walk review", scheduledFor: "2026-06-30" });
  await post(`/management-reviews/${review.id}/pack`, { version: review.version });
  const reviewAction = await post(`/management-reviews/${review.id}/actions`, { title: "Route walk review action" });
  // A model scan of the asset with two findings: one raised as a nonconformity, one left open for the actions.
  const modelScan = await post("/model-scans", {
    asset: asset.id,
    system: system.id,
    report: maliciousReportFixture(),
  });
  const [modelRaised, modelFinding] = (await send("GET", `/model-scans/${modelScan.id}`)).findings as { id: string }[];
  if (!modelRaised || !modelFinding) throw new Error("the model scan fixture recorded too few findings");
  await post(`/model-scans/findings/${modelRaised.id}/raise-nonconformity`, { version: 1 });
  // An agent's approval request, already refused, so a long-poll on it answers at once.
  const agentApproval = await post(`/agents/${system.id}/approvals`, {
    sessionId: "route-walk-session",
    call: { name: "send_email", arguments: {} },
    rule: "default",
    reason: "route walk",
    requirement: { role: "approver" },
  });
  await post(`/agent-approvals/${agentApproval.approval.id}/refuse`, { reason: "route walk refusal", version: 1 });
  return {
    orgId: owner.orgId,
    memberId: extraMember.id,
    ...notifications,
    invitationId: invite.invitation.id,
    tokenId: token.id,
    systemId: system.id,
    vendorId: vendor.id,
    assetId: asset.id,
    modelScanId: modelScan.id,
    modelFindingId: modelFinding.id,
    policyId: agentPolicy.id,
    "updateAgentPolicyVersion.versionId": agentPolicyVersion.id,
    "approveAgentPolicyVersion.versionId": agentPolicyVersion.id,
    "withdrawAgentPolicyVersion.versionId": agentPolicyVersion.id,
    "testAgentPolicyVersion.versionId": agentPolicyVersion.id,
    riskId: risk.id,
    actionId: action.id,
    "acceptThreatProposal.proposalId": toAccept.id,
    "dismissThreatProposal.proposalId": toDismiss.id,
    controlId: control.id,
    evidenceId: evidence.id,
    "downloadEvidenceFile.evidenceId": evidenceFile.json().id,
    linkId: link.id,
    documentId: document.id,
    versionId: document.versions[0].id,
    "updateScopeDraft.versionId": scope.workingVersion.id,
    "getSoaVersion.versionId": soaVersion.id,
    assignmentId: assignment.id,
    assessmentId: assessment.id,
    scanId: scan.id,
    reportId: driftReport.id,
    findingId: finding.id,
    nonconformityId: nonconformity.nonconformity.id,
    correctiveActionId: correctiveAction.id,
    improvementId: improvement.id,
    changeId: change.id,
    incidentId: incident.id,
    incidentLinkId: incident.links[0].id,
    concernId: concern.id,
    decisionId: decision.id,
    overrideId: gateOverride.id,
    metricId: metric.id,
    alertId: pushed.alerts[0].id,
    priceId: price.id,
    objectiveId: objective.id,
    requirementId: requirement.id,
    trainingRecordId: trainingRecord.id,
    programmeId: programme.id,
    auditId: internalAudit.id,
    itemId: internalAudit.items[0].id,
    reviewId: review.id,
    reviewActionId: reviewAction.id,
    inputKey: "previousActions",
    approvalId: agentApproval.approval.id,
    sessionId: "route-walk-session",
    token: "aims_approve_route-walk-unknown-link",
  };
}

const future = () => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/** Bodies valid enough to reach the record lookup, so a foreign id answers 404 rather than 400. */
const sampleBodies: Partial<Record<RouteId, () => Record<string, unknown>>> = {
  updateSystem: () => ({ name: "Renamed", version: 1 }),
  decideAgentAction: () => ({ sessionId: "route-walk-session", call: { name: "lookup_order" } }),
  markAgentSessionUntrusted: () => ({ source: "https://example.com/page" }),
  queueAgentApproval: () => ({
    sessionId: "route-walk-session",
    call: { name: "send_email" },
    rule: "default",
    reason: "route walk",
    requirement: {},
  }),
  approveAgentAction: () => ({ version: 1 }),
  refuseAgentAction: () => ({ reason: "route walk refusal", version: 1 }),
  linkSystemAsset: () => ({ assetId: "00000000-0000-4000-8000-000000000000" }),
  updateAsset: () => ({ name: "Renamed", version: 1 }),
  updateVendor: () => ({ name: "Renamed", version: 1 }),
  updateRisk: () => ({ version: 1 }),
  acceptRisk: () => ({ version: 1, rationale: "accepted for the route walk", expiresOn: future() }),
  createTreatmentAction: () => ({ title: "Route walk action" }),
  updateTreatmentAction: () => ({ version: 1 }),
  acceptThreatProposal: () => ({ version: 1 }),
  dismissThreatProposal: () => ({ version: 1, reason: "not relevant here" }),
  updateControl: () => ({ version: 1 }),
  linkControlRisk: () => ({ riskId: "00000000-0000-4000-8000-000000000000" }),
  updateDocument: () => ({ title: "Renamed", version: 1 }),
  startDocumentDraft: () => ({ version: 1 }),
  updateDocumentDraft: () => ({ body: "text", version: 1 }),
  submitDocumentVersion: () => ({ version: 1 }),
  requestDocumentChanges: () => ({ comment: "please revise", version: 1 }),
  approveDocumentVersion: () => ({ version: 1 }),
  retireDocumentVersion: () => ({ reason: "replaced by a newer policy", version: 1 }),
  updateScopeDraft: () => ({ version: 1 }),
  updateResponsibility: () => ({ raciRole: "informed", version: 1 }),
  updateEvidence: () => ({ version: 1 }),
  linkEvidence: () => ({ targetType: "clause", target: "4.1" }),
  updateImpactAssessment: () => ({ content: { context: {}, dimensions: [], conclusion: {} }, version: 1 }),
  submitImpactAssessment: () => ({ version: 1 }),
  returnImpactAssessment: () => ({ comment: "please revise", version: 1 }),
  approveImpactAssessment: () => ({ contentHash: "0".repeat(64), version: 1 }),
  raiseRiskFromFinding: () => ({ version: 1 }),
  raiseNonconformityFromFinding: () => ({ version: 1 }),
  dismissRedteamFinding: () => ({ reason: "not relevant here", version: 1 }),
  raiseRiskFromModelFinding: () => ({ version: 1 }),
  raiseNonconformityFromModelFinding: () => ({ version: 1 }),
  dismissModelFinding: () => ({ reason: "not relevant here", version: 1 }),
  raiseNonconformity: () => ({ title: "Route walk nonconformity", severity: "minor", source: "manual" }),
  updateNonconformity: () => ({ version: 1 }),
  createCorrectiveAction: () => ({ title: "Route walk action" }),
  updateCorrectiveAction: () => ({ version: 1 }),
  recordEffectivenessCheck: () => ({ version: 1, checkedOn: "2026-01-15", method: "sampled", result: "effective" }),
  createImprovement: () => ({ title: "Route walk improvement", source: "manual" }),
  updateImprovement: () => ({ version: 1 }),
  updateNotificationSettings: () => ({ emailReminders: true }),
  createWebhook: () => ({ url: "http://127.0.0.1:9/route-walk", events: ["reminder.due"] }),
  updateWebhook: () => ({ version: 1 }),
  rotateWebhookSecret: () => ({ version: 1 }),
  uploadRedteamReport: () => ({ html: "<p>report</p>" }),
  reviewRisk: () => ({ version: 1 }),
  recordChange: () => ({
    systemId: "00000000-0000-4000-8000-000000000000",
    kind: "other",
    summary: "Route walk change",
  }),
  approveChange: () => ({ version: 1 }),
  rejectChange: () => ({ version: 1, reason: "Route walk reason" }),
  updateIncident: () => ({ version: 1 }),
  transitionIncident: () => ({ to: "triaged", version: 1 }),
  addIncidentTimelineEntry: () => ({ body: "Route walk note" }),
  addIncidentCommunication: () => ({
    audience: "customers",
    recipient: "Route walk customers",
    communicatedAt: "2026-01-15T10:00:00Z",
    channel: "email",
    summary: "Told them",
  }),
  addIncidentLink: () => ({ kind: "risk", targetId: "00000000-0000-4000-8000-000000000000" }),
  raiseIncidentFromConcern: () => ({ title: "Route walk incident", severity: "low" }),
  raiseRiskFromConcern: () => ({ title: "Route walk risk" }),
  closeConcern: () => ({ reason: "Route walk reason" }),
  decideGate: () => ({ stage: "design" }),
  signOffGate: () => ({ stage: "deployment" }),
  requestGateOverride: () => ({ stage: "deployment", reason: "Route walk override reason" }),
  approveGateOverride: () => ({ version: 1 }),
  withdrawGateOverride: () => ({ version: 1 }),
  createMetric: () => ({
    systemId: "00000000-0000-4000-8000-000000000000",
    name: "route_walk_metric",
    direction: "lower_is_better",
    warning: null,
    critical: null,
    cadenceMinutes: null,
  }),
  updateMetric: () => ({
    name: "route_walk_rate",
    direction: "lower_is_better",
    warning: 1,
    critical: 2,
    cadenceMinutes: null,
    version: 1,
  }),
  pushObservations: () => ({
    system: "00000000-0000-4000-8000-000000000000",
    observations: [{ metric: "route_walk_rate", value: 1 }],
  }),
  acknowledgeAlert: () => ({ version: 1 }),
  updateTelemetrySettings: () => ({
    systemAttribute: "service.name",
    callerAttribute: "enduser.id",
    spanRetentionHours: 24,
    version: 1,
  }),
  updateSystemTelemetrySettings: () => ({
    serviceName: null,
    captureContent: false,
    contentRetentionDays: 30,
    version: 1,
  }),
  createTelemetryPrice: () => ({ model: "route-walk-other", inputPerMillion: 1, outputPerMillion: 2 }),
  updateTelemetryPrice: () => ({ model: "route-walk-model*", inputPerMillion: 1, outputPerMillion: 2, version: 1 }),
  deleteTelemetryPrice: () => ({ version: 1 }),
  resolveAlert: () => ({ version: 1 }),
  updateObjective: () => ({ version: 1 }),
  recordObjectiveProgress: () => ({ source: "manual", value: 1 }),
  updateCompetenceRequirement: () => ({ version: 1 }),
  updateTrainingRecord: () => ({ version: 1 }),
  scheduleManagementReview: () => ({ title: "Route walk review", scheduledFor: "2026-06-30" }),
  updateManagementReview: () => ({ version: 1 }),
  transitionManagementReview: () => ({ to: "in_progress", version: 1 }),
  compileManagementReviewPack: () => ({ version: 1 }),
  putManagementReviewDecision: () => ({ decision: "Route walk decision" }),
  createReviewAction: () => ({ title: "Route walk review action" }),
  updateReviewAction: () => ({ version: 1 }),
  createAuditProgramme: () => ({
    title: "Route walk programme",
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    frequency: "annual",
  }),
  updateAuditProgramme: () => ({ version: 1 }),
  updateInternalAudit: () => ({ version: 1 }),
  transitionInternalAudit: () => ({ version: 1, to: "in_progress" }),
  updateChecklistItem: () => ({ version: 1 }),
  setChecklistItemEvidence: () => ({ version: 1, evidenceIds: [] }),
  raiseNonconformityFromAuditItem: () => ({ version: 1 }),
  logImprovementFromAuditItem: () => ({ version: 1 }),
  createAgentPolicy: () => ({ systemId: "00000000-0000-4000-8000-000000000000", title: "Route walk policy" }),
  validateAgentPolicy: () => ({ source: "default: deny\n", systemId: null }),
  createAgentPolicyVersion: () => ({ source: "default: deny\n", changeNote: "" }),
  updateAgentPolicyVersion: () => ({ version: 1 }),
  approveAgentPolicyVersion: () => ({ version: 1 }),
  withdrawAgentPolicyVersion: () => ({ version: 1 }),
  testAgentPolicyVersion: () => ({ trace: "" }),
};

/** A body for a route walk request that should get past validation. */
export function sampleBody(id: RouteId, route: RouteDef): Record<string, unknown> | undefined {
  if (!route.body && !route.upload) return undefined;
  const sample = sampleBodies[id];
  if (sample) return sample();
  if (route.path.endsWith("/archive")) return { reason: "leaving the team", version: 1 };
  if (route.path.endsWith("/revoke")) return { version: 1 };
  if (route.method === "PATCH" && route.path.includes(":memberId")) return { role: "viewer", version: 1 };
  return {};
}
