import { catalogueSchema, frameworkMappingsSchema, threatLibrarySchema } from "@openaims/contracts";
import { catalogueVersion } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("catalogue API", () => {
  let t: TestServer;
  let viewer: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    const owner = await t.addOrg("Catalogue readers");
    viewer = await t.addMember(owner.orgId, "viewer");
  });
  afterAll(() => t.close());

  it("refuses anonymous callers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/catalogue" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("serves clauses 4–10 and Annex A with guidance to any signed-in person", async () => {
    const { cookie } = await t.signIn(viewer.email);
    const res = await t.app.inject({ method: "GET", url: "/api/v1/catalogue", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = catalogueSchema.parse(res.json());
    expect(body.catalogueVersion).toBe(catalogueVersion);
    expect(body.clauses).toHaveLength(43);
    expect(body.annexA.areas).toHaveLength(9);
    expect(body.annexA.objectives).toHaveLength(10);
    expect(body.annexA.controls).toHaveLength(38);
    expect(body.clauses.find((c) => c.id === "4.3")).toMatchObject({
      title: "Determining the scope of the AI management system",
      parentId: "4",
      guidance: { expectedDocumentKind: "aims_scope" },
    });
    expect(body.clauses.find((c) => c.id === "4")?.guidance.expectedDocumentKind).toBeNull();
    const control = body.annexA.controls.find((c) => c.id === "A.6.2.6");
    expect(control).toMatchObject({ title: "AI system operation and monitoring", areaId: "A.6", objectiveId: "A.6.2" });
    expect(control?.guidance.suggestedFreshnessDays).toBe(90);
    for (const item of [...body.clauses, ...body.annexA.controls]) {
      expect(item.guidance.asks.length, item.id).toBeGreaterThan(0);
      expect(item.guidance.typicalEvidence.length, item.id).toBeGreaterThan(0);
    }
  });

  it("serves the threat library with its mappings to a read-scope caller", async () => {
    const res = await t.call(viewer.token, { method: "GET", url: "/api/v1/catalogue/threats" });
    expect(res.statusCode).toBe(200);
    const body = threatLibrarySchema.parse(res.json());
    expect(body.catalogueVersion).toBe(catalogueVersion);
    expect(body.threats.length).toBeGreaterThanOrEqual(16);
    expect(body.threats.find((threat) => threat.id === "tool_misuse")).toMatchObject({
      title: "Tool misuse",
      owaspLlm: ["LLM06:2025"],
      owaspAgentic: expect.arrayContaining(["ASI02"]),
    });
  });

  it("serves every framework and crosswalk", async () => {
    const res = await t.call(viewer.token, { method: "GET", url: "/api/v1/catalogue/frameworks" });
    expect(res.statusCode).toBe(200);
    const body = frameworkMappingsSchema.parse(res.json());
    expect(body.annexC.riskSources).toHaveLength(7);
    expect(body.owaspLlm.items).toHaveLength(10);
    expect(body.owaspAgentic.items[0]).toEqual({ id: "ASI01", title: "Agent Goal Hijack" });
    expect(body.mitreAtlas.tactics).toHaveLength(16);
    expect(body.nistAiRmf.filter((e) => e.level === "subcategory")).toHaveLength(72);
    expect(body.crosswalks.entries).toHaveLength(78);
    expect(body.crosswalks.anomalies).toHaveLength(4);
    expect(body.crosswalks.iso27001.length).toBeGreaterThan(40);
    expect(body.crosswalks.sources.map((s) => s.key)).toEqual(["nistXwalk", "jkasteele", "jkasteele-clauseTable"]);
  });

  it("narrows the crosswalks to one control", async () => {
    const res = await t.call(viewer.token, { method: "GET", url: "/api/v1/catalogue/frameworks?iso42001=A.6.2.8" });
    expect(res.statusCode).toBe(200);
    const body = frameworkMappingsSchema.parse(res.json());
    expect(body.crosswalks.entries).toEqual([
      {
        iso42001: "A.6.2.8",
        nistAiRmf: ["MEASURE 2.4", "MEASURE 2.6", "MEASURE 3.2"],
        euAiAct: ["Art. 12"],
        sources: { nistAiRmf: "nistXwalk", euAiAct: "jkasteele" },
      },
    ]);
    expect(body.crosswalks.iso27001.map((l) => l.iso27001)).toEqual(["A.5.33"]);
  });

  it("names the query field when the id is malformed, and answers 404 for an id the standard lacks", async () => {
    const bad = await t.call(viewer.token, {
      method: "GET",
      url: "/api/v1/catalogue/frameworks?iso42001=drop%20table",
    });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("query.iso42001");
    const unknown = await t.call(viewer.token, { method: "GET", url: "/api/v1/catalogue/frameworks?iso42001=A.11.1" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("'A.11.1'");
  });

  it("changes nothing, so nothing reaches the audit trail", async () => {
    const before = await t.db
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    await t.call(viewer.token, { method: "GET", url: "/api/v1/catalogue" });
    const after = await t.db
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
