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
  });
});
