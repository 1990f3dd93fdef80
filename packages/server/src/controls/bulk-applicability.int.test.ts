import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { controlByRef, insertRisk } from "./testing/control-fixtures.js";

describe("bulk applicability", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  const url = () => `/api/v1/orgs/${owner.orgId}/controls/bulk-applicability`;
  const decide = (member: TestMember, payload: Record<string, unknown>) =>
    t.call(member.token, { method: "POST", url: `/api/v1/orgs/${member.orgId}/controls/bulk-applicability`, payload });
  const items = async (member: TestMember, refs: string[]) =>
    Promise.all(
      refs.map(async (ref) => {
        const control = await controlByRef(t, member, ref);
        return { controlId: control.id, version: control.version };
      }),
    );
  const auditFor = (controlId: string) =>
    t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", controlId)
      .where("action", "=", "control.updated")
      .execute();

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Bulk");
    other = await t.addOrg("Elsewhere");
  });
  afterAll(() => t.close());

  it("decides many controls at once, with one audit entry per control changed", async () => {
    const listed = await items(owner, ["A.2.2", "A.2.3", "A.2.4"]);
    const res = await decide(owner, { items: listed, applicable: true, justification: "Our AI policy covers this." });
    expect(res.statusCode).toBe(200);
    expect(res.json().changedRefs).toEqual(["A.2.2", "A.2.3", "A.2.4"]);
    expect(res.json().items).toEqual(
      listed.map((item) =>
        expect.objectContaining({
          id: item.controlId,
          applicable: true,
          justification: "Our AI policy covers this.",
          version: item.version + 1,
        }),
      ),
    );
    for (const item of listed) {
      const entries = await auditFor(item.controlId);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.changes.applicable).toEqual({ before: null, after: true });
    }

    // The same decision again changes nothing and writes nothing.
    const again = await decide(owner, {
      items: await items(owner, ["A.2.2", "A.2.3"]),
      applicable: true,
      justification: "Our AI policy covers this.",
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().changedRefs).toEqual([]);
    expect(await auditFor(listed[0]?.controlId as string)).toHaveLength(1);
  });

  it("refuses a stale version for the whole request, naming the control", async () => {
    const listed = await items(owner, ["A.3.2", "A.3.3"]);
    const stale = [listed[0], { ...listed[1], version: (listed[1]?.version ?? 1) + 5 }];
    const res = await decide(owner, { items: stale, applicable: false, justification: "No AI roles yet." });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("version_conflict");
    expect(res.json().error.message).toContain("A.3.3");
    expect(res.json().error.message).not.toContain("A.3.2");
    // All or nothing: the control with the right version did not change either.
    const first = await controlByRef(t, owner, "A.3.2");
    expect(first.version).toBe(listed[0]?.version);
  });

  it("refuses excluding controls that treat open risks without an override reason, naming them", async () => {
    const riskId = await insertRisk(t, owner.orgId, "R-1");
    const treating = await controlByRef(t, owner, "A.6.2.4");
    const linked = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/controls/${treating.id}/risks`,
      payload: { riskId },
    });
    expect(linked.statusCode).toBe(201);
    const listed = await items(owner, ["A.6.2.3", "A.6.2.4"]);
    const body = { items: listed, applicable: false, justification: "No models are developed in-house." };
    const refused = await decide(owner, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("illegal_transition");
    expect(refused.json().error.message).toContain("A.6.2.4 (R-1)");
    expect(refused.json().error.details.blocked).toEqual([{ ref: "A.6.2.4", openRiskRefs: ["R-1"] }]);
    expect((await controlByRef(t, owner, "A.6.2.3")).version).toBe(listed[0]?.version);

    const accepted = await decide(owner, { ...body, overrideReason: "The risk owner accepted R-1 until Q3." });
    expect(accepted.statusCode).toBe(200);
    const [free, overridden] = accepted.json().items;
    expect(free).toMatchObject({ ref: "A.6.2.3", applicable: false, overrideReason: null });
    expect(overridden).toMatchObject({
      ref: "A.6.2.4",
      applicable: false,
      overrideReason: "The risk owner accepted R-1 until Q3.",
    });
  });

  it("names the bad field, a foreign control, and refuses a read-only role", async () => {
    const listed = await items(owner, ["A.4.2"]);
    const noReason = await decide(owner, { items: listed, applicable: true, justification: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe("body.justification");
    const twice = await decide(owner, { items: [...listed, ...listed], applicable: true, justification: "x" });
    expect(twice.statusCode).toBe(400);
    expect(invalidFieldLines(twice)).toContain("body.items");
    const tooMany = Array.from({ length: 101 }, () => listed[0]);
    const many = await decide(owner, { items: tooMany, applicable: true, justification: "x" });
    expect(many.statusCode).toBe(400);

    const [theirs] = await items(other, ["A.4.2"]);
    const foreign = await t.call(owner.token, {
      method: "POST",
      url: url(),
      payload: { items: [...listed, theirs], applicable: true, justification: "Resources are documented." },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain(theirs?.controlId);
    expect((await controlByRef(t, owner, "A.4.2")).version).toBe(listed[0]?.version);

    const viewer = await t.addMember(owner.orgId, "viewer");
    const refused = await decide(viewer, { items: listed, applicable: true, justification: "Documented." });
    expect(refused.statusCode).toBe(403);
  });

  it("refuses archived custom controls", async () => {
    const created = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/controls`,
      payload: { title: "Red-team every release" },
    });
    const control = created.json();
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/controls/${control.id}/archive`,
      payload: { version: control.version, reason: "Merged into A.6.2.4" },
    });
    expect(archived.statusCode).toBe(200);
    const res = await decide(owner, {
      items: [{ controlId: control.id, version: archived.json().version }],
      applicable: true,
      justification: "We test.",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(control.ref);
  });
});
