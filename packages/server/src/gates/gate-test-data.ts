import type { TestMember, TestServer } from "../testing/test-server.js";

/** Registers an AI system of an impact tier through the inventory API, in development; returns its id. */
export async function givenGateSystem(
  t: TestServer,
  member: TestMember,
  name: string,
  impactTier: "low" | "medium" | "high" = "medium",
): Promise<{ id: string; slug: string }> {
  const res = await t.call(member.token, {
    method: "POST",
    url: `/api/v1/orgs/${member.orgId}/systems`,
    payload: {
      name,
      ourRole: "provider",
      impactTier,
      highImpactReasons: impactTier === "high" ? ["eligibility"] : [],
      lifecycleStage: "development",
      dataCategories: ["personal"],
      capabilities: ["llm"],
      autonomy: "human_in_the_loop",
      customerFacing: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(`creating system '${name}' failed: ${res.statusCode} ${res.body}`);
  return { id: res.json().id, slug: res.json().slug };
}

/** Replaces the organisation's checklist for a stage and tier. */
export async function givenChecklist(
  t: TestServer,
  member: TestMember,
  stage: string,
  tier: string,
  checks: object[],
): Promise<void> {
  const res = await t.call(member.token, {
    method: "PUT",
    url: `/api/v1/orgs/${member.orgId}/gate-checklists`,
    payload: { stage, impactTier: tier, checks },
  });
  if (res.statusCode !== 200) throw new Error(`checklist failed: ${res.statusCode} ${res.body}`);
}

/** Starts, fills and submits an impact assessment of the system through the API; `approver`, another member, approves it. */
export async function givenApprovedAssessment(
  t: TestServer,
  member: TestMember,
  approver: TestMember,
  systemId: string,
  content: object,
) {
  const base = `/api/v1/orgs/${member.orgId}`;
  const call = (method: "POST" | "PATCH", url: string, payload: object) =>
    t.call(member.token, { method, url: `${base}${url}`, payload });
  const draft = (await call("POST", `/systems/${systemId}/impact-assessments`, {})).json();
  const edited = (await call("PATCH", `/impact-assessments/${draft.id}`, { content, version: draft.version })).json();
  const submitted = (await call("POST", `/impact-assessments/${draft.id}/submit`, { version: edited.version })).json();
  const approved = await t.call(approver.token, {
    method: "POST",
    url: `${base}/impact-assessments/${draft.id}/approve`,
    payload: { contentHash: submitted.contentHash, version: submitted.version },
  });
  if (approved.statusCode !== 200) throw new Error(`approval failed: ${approved.statusCode} ${approved.body}`);
  return approved.json();
}
