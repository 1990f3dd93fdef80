import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { requestRiskRereview } from "./request-risk-rereview.js";
import { addSystem, auditOf } from "./test-fixtures.js";

describe("risk review", () => {
  let t: TestServer;
  let owner: TestMember;
  let stranger: TestMember;
  let systemId: string;
  const call = (method: "GET" | "POST", url: string, payload?: object, member = owner) =>
    t.call(member.token, { method, url: `/api/v1/orgs/${member.orgId}${url}`, payload });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Reviews");
    stranger = await t.addOrg("Elsewhere");
    systemId = await addSystem(t, owner.orgId);
  });
  afterAll(() => t.close());

  it("counts the assessment of a new risk as its first review", async () => {
    const risk = (await call("POST", "/risks", { title: "Hallucinated citations", systemId })).json();
    expect(risk).toMatchObject({ needsReview: false, rereviewRequestedAt: null });
    expect(risk.reviewedAt).toBe(risk.createdAt);
  });

  it("answers a requested re-review: the flag clears, the review time moves, the audit trail keeps the note", async () => {
    const risk = (await call("POST", "/risks", { title: "Leaks account numbers", systemId })).json();
    await t.db
      .transaction()
      .execute((tx) =>
        requestRiskRereview(
          tx,
          owner.orgId,
          risk.id,
          { source: "alert", sourceId: null, description: "Leak rate over its critical threshold" },
          async () => {},
        ),
      );
    const flagged = (await call("GET", `/risks/${risk.id}`)).json();
    expect(flagged).toMatchObject({ needsReview: true, version: risk.version + 1 });
    expect(flagged.rereviewRequestedAt).not.toBeNull();
    const awaiting = (await call("GET", "/risks?needsReview=true")).json().items.map((r: { id: string }) => r.id);
    expect(awaiting).toEqual([risk.id]);

    const stale = await call("POST", `/risks/${risk.id}/review`, { version: risk.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const res = await call("POST", `/risks/${risk.id}/review`, {
      version: flagged.version,
      note: "Checked the masking filter",
    });
    expect(res.statusCode, res.body).toBe(200);
    const reviewed = res.json();
    expect(reviewed).toMatchObject({ needsReview: false, rereviewRequestedAt: null, version: flagged.version + 1 });
    expect(reviewed.reviewedAt > risk.reviewedAt).toBe(true);
    expect((await call("GET", "/risks?needsReview=true")).json().items).toEqual([]);
    const last = (await auditOf(t, owner.orgId, risk.id)).at(-1);
    expect(last?.action).toBe("risk.reviewed");
    expect(last?.changes).toMatchObject({
      rereviewRequestedAt: { before: flagged.rereviewRequestedAt, after: null },
      note: { after: "Checked the masking filter" },
    });
  });

  it("refuses archived risks, other organisations, read tokens and bad input", async () => {
    const risk = (await call("POST", "/risks", { title: "Archived one", systemId })).json();
    const archived = (
      await call("POST", `/risks/${risk.id}/archive`, { version: risk.version, reason: "Merged into another" })
    ).json();
    const refused = await call("POST", `/risks/${risk.id}/review`, { version: archived.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("illegal_transition");

    const live = (await call("POST", "/risks", { title: "Live one", systemId })).json();
    expect((await call("POST", `/risks/${live.id}/review`, { version: 1 }, stranger)).statusCode).toBe(404);
    const read = (await call("POST", "/tokens", { name: "read", scope: "read" })).json().secret as string;
    const viaRead = await t.call(read, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks/${live.id}/review`,
      payload: { version: live.version },
    });
    expect(viaRead.statusCode).toBe(403);
    const bad = await call("POST", `/risks/${live.id}/review`, { version: "one", note: 5 });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toMatch(/body\.version[\s\S]*body\.note/);
  });
});
