import { randomUUID } from "node:crypto";
import { validateAibom } from "@openaims/modelscan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

type Bom = Record<string, unknown> & { components: Record<string, unknown>[]; services?: Record<string, unknown>[] };

/**
 * The BOM with our ids replaced by names and the facts a scan adds (hashes, file digests, scan
 * properties) removed: what must survive an import into another organisation.
 */
function comparable(bom: Bom, namesById: Map<string, string>): unknown {
  const text = JSON.stringify({
    components: bom.components,
    services: bom.services,
    dependencies: bom.dependencies,
  }).replace(/(asset|system):([0-9a-f-]{36})/g, (_, kind: string, id: string) => `${kind}:${namesById.get(id) ?? "?"}`);
  const strip = (item: Record<string, unknown>) => {
    const { hashes: _h, components: _c, ...rest } = item;
    const properties = (rest.properties as { name: string }[] | undefined)?.filter(
      (property) => !/^openaims:(signature-status|latest-scan)/.test(property.name),
    );
    return { ...rest, properties };
  };
  const parsed = JSON.parse(text) as Bom & { dependencies: { ref: string; dependsOn: string[] }[] };
  // bom-refs are ids, which differ between organisations: order by name instead.
  const dependencies = parsed.dependencies.map((d) => ({ ...d, dependsOn: [...d.dependsOn].sort() }));
  return { ...parsed, components: parsed.components.map(strip), dependencies };
}

describe("AI bill of materials", () => {
  let t: TestServer;
  let owner: TestMember;
  let second: TestMember;
  let systemId: string;
  const ids: Record<string, string> = {};
  const base = (org: TestMember) => `/api/v1/orgs/${org.orgId}`;

  async function post(org: TestMember, path: string, payload: unknown) {
    const res = await t.call(org.token, { method: "POST", url: `${base(org)}${path}`, payload: payload as object });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  }

  async function exportBom(org: TestMember, query: string) {
    const res = await t.call(org.token, { method: "GET", url: `${base(org)}/aibom${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return { res, bom: JSON.parse(res.body) as Bom };
  }

  function importBom(org: TestMember, bom: unknown, dryRun: boolean) {
    return t.call(org.token, {
      method: "POST",
      url: `${base(org)}/aibom/import?dryRun=${dryRun}`,
      headers: { "content-type": "application/vnd.cyclonedx+json" },
      payload: Buffer.from(typeof bom === "string" ? bom : JSON.stringify(bom)),
    });
  }

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Supply chain");
    second = await t.addOrg("Second home");
    // The asset owner is a member of both organisations, so the owner survives the move.
    await t.db
      .insertInto("memberships")
      .values({ id: randomUUID(), org_id: second.orgId, user_id: owner.userId, role: "admin" })
      .execute();
    const me = await t.call(owner.token, { method: "GET", url: `${base(owner)}/members` });
    const ownerMemberId = (me.json().items as { id: string; email: string }[]).find((m) => m.email === owner.email)?.id;
    const system = { name: "Claims router", ourRole: "provider", impactTier: "low", autonomy: "advisory" };
    systemId = (await post(owner, "/systems", system)).id;
    const systemSlug = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/systems/${systemId}` })).json()
      .slug;
    await post(second, "/systems", { ...system, slug: systemSlug });
    const vendor = await post(owner, "/vendors", { name: "Model Cloud Ltd", website: "https://models.example.com" });
    ids.dataset = (
      await post(owner, "/assets", {
        name: "Claims 2025",
        kind: "dataset",
        provenance: "Exported from the claims system in January 2026",
        acquisitionMethod: "collected",
        dataCategories: ["personal", "financial"],
        licenceExpression: "CC-BY-4.0",
        ownerId: ownerMemberId,
      })
    ).id;
    ids.model = (
      await post(owner, "/assets", {
        name: "Claims classifier",
        kind: "model",
        assetVersion: "2.1",
        description: "Sorts incoming claims",
        licenceExpression: "LicenseRef-Llama-3.1-Community",
        licence: "Llama 3.1 Community License",
        ownerId: ownerMemberId,
        modelCard: {
          modelParameters: {
            approach: { type: "supervised" },
            task: "text-classification",
            architectureFamily: "llama",
            modelArchitecture: "LlamaForSequenceClassification",
            datasets: [{ assetId: ids.dataset }],
            inputs: [{ format: "text" }],
            outputs: [{ format: "label" }],
          },
          quantitativeAnalysis: {
            performanceMetrics: [
              {
                type: "accuracy",
                value: "0.91",
                slice: "all claims",
                confidenceInterval: { lowerBound: "0.89", upperBound: "0.93" },
              },
            ],
          },
          considerations: {
            users: ["claims handlers"],
            technicalLimitations: ["English only"],
            ethicalConsiderations: [{ name: "dialect bias", mitigationStrategy: "human review of low scores" }],
          },
        },
      })
    ).id;
    ids.service = (
      await post(owner, "/assets", {
        name: "Hosted embeddings",
        kind: "vendor_service",
        vendorId: vendor.id,
        description: "Embedding API",
      })
    ).id;
    for (const assetId of [ids.dataset, ids.model, ids.service]) {
      await post(owner, `/systems/${systemId}/asset-links`, { assetId });
    }
    // A recorded scan of the model's files, as the model-scan upload stores it.
    await t.db
      .insertInto("model_scans")
      .values({
        id: randomUUID(),
        org_id: owner.orgId,
        ref: "MS-1",
        asset_id: ids.model as string,
        system_id: systemId,
        origin: "cli",
        status: "completed",
        scanner_version: "0.1.0",
        started_at: new Date("2026-12-01T10:00:00Z"),
        finished_at: new Date("2026-12-01T10:00:05Z"),
        files: JSON.stringify([
          { path: "model.safetensors", format: "safetensors", size: 10, sha256: "a".repeat(64) },
          { path: "config.json", format: "text", size: 2, sha256: "b".repeat(64) },
        ]),
        report: JSON.stringify({}),
        report_sha256: "c".repeat(64),
        signature_status: "verified",
        findings_by_severity: JSON.stringify({}),
        highest_severity: null,
        signature: null,
        provenance: null,
        evidence_id: null,
        created_by_member_id: null,
      })
      .execute();
  });
  afterAll(() => t.close());

  it("exports a system's AI-BOM that validates against CycloneDX 1.6, with model card, licence, hashes and signature", async () => {
    const { res, bom } = await exportBom(owner, `?system=${systemId}`);
    expect(res.headers["content-type"]).toBe("application/vnd.cyclonedx+json; version=1.6");
    expect(validateAibom(bom)).toEqual({ valid: true, errors: [] });
    const model = bom.components.find((component) => component.name === "Claims classifier");
    expect(model).toMatchObject({
      type: "machine-learning-model",
      "bom-ref": `asset:${ids.model}`,
      licenses: [{ license: { name: "LicenseRef-Llama-3.1-Community" } }],
      modelCard: { modelParameters: { datasets: [{ ref: `asset:${ids.dataset}` }] } },
      components: [
        { type: "file", name: "config.json", hashes: [{ alg: "SHA-256", content: "b".repeat(64) }] },
        { type: "file", name: "model.safetensors", hashes: [{ alg: "SHA-256", content: "a".repeat(64) }] },
      ],
    });
    expect(model?.properties).toContainEqual({ name: "openaims:signature-status", value: "verified" });
    expect(model?.properties).toContainEqual({ name: "openaims:latest-scan", value: "MS-1" });
    const dataset = bom.components.find((component) => component.type === "data");
    expect(dataset).toMatchObject({
      licenses: [{ license: { id: "CC-BY-4.0" } }],
      data: [
        {
          type: "dataset",
          sensitiveData: ["financial", "personal"],
          governance: { owners: [{ contact: { email: owner.email } }] },
        },
      ],
    });
    expect(bom.services).toEqual([
      expect.objectContaining({
        name: "Hosted embeddings",
        provider: { name: "Model Cloud Ltd", url: ["https://models.example.com"] },
      }),
    ]);
    const json = await t.call(owner.token, { method: "GET", url: `${base(owner)}/aibom?as=json` });
    expect(json.headers["content-type"]).toContain("application/json");
    expect(validateAibom(JSON.parse(json.body)).valid).toBe(true);
  });

  it("re-importing the export into the same organisation changes nothing", async () => {
    const { bom } = await exportBom(owner, `?system=${systemId}`);
    const dry = await importBom(owner, bom, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().assets.filter((asset: { action: string }) => asset.action !== "unchanged")).toEqual([]);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      applied: false,
      summary: { create: 0, update: 0, unchanged: 3, links: 0, skipped: 0 },
    });
  });

  it("imports into an empty organisation, all or nothing, and exports the same components again", async () => {
    const { bom } = await exportBom(owner, `?system=${systemId}`);
    const dry = await importBom(second, bom, true);
    expect(dry.json().summary).toEqual({ create: 3, update: 0, unchanged: 0, links: 3, skipped: 0 });
    const before = await t.call(second.token, { method: "GET", url: `${base(second)}/assets` });
    expect(before.json().items).toEqual([]);

    const applied = await importBom(second, bom, false);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, summary: { create: 3, links: 3 } });
    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", second.orgId)
      .where("action", "in", ["asset.created", "vendor.created", "system.asset_linked", "aibom.imported"])
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      "aibom.imported",
      ...Array(3).fill("asset.created"),
      ...Array(3).fill("system.asset_linked"),
      "vendor.created",
    ]);

    const systems = await t.call(second.token, { method: "GET", url: `${base(second)}/systems` });
    const secondSystem = systems.json().items[0];
    const { bom: again } = await exportBom(second, `?system=${secondSystem.slug}`);
    expect(validateAibom(again).valid).toBe(true);
    const assets = await t.call(second.token, { method: "GET", url: `${base(second)}/assets` });
    const names = (org: string, list: { id: string; name: string }[], system: { id: string; name: string }) =>
      new Map([...list.map((a) => [a.id, a.name] as [string, string]), [system.id, `${org}:${system.name}`]]);
    const firstNames = names(
      "s",
      (await t.call(owner.token, { method: "GET", url: `${base(owner)}/assets` })).json().items,
      {
        id: systemId,
        name: "Claims router",
      },
    );
    const secondNames = names("s", assets.json().items, secondSystem);
    expect(comparable(again, secondNames)).toEqual(comparable(bom, firstNames));

    const reimport = await importBom(second, again, true);
    expect(reimport.json().summary).toEqual({ create: 0, update: 0, unchanged: 3, links: 0, skipped: 0 });
  });

  it("refuses an invalid BOM naming each path, and writes nothing", async () => {
    const { bom } = await exportBom(owner, `?system=${systemId}`);
    bom.components[0] = { ...bom.components[0], type: "robot" };
    const invalid = await importBom(second, bom, false);
    expect(invalid.statusCode).toBe(400);
    expect(invalidFieldLines(invalid)).toContain("body.components[0].type: must be equal to one of the allowed values");
    const notJson = await importBom(second, "{ not json", false);
    expect(notJson.statusCode).toBe(400);
    expect(invalidFieldLines(notJson)).toContain("body: must be a CycloneDX JSON document");

    const dangling = (await exportBom(owner, `?system=${systemId}`)).bom;
    const data = dangling.components.findIndex((component) => component.type === "data");
    dangling.components.splice(data, 1);
    const third = await t.addOrg("Third");
    const refused = await importBom(third, dangling, false);
    expect(refused.statusCode).toBe(400);
    expect(invalidFieldLines(refused)).toMatch(
      /modelCard\.modelParameters\.datasets\[0\]: must refer to a data component/,
    );
    const none = await t.call(third.token, { method: "GET", url: `${base(third)}/assets` });
    expect(none.json().items).toEqual([]);
  });

  it("answers 404 for another organisation's system or asset", async () => {
    const foreign = await t.call(second.token, { method: "GET", url: `${base(second)}/aibom?system=${systemId}` });
    expect(foreign.statusCode).toBe(404);
    const entry = await t.call(second.token, { method: "GET", url: `${base(second)}/assets/${ids.model}/aibom-entry` });
    expect(entry.statusCode).toBe(404);
  });

  it("gives one asset's entry as the AI-BOM describes it", async () => {
    const model = await t.call(owner.token, { method: "GET", url: `${base(owner)}/assets/${ids.model}/aibom-entry` });
    expect(model.statusCode, model.body).toBe(200);
    expect(model.json()).toMatchObject({
      section: "components",
      entry: { type: "machine-learning-model", "bom-ref": `asset:${ids.model}`, components: expect.any(Array) },
    });
    const service = await t.call(owner.token, {
      method: "GET",
      url: `${base(owner)}/assets/${ids.service}/aibom-entry`,
    });
    expect(service.json()).toMatchObject({ section: "services", entry: { provider: { name: "Model Cloud Ltd" } } });
  });
});
