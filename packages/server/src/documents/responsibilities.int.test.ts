import { randomUUID } from "node:crypto";
import type { ResponsibilityMatrix } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("responsibilities (RACI)", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let ownerMemberId: string;
  let leadMemberId: string;
  let systemId: string;
  let base: string;

  const membershipId = async (member: TestMember) =>
    (
      await t.db
        .selectFrom("memberships")
        .select("id")
        .where("user_id", "=", member.userId)
        .where("org_id", "=", member.orgId)
        .executeTakeFirstOrThrow()
    ).id;
  const post = (who: TestMember, url: string, payload: object) =>
    t.call(who.token, { method: "POST", url: `${base}${url}`, payload });
  const matrix = async (query = ""): Promise<ResponsibilityMatrix> =>
    (await t.call(viewer.token, { method: "GET", url: `${base}/matrix${query}` })).json();
  const processRow = (m: ResponsibilityMatrix, process: string) => m.rows.find((row) => row.process === process);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("RACI Org");
    ownerMemberId = await membershipId(owner);
    leadMemberId = await membershipId(await t.addMember(owner.orgId, "compliance_manager"));
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Other RACI Org");
    systemId = randomUUID();
    await t.db
      .insertInto("ai_systems")
      .values({
        id: systemId,
        org_id: owner.orgId,
        slug: "triage-bot",
        name: "Triage bot",
        our_role: "provider",
        lifecycle_stage: "operation",
        impact_tier: "high",
        autonomy: "advisory",
        high_impact_reasons: "[]",
        data_categories: "[]",
        capabilities: "[]",
        customer_facing: false,
      })
      .execute();
    base = `/api/v1/orgs/${owner.orgId}/responsibilities`;
  });
  afterAll(() => t.close());

  it("lists every process and system, none covered yet", async () => {
    const m = await matrix();
    expect(m.rows.filter((r) => r.subjectType === "process")).toHaveLength(13);
    expect(m.rows.at(-1)).toMatchObject({ subjectType: "system", system: { id: systemId, name: "Triage bot" } });
    expect(m.coveredCount).toBe(0);
    expect(processRow(m, "risk_management")?.coverage).toEqual({
      covered: false,
      gaps: ["no_accountable", "no_responsible"],
    });
  });

  it("counts a subject covered with exactly one accountable person", async () => {
    const created = await post(owner, "", {
      subjectType: "process",
      process: "risk_management",
      memberId: leadMemberId,
      raciRole: "accountable",
      note: "Chairs the risk committee",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      process: "risk_management",
      system: null,
      member: { id: leadMemberId, name: "Test compliance_manager" },
      raciRole: "accountable",
      status: "active",
    });
    const audit = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("entity_id", "=", created.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("responsibility.assigned");
    expect(audit.changes.raciRole).toEqual({ before: null, after: "accountable" });

    let m = await matrix();
    expect(processRow(m, "risk_management")?.coverage.covered).toBe(true);
    expect(m.coveredCount).toBe(1);
    expect(m.members).toEqual([{ id: leadMemberId, name: "Test compliance_manager" }]);

    const second = await post(owner, "", {
      subjectType: "process",
      process: "risk_management",
      memberId: ownerMemberId,
      raciRole: "accountable",
    });
    expect(second.statusCode).toBe(201);
    m = await matrix();
    expect(processRow(m, "risk_management")?.coverage).toEqual({
      covered: false,
      gaps: ["several_accountable", "no_responsible"],
    });

    const demoted = await t.call(owner.token, {
      method: "PATCH",
      url: `${base}/${second.json().id}`,
      payload: { raciRole: "responsible", version: 1 },
    });
    expect(demoted.json()).toMatchObject({ raciRole: "responsible", version: 2 });
    expect(processRow(await matrix(), "risk_management")?.coverage).toEqual({ covered: true, gaps: [] });

    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: `${base}/${second.json().id}`,
      payload: { note: "late", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });

  it("refuses the same person in the same role twice", async () => {
    const res = await post(owner, "", {
      subjectType: "process",
      process: "risk_management",
      memberId: leadMemberId,
      raciRole: "accountable",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("already accountable for risk management");
  });

  it("assigns people to systems, and names wrong fields", async () => {
    const ok = await post(owner, "", {
      subjectType: "system",
      systemId,
      memberId: ownerMemberId,
      raciRole: "accountable",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().system).toEqual({ id: systemId, name: "Triage bot" });
    const m = await matrix("?subjectType=system");
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]?.coverage.covered).toBe(true);

    const missing = await post(owner, "", { subjectType: "system", memberId: ownerMemberId, raciRole: "boss" });
    expect(missing.statusCode).toBe(400);
    expect(invalidFieldLines(missing)).toContain("body.systemId");
    expect(invalidFieldLines(missing)).toContain("body.raciRole");
    const otherMember = await membershipId(other);
    const foreign = await post(owner, "", {
      subjectType: "process",
      process: "monitoring",
      memberId: otherMember,
      raciRole: "informed",
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.fields[0].field).toBe("body.memberId");
  });

  it("ends an assignment with a reason and keeps it on record", async () => {
    const created = await post(owner, "", {
      subjectType: "process",
      process: "internal_audit",
      memberId: leadMemberId,
      raciRole: "accountable",
    });
    const id = created.json().id;
    const readOnly = await t.call(viewer.token, {
      method: "POST",
      url: `${base}/${id}/archive`,
      payload: { reason: "Moved on", version: 1 },
    });
    expect(readOnly.statusCode).toBe(403);
    const archived = await post(owner, `/${id}/archive`, { reason: "Moved to another team", version: 1 });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Moved to another team" });
    expect(processRow(await matrix(), "internal_audit")?.coverage.covered).toBe(false);
    const list = (await t.call(owner.token, { method: "GET", url: `${base}?status=archived` })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const again = await post(owner, `/${id}/archive`, { reason: "Twice over", version: 2 });
    expect(again.statusCode).toBe(409);
    const actions = await t.db.selectFrom("audit_entries").select("action").where("entity_id", "=", id).execute();
    expect(actions.map((a) => a.action)).toEqual(["responsibility.assigned", "responsibility.archived"]);
  });

  it("answers 404 for another organisation's assignment", async () => {
    const theirs = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/responsibilities`,
      payload: {
        subjectType: "process",
        process: "monitoring",
        memberId: await membershipId(other),
        raciRole: "accountable",
      },
    });
    expect(theirs.statusCode).toBe(201);
    const res = await post(owner, `/${theirs.json().id}/archive`, { reason: "Not ours", version: 1 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("Responsibility assignment");
  });

  it("pages through assignments", async () => {
    const first = (await t.call(owner.token, { method: "GET", url: `${base}?limit=2` })).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await t.call(owner.token, { method: "GET", url: `${base}?limit=2&cursor=${first.nextCursor}` })
    ).json();
    const ids = [...first.items, ...rest.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
