import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("AI systems", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let viewer: TestMember;
  let contributorMemberId: string;
  const url = (org: TestMember, rest = "") => `/api/v1/orgs/${org.orgId}/systems${rest}`;

  const chatbot = {
    name: "Customer Support Chatbot",
    purpose: "Answer account questions around the clock",
    intendedUse: "First-line answers for retail customers",
    ourRole: "deployer",
    impactTier: "medium",
    dataCategories: ["personal", "financial", "personal"],
    capabilities: ["retrieval", "llm"],
    autonomy: "human_on_the_loop",
    customerFacing: true,
  };

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Inventory");
    other = await t.addOrg("Elsewhere");
    viewer = await t.addMember(owner.orgId, "viewer");
    const contributor = await t.addMember(owner.orgId, "contributor");
    const row = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", contributor.userId)
      .executeTakeFirstOrThrow();
    contributorMemberId = row.id;
  });
  afterAll(() => t.close());

  async function auditActions(entityId: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", entityId)
      .orderBy("seq")
      .execute();
    return rows.map((row) => row.action);
  }

  it("registers a system, deriving its slug and normalising its lists", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: { ...chatbot, ownerId: contributorMemberId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const system = res.json();
    expect(system).toMatchObject({
      slug: "customer-support-chatbot",
      lifecycleStage: "planned",
      dataCategories: ["personal", "financial"],
      capabilities: ["llm", "retrieval"],
      owner: { id: contributorMemberId, name: "Test contributor" },
      status: "active",
      version: 1,
    });
    expect(await auditActions(system.id)).toEqual(["system.created"]);
    const fetched = await t.call(viewer.token, { method: "GET", url: url(owner, `/${system.id}`) });
    expect(fetched.json()).toEqual(system);
  });

  it("refuses a clashing slug with 409 and a high tier without reasons with 400", async () => {
    const clash = await t.call(owner.token, { method: "POST", url: url(owner), payload: chatbot });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain("customer-support-chatbot");
    const high = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: { ...chatbot, slug: "credit", impactTier: "high" },
    });
    expect(high.statusCode).toBe(400);
    expect(invalidFieldLines(high)).toContain("body.highImpactReasons");
    const badEnum = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: { ...chatbot, slug: "x", autonomy: "wild", reviewDate: "next week" },
    });
    expect(badEnum.statusCode).toBe(400);
    expect(invalidFieldLines(badEnum)).toContain("body.autonomy: must be one of: Advisory");
    expect(invalidFieldLines(badEnum)).toContain("body.reviewDate");
  });

  it("refuses an owner from another organisation with 404", async () => {
    const foreign = await t.db
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", other.userId)
      .executeTakeFirstOrThrow();
    const res = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: { ...chatbot, slug: "foreign-owner", ownerId: foreign.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain(foreign.id);
  });

  it("dates material changes only, and answers 409 to a stale version", async () => {
    const created = (
      await t.call(owner.token, {
        method: "POST",
        url: url(owner),
        payload: { ...chatbot, slug: "hr-screening", lifecycleStage: "development" },
      })
    ).json();
    // Moving back a stage needs no gate (moving forward passes the release gate, see gates/).
    const rename = await t.call(owner.token, {
      method: "PATCH",
      url: url(owner, `/${created.id}`),
      payload: { name: "HR screening", lifecycleStage: "design", version: 1 },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ name: "HR screening", version: 2 });
    expect(rename.json().materialChangedAt).toBe(created.materialChangedAt);

    const material = await t.call(owner.token, {
      method: "PATCH",
      url: url(owner, `/${created.id}`),
      payload: { impactTier: "high", highImpactReasons: ["eligibility"], version: 2 },
    });
    expect(material.statusCode, material.body).toBe(200);
    expect(material.json().version).toBe(3);
    expect(material.json().materialChangedAt > created.materialChangedAt).toBe(true);
    const entry = await t.db
      .selectFrom("audit_entries")
      .select("changes")
      .where("entity_id", "=", created.id)
      .where("action", "=", "system.updated")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(Object.keys(entry.changes).sort()).toEqual(["highImpactReasons", "impactTier", "materialChangedAt"]);

    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: url(owner, `/${created.id}`),
      payload: { purpose: "Lost update", version: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const dropReasons = await t.call(owner.token, {
      method: "PATCH",
      url: url(owner, `/${created.id}`),
      payload: { highImpactReasons: [], version: 3 },
    });
    expect(dropReasons.statusCode).toBe(400);
  });

  it("archives with a reason, then refuses changes with 409", async () => {
    const created = (
      await t.call(owner.token, { method: "POST", url: url(owner), payload: { ...chatbot, slug: "old-bot" } })
    ).json();
    const archived = await t.call(owner.token, {
      method: "POST",
      url: url(owner, `/${created.id}/archive`),
      payload: { reason: "Replaced by the new assistant", version: 1 },
    });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Replaced by the new assistant" });
    const again = await t.call(owner.token, {
      method: "POST",
      url: url(owner, `/${created.id}/archive`),
      payload: { reason: "Twice", version: 2 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("illegal_transition");
    const edit = await t.call(owner.token, {
      method: "PATCH",
      url: url(owner, `/${created.id}`),
      payload: { name: "Revived", version: 2 },
    });
    expect(edit.statusCode).toBe(409);
    expect(await auditActions(created.id)).toEqual(["system.created", "system.archived"]);
  });

  it("lists with filters and pages, by slug and across organisations", async () => {
    const list = async (query: string, as = owner) =>
      (await t.call(as.token, { method: "GET", url: url(owner, `?${query}`) })).json();
    expect((await list("slug=customer-support-chatbot")).items).toHaveLength(1);
    expect((await list("impactTier=high")).items.map((s: { slug: string }) => s.slug)).toEqual(["hr-screening"]);
    expect((await list("archived=true")).items.map((s: { slug: string }) => s.slug)).toEqual(["old-bot"]);
    expect((await list(`ownerId=${contributorMemberId}`)).items).toHaveLength(1);
    expect((await list("q=chatbot")).items).toHaveLength(1);
    const first = await list("limit=1&sort=-name");
    expect(first.items).toHaveLength(1);
    const second = await list(`limit=1&sort=-name&cursor=${first.nextCursor}`);
    expect(second.items[0].name < first.items[0].name).toBe(true);
    const bad = await t.call(owner.token, { method: "GET", url: url(owner, "?lifecycleStage=someday") });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.lifecycleStage");

    const foreign = await t.call(other.token, { method: "GET", url: url(owner) });
    expect(foreign.statusCode).toBe(404);
    const system = (await list("slug=customer-support-chatbot")).items[0];
    const crossId = await t.call(other.token, { method: "GET", url: url(other, `/${system.id}`) });
    expect(crossId.statusCode).toBe(404);
    expect(crossId.json().error.message).toContain(`AI system '${system.id}'`);
  });

  it("never answers 5xx to generated changes or uploads", async () => {
    const system = (
      await t.call(owner.token, { method: "GET", url: url(owner, "?slug=customer-support-chatbot") })
    ).json().items[0];
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (payload) => {
        const res = await t.call(owner.token, {
          method: "PATCH",
          url: url(owner, `/${system.id}`),
          headers: { "content-type": "application/json" },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 1 })), async (file) => {
        const res = await t.call(owner.token, {
          method: "POST",
          url: url(owner, "/import"),
          headers: { "content-type": "application/octet-stream" },
          payload: Buffer.from(typeof file === "string" ? `name,impact_tier\n${file}` : file),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it("refuses writes to a viewer with 403", async () => {
    const res = await t.call(viewer.token, { method: "POST", url: url(owner), payload: chatbot });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
  });
});
