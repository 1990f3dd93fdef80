import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("readiness", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Ready");
    other = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  const readiness = async (member: TestMember, orgId = member.orgId) =>
    t.call(member.token, { method: "GET", url: `/api/v1/orgs/${orgId}/readiness` });

  it("covers every clause and every Annex A area of a new organisation, and lists what to do", async () => {
    const response = await readiness(owner);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.clauses).toHaveLength(43);
    expect(body.areas.map((a: { id: string }) => a.id)).toEqual([
      "A.2",
      "A.3",
      "A.4",
      "A.5",
      "A.6",
      "A.7",
      "A.8",
      "A.9",
      "A.10",
    ]);
    expect(body.areas.flatMap((a: { controls: unknown[] }) => a.controls)).toHaveLength(38);
    const actions: string[] = body.gaps.map((g: { action: string }) => g.action);
    expect(actions).toContain("Approve an AI policy document");
    expect(actions).toContain("Decide whether A.6.2.4 applies, and say why");
    expect(body.overall.status).not.toBe("covered");
    expect(body.overall.percent).toBeLessThan(10);
  });

  it("turns a gap into a met check when the record appears", async () => {
    const before = (await readiness(owner)).json();
    const leadership = before.clauses.find((c: { id: string }) => c.id === "5.1");
    expect(leadership.checks.find((c: { key: string }) => c.key === "owner").met).toBe(false);
    const member = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("org_id", "=", owner.orgId)
      .where("user_id", "=", owner.userId)
      .executeTakeFirstOrThrow();
    const assigned = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/responsibilities`,
      payload: { subjectType: "process", process: "aims_leadership", memberId: member.id, raciRole: "accountable" },
    });
    expect(assigned.statusCode).toBe(201);
    const after = (await readiness(owner)).json();
    const clause = after.clauses.find((c: { id: string }) => c.id === "5.1");
    expect(clause.checks.find((c: { key: string }) => c.key === "owner").met).toBe(true);
    expect(after.overall.met).toBeGreaterThan(before.overall.met);
  });

  it("is readable by a viewer and not found from another organisation", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    expect((await readiness(viewer)).statusCode).toBe(200);
    expect((await readiness(other, owner.orgId)).statusCode).toBe(404);
    expect((await path(viewer)).statusCode).toBe(200);
    expect((await path(other, owner.orgId)).statusCode).toBe(404);
    expect((await path(owner, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await path(owner, "not-an-id")).statusCode).toBeLessThan(500);
  });

  const path = async (member: TestMember, orgId = member.orgId) =>
    t.call(member.token, { method: "GET", url: `/api/v1/orgs/${orgId}/certification-path` });

  it("groups the gaps by the act that closes them, each act once", async () => {
    const body = (await readiness(other)).json();
    const keys: string[] = body.actions.map((a: { key: string }) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThan(body.gaps.length / 5);
    const method = body.actions.find((a: { key: string }) => a.key === "approve-document:risk_method");
    expect(method).toMatchObject({
      action: "Approve a risk method document",
      clauseIds: ["6.1.1", "6.1.2", "6.1.3"],
      gapsClosed: 3,
      step: "risk-method",
    });
    const decide = body.actions.find((a: { key: string }) => a.key === "decide-applicability");
    expect(decide.controlRefs).toHaveLength(38);
    expect(decide.areaIds).toHaveLength(9);
    const closed = body.actions.reduce((sum: number, a: { gapsClosed: number }) => sum + a.gapsClosed, 0);
    expect(closed).toBe(body.gaps.length);
    for (const gap of body.gaps) expect(keys).toContain(gap.actionKey);
    for (const text of [...body.gaps, ...body.actions].map((g: { action: string }) => g.action)) {
      expect(text).not.toMatch(/\b(\w+)\s+\1\b/i);
    }
  });

  it("starts a new organisation's path at the scope, with unbuilt modules shown as coming", async () => {
    const response = await path(other);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.steps).toHaveLength(12);
    expect(body).toMatchObject({ nextStepId: "scope", done: 0, total: 9 });
    expect(body.steps[0]).toMatchObject({
      id: "scope",
      status: "not_started",
      clauseIds: ["4.1", "4.2", "4.3", "4.4"],
      place: { path: "documents/scope" },
    });
    const coming = body.steps.filter((s: { status: string }) => s.status === "coming");
    expect(coming.map((s: { id: string }) => s.id)).toEqual(["internal-audit", "management-review", "improvement"]);
  });

  it("marks the roles step done once each core process has one accountable person", async () => {
    const fresh = await t.addOrg("Roles");
    const member = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("org_id", "=", fresh.orgId)
      .where("user_id", "=", fresh.userId)
      .executeTakeFirstOrThrow();
    const roles = async () =>
      (await path(fresh)).json().steps.find((s: { id: string }) => s.id === "roles") as { status: string };
    expect((await roles()).status).toBe("not_started");
    for (const [index, process] of [
      "aims_leadership",
      "risk_management",
      "impact_assessment",
      "document_control",
    ].entries()) {
      const assigned = await t.call(fresh.token, {
        method: "POST",
        url: `/api/v1/orgs/${fresh.orgId}/responsibilities`,
        payload: { subjectType: "process", process, memberId: member.id, raciRole: "accountable" },
      });
      expect(assigned.statusCode).toBe(201);
      expect((await roles()).status).toBe(index < 3 ? "in_progress" : "done");
    }
  });
});
