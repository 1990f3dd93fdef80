import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenApprovedAssessment, givenGateSystem } from "../gates/gate-test-data.js";
import { completeContent } from "../impact-assessments/impact-assessment-test-data.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

interface Check {
  kind: string;
  passed: boolean;
  finding: string;
}

describe("a material change re-arms the release gate", () => {
  let t: TestServer;
  let owner: TestMember;
  let compliance: TestMember;
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    t.call(owner.token, { method, url: `/api/v1/orgs/${owner.orgId}${url}`, payload });
  const checks = async (systemId: string) => {
    const res = await call("GET", `/systems/${systemId}/gate?stage=deployment`);
    expect(res.statusCode, res.body).toBe(200);
    const found = (res.json().checks as Check[]).filter((c) =>
      ["impact_assessment_current", "risk_review_recent"].includes(c.kind),
    );
    return Object.fromEntries(found.map((c) => [c.kind, c]));
  };

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Re-arm");
    compliance = await t.addMember(owner.orgId, "compliance_manager");
  });
  afterAll(() => t.close());

  it("fails the assessment checks after a material change until the risk is reviewed and the system reassessed", async () => {
    const system = await givenGateSystem(t, owner, "Claims helper", "high");
    await givenApprovedAssessment(t, owner, compliance, system.id, completeContent());
    const risk = (await call("POST", "/risks", { title: "Denies valid claims", systemId: system.id })).json();
    const before = await checks(system.id);
    expect(before.impact_assessment_current?.passed).toBe(true);
    expect(before.risk_review_recent?.passed).toBe(true);

    const recorded = await call("POST", "/changes", {
      systemId: system.id,
      kind: "retraining",
      summary: "Retrained on last quarter's claims",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const after = await checks(system.id);
    expect(after.impact_assessment_current).toMatchObject({ passed: false });
    expect(after.impact_assessment_current?.finding).toContain("stale");
    expect(after.risk_review_recent).toMatchObject({ passed: false });
    expect(after.risk_review_recent?.finding).toContain(risk.ref);

    const flagged = (await call("GET", `/risks/${risk.id}`)).json();
    const reviewed = await call("POST", `/risks/${risk.id}/review`, { version: flagged.version });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await checks(system.id)).risk_review_recent?.passed).toBe(true);
    await givenApprovedAssessment(t, owner, compliance, system.id, completeContent());
    expect((await checks(system.id)).impact_assessment_current?.passed).toBe(true);

    const change = (await call("GET", `/changes/${recorded.json().id}`)).json();
    expect(change.sentForReview.risks[0]).toMatchObject({ id: risk.id, awaitingReview: false });
    expect(change.sentForReview.impactAssessment).toMatchObject({ stillStale: false });
  });
});
