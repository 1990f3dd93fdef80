import type { RouteDef, RouteId } from "@openaims/contracts";
import { caseResult, scanSummary } from "../redteam/redteam-test-fixtures.js";
import type { TestMember, TestServer } from "./test-server.js";

/**
 * One real record of each governance kind in an organisation, keyed by the path parameter that names
 * it, so the route walk can put another organisation's record into our URL and expect 404.
 */
export async function governanceIds(t: TestServer, owner: TestMember): Promise<Record<string, string>> {
  const base = `/api/v1/orgs/${owner.orgId}`;
  const post = async (url: string, payload: object) => {
    const response = await t.call(owner.token, { method: "POST", url: `${base}${url}`, payload });
    if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const member = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .where("user_id", "=", owner.userId)
    .executeTakeFirstOrThrow();
  const system = await post("/systems", {
    name: "Route walk system",
    ourRole: "provider",
    impactTier: "low",
    autonomy: "advisory",
    capabilities: ["llm", "agent_tools"],
  });
  const vendor = await post("/vendors", { name: "Route walk vendor" });
  const asset = await post("/assets", { name: "Route walk model", kind: "model" });
  const risk = await post("/risks", { title: "Route walk risk", systemId: system.id });
  const action = await post(`/risks/${risk.id}/actions`, { title: "Route walk action" });
  const proposals = await post(`/systems/${system.id}/threat-model`, {});
  const control = await t.db
    .selectFrom("controls")
    .select("id")
    .where("org_id", "=", owner.orgId)
    .where("ref", "=", "A.2.2")
    .executeTakeFirstOrThrow();
  const evidence = await post("/evidence", { kind: "record", title: "Route walk evidence", body: "noted" });
  const link = await post(`/evidence/${evidence.id}/links`, { targetType: "clause", target: "4.1" });
  const document = await post("/documents", { title: "Route walk policy", kind: "policy" });
  const assignment = await post("/responsibilities", {
    subjectType: "process",
    process: "risk_management",
    memberId: member.id,
    raciRole: "responsible",
  });
  const assessment = await post(`/systems/${system.id}/impact-assessments`, {});
  const scan = await post("/redteam/scans", {
    system: system.id,
    summary: scanSummary([caseResult({ caseId: "PI-001.plain" }), caseResult({ caseId: "PI-002.plain" })]),
  });
  const [raised, finding] = (
    await t.call(owner.token, { method: "GET", url: `${base}/redteam/scans/${scan.id}` })
  ).json().findings;
  const nonconformity = await post(`/redteam/findings/${raised.id}/raise-nonconformity`, { version: 1 });
  return {
    systemId: system.id,
    vendorId: vendor.id,
    assetId: asset.id,
    riskId: risk.id,
    actionId: action.id ?? action.actions?.at(-1)?.id,
    proposalId: (proposals.proposals ?? proposals.items ?? [])[0]?.id,
    controlId: control.id,
    evidenceId: evidence.id,
    linkId: link.id ?? link.links?.at(-1)?.id,
    documentId: document.id,
    versionId: document.currentVersion?.id ?? document.versions?.[0]?.id ?? document.draft?.id,
    assignmentId: assignment.id,
    assessmentId: assessment.id,
    scanId: scan.id,
    findingId: finding.id,
    nonconformityId: nonconformity.nonconformity.id,
  };
}

const future = () => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/** Bodies valid enough to reach the record lookup, so a foreign id answers 404 rather than 400. */
const sampleBodies: Partial<Record<RouteId, () => Record<string, unknown>>> = {
  updateSystem: () => ({ name: "Renamed", version: 1 }),
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
  uploadRedteamReport: () => ({ html: "<p>report</p>" }),
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
