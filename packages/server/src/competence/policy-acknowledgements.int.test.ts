import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { approveNewVersion, givenApprovedPolicyThroughApi, membershipOf } from "./competence-test-fixtures.js";
import { trainingCoverageAsOf } from "./training-coverage-as-of.js";

describe("AI policy acknowledgement", () => {
  let t: TestServer;
  let owner: TestMember;
  let approver: TestMember;
  let viewer: TestMember;
  let other: TestMember;

  type Method = "GET" | "POST";
  const call = (who: TestMember, method: Method, path: string, payload?: object) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Awareness");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("asks nobody while there is no approved AI policy, and refuses an acknowledgement then", async () => {
    const mine = await call(viewer, "GET", "/policy-acknowledgements/me");
    expect(mine.json()).toEqual({ policy: null, acknowledgedAt: null, needsAcknowledgement: false });
    const list = (await call(owner, "GET", "/policy-acknowledgements")).json();
    expect(list).toMatchObject({ policy: null, acknowledgedCount: 0, memberCount: 3 });
    const draft = await call(owner, "POST", "/documents", { title: "Draft AI policy", kind: "ai_policy" });
    const refused = await call(viewer, "POST", "/policy-acknowledgements", {
      versionId: draft.json().versions[0].id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("This organisation has no approved AI policy to acknowledge yet.");
  });

  it("lets every member acknowledge the version in force for themselves, and asks again after a new approval", async () => {
    const first = await givenApprovedPolicyThroughApi(t, owner, approver);
    const before = await call(viewer, "GET", "/policy-acknowledgements/me");
    expect(before.json()).toMatchObject({
      policy: { documentId: first.documentId, versionId: first.versionId, versionNumber: 1, title: "AI policy" },
      acknowledgedAt: null,
      needsAcknowledgement: true,
    });

    const acknowledged = await call(viewer, "POST", "/policy-acknowledgements", { versionId: first.versionId });
    expect(acknowledged.statusCode, acknowledged.body).toBe(201);
    expect(acknowledged.json()).toMatchObject({ needsAcknowledgement: false, acknowledgedAt: expect.any(String) });
    const twice = await call(viewer, "POST", "/policy-acknowledgements", { versionId: first.versionId });
    expect(twice.json().acknowledgedAt).toBe(acknowledged.json().acknowledgedAt);
    const entries = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "policy.acknowledged")
      .execute();
    expect(entries).toHaveLength(1);

    const viewerId = await membershipOf(t, viewer);
    const list = (await call(owner, "GET", "/policy-acknowledgements")).json();
    expect(list).toMatchObject({ acknowledgedCount: 1, memberCount: 3 });
    const pending = (await call(owner, "GET", "/policy-acknowledgements?acknowledged=no")).json();
    expect(pending.items.map((i: { member: { id: string } }) => i.member.id)).not.toContain(viewerId);
    expect(pending.items).toHaveLength(2);
    const done = (await call(owner, "GET", "/policy-acknowledgements?acknowledged=yes")).json();
    expect(done.items).toEqual([
      { member: expect.objectContaining({ id: viewerId, role: "viewer" }), acknowledgedAt: expect.any(String) },
    ]);
    const paged = (await call(owner, "GET", "/policy-acknowledgements?limit=2")).json();
    expect(paged.items).toHaveLength(2);
    const rest = (await call(owner, "GET", `/policy-acknowledgements?limit=2&cursor=${paged.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);

    const betweenApprovals = new Date();
    const second = await approveNewVersion(t, owner, approver, first.documentId);
    const again = (await call(viewer, "GET", "/policy-acknowledgements/me")).json();
    expect(again).toMatchObject({ policy: { versionId: second, versionNumber: 2 }, needsAcknowledgement: true });
    const old = await call(viewer, "POST", "/policy-acknowledgements", { versionId: first.versionId });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.message).toMatch(/is not the AI policy in force; read version 2 of DOC-\d+/);
    expect((await call(owner, "GET", "/policy-acknowledgements")).json().acknowledgedCount).toBe(0);

    // The coverage as of a moment between the approvals still counts the first acknowledgement.
    const then = await trainingCoverageAsOf(t.db, owner.orgId, betweenApprovals);
    expect(then.policyAcknowledgement).toMatchObject({ policy: { versionNumber: 1 }, acknowledged: 1, total: 3 });
    const now = await trainingCoverageAsOf(t.db, owner.orgId, new Date());
    expect(now.policyAcknowledgement).toMatchObject({ policy: { versionNumber: 2 }, acknowledged: 0, total: 3 });
  });

  it("answers 404 for a version of another organisation and 400 for a malformed one", async () => {
    const foreign = await givenApprovedPolicyThroughApi(t, other, await t.addMember(other.orgId, "admin"));
    const res = await call(viewer, "POST", "/policy-acknowledgements", { versionId: foreign.versionId });
    expect(res.statusCode).toBe(404);
    const bad = await call(viewer, "POST", "/policy-acknowledgements", { versionId: "v1" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe("body.versionId");
  });
});
