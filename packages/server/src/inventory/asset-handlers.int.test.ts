import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("AI assets, links and vendors", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let viewer: TestMember;
  let systemId: string;
  let vendorId: string;
  const base = (org: TestMember) => `/api/v1/orgs/${org.orgId}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Assets");
    other = await t.addOrg("Elsewhere");
    viewer = await t.addMember(owner.orgId, "viewer");
    const system = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems`,
      payload: { name: "Claims triage", ourRole: "provider", impactTier: "low", autonomy: "advisory" },
    });
    systemId = system.json().id;
  });
  afterAll(() => t.close());

  it("records a vendor with connectors, refuses reviews out of order, and versions changes", async () => {
    const created = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/vendors`,
      payload: {
        name: "Model Cloud Ltd",
        website: "https://models.example.com",
        aiFeaturesOnByDefault: "yes",
        trainsOnCustomerData: "opt_out",
        connectors: [{ name: "Ticket system", permissions: "read tickets, write replies" }],
        certifications: ["ISO/IEC 42001", "SOC 2 Type II"],
        lastReviewDate: "2026-01-15",
        nextReviewDate: "2027-01-15",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ trainsOnCustomerData: "opt_out", assetCount: 0, version: 1 });
    vendorId = created.json().id;

    const order = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/vendors/${vendorId}`,
      payload: { nextReviewDate: "2025-01-01", version: 1 },
    });
    expect(order.statusCode).toBe(400);
    expect(invalidFieldLines(order)).toContain("body.nextReviewDate");
    const badSite = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/vendors`,
      payload: { name: "X", website: "javascript:alert(1)", trainsOnCustomerData: "sometimes" },
    });
    expect(badSite.statusCode).toBe(400);
    expect(invalidFieldLines(badSite)).toContain("body.website");
    expect(invalidFieldLines(badSite)).toContain("body.trainsOnCustomerData: must be one of: Yes, No");

    const updated = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/vendors/${vendorId}`,
      payload: { trainsOnCustomerData: "no", reviewNotes: "Opted out in the admin console", version: 1 },
    });
    expect(updated.json()).toMatchObject({ trainsOnCustomerData: "no", version: 2 });
    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/vendors/${vendorId}`,
      payload: { reviewNotes: "late", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const audit = await t.db.selectFrom("audit_entries").select("action").where("entity_id", "=", vendorId).execute();
    expect(audit.map((row) => row.action)).toEqual(["vendor.created", "vendor.updated"]);
  });

  it("records a dataset from a vendor, links it to a system, and unlinks it keeping the history", async () => {
    const created = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/assets`,
      payload: {
        name: "Claims history 2020-2024",
        kind: "dataset",
        assetVersion: "2025-01 snapshot",
        vendorId,
        provenance: "Exported from the claims system",
        acquisitionMethod: "Internal records",
        dataCategories: ["personal", "health"],
        licence: "Internal use only",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const asset = created.json();
    expect(asset).toMatchObject({ kind: "dataset", vendor: { id: vendorId, name: "Model Cloud Ltd" }, systems: [] });

    const link = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${systemId}/asset-links`,
      payload: { assetId: asset.id, note: "Training data" },
    });
    expect(link.statusCode, link.body).toBe(201);
    const twice = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${systemId}/asset-links`,
      payload: { assetId: asset.id },
    });
    expect(twice.statusCode).toBe(409);

    const linked = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/systems/${systemId}/assets` });
    expect(linked.json().items).toEqual([
      expect.objectContaining({
        note: "Training data",
        status: "active",
        asset: expect.objectContaining({ id: asset.id }),
      }),
    ]);
    const bySystem = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/assets?systemId=${systemId}` });
    expect(bySystem.json().items.map((a: { id: string }) => a.id)).toEqual([asset.id]);
    expect(bySystem.json().items[0].systems).toEqual([
      expect.objectContaining({ id: systemId, name: "Claims triage" }),
    ]);
    const byKind = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/assets?kind=model` });
    expect(byKind.json().items).toEqual([]);

    const unlinked = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${systemId}/asset-links/${asset.id}/archive`,
      payload: { reason: "Retrained on newer data" },
    });
    expect(unlinked.json()).toMatchObject({ status: "archived", archiveReason: "Retrained on newer data" });
    const after = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/systems/${systemId}/assets` });
    expect(after.json().items).toEqual([]);
    const history = await t.call(viewer.token, {
      method: "GET",
      url: `${base(owner)}/systems/${systemId}/assets?archived=all`,
    });
    expect(history.json().items).toHaveLength(1);
    const gone = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${systemId}/asset-links/${asset.id}/archive`,
      payload: { reason: "Again" },
    });
    expect(gone.statusCode).toBe(404);
  });

  it("updates with versions, archives assets with their links, and keeps organisations apart", async () => {
    const asset = (
      await t.call(owner.token, {
        method: "POST",
        url: `${base(owner)}/assets`,
        payload: { name: "gpt-x", kind: "model" },
      })
    ).json();
    await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${systemId}/asset-links`,
      payload: { assetId: asset.id },
    });
    const updated = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/assets/${asset.id}`,
      payload: { assetVersion: "2025-06", version: 1 },
    });
    expect(updated.json()).toMatchObject({ assetVersion: "2025-06", version: 2 });
    const stale = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/assets/${asset.id}`,
      payload: { assetVersion: "old", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const badKind = await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/assets/${asset.id}`,
      payload: { kind: "spreadsheet", version: 2 },
    });
    expect(badKind.statusCode).toBe(400);
    expect(invalidFieldLines(badKind)).toContain("body.kind: must be one of: Model, Dataset");

    const archived = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/assets/${asset.id}/archive`,
      payload: { reason: "Model retired by the vendor", version: 2 },
    });
    expect(archived.json()).toMatchObject({ status: "archived", systems: [] });
    const links = await t.db.selectFrom("ai_system_assets").selectAll().where("asset_id", "=", asset.id).execute();
    expect(links).toHaveLength(1);
    expect(links[0]?.archived_at).not.toBeNull();

    const foreignAsset = await t.call(other.token, { method: "GET", url: `${base(other)}/assets/${asset.id}` });
    expect(foreignAsset.statusCode).toBe(404);
    const foreignVendor = await t.call(other.token, {
      method: "POST",
      url: `${base(other)}/assets`,
      payload: { name: "Stolen", kind: "vendor_service", vendorId },
    });
    expect(foreignVendor.statusCode).toBe(404);
    expect(foreignVendor.json().error.message).toContain(`Vendor '${vendorId}'`);
    const foreignLink = await t.call(other.token, {
      method: "POST",
      url: `${base(other)}/systems/${systemId}/asset-links`,
      payload: { assetId: asset.id },
    });
    expect(foreignLink.statusCode).toBe(404);
    const viewerWrite = await t.call(viewer.token, {
      method: "POST",
      url: `${base(owner)}/assets`,
      payload: { name: "Nope", kind: "prompt" },
    });
    expect(viewerWrite.statusCode).toBe(403);
  });

  it("lists vendors with their asset count and archives them", async () => {
    const list = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/vendors?q=model` });
    expect(list.json().items).toEqual([expect.objectContaining({ id: vendorId, assetCount: 1 })]);
    const vendorsCsv = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/vendors/export?format=csv` });
    expect(vendorsCsv.headers["content-type"]).toContain("text/csv");
    expect(vendorsCsv.body).toContain("Model Cloud Ltd");
    expect(vendorsCsv.body).toContain("Ticket system: read tickets, write replies");
    const assetsCsv = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/assets/export?format=csv` });
    expect(assetsCsv.body.split("\r\n")[0]).toContain("Provenance");
    expect(assetsCsv.body).toContain("Claims history 2020-2024");
    expect(assetsCsv.body).not.toContain("gpt-x");
    const assetsXlsx = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/assets/export?format=xlsx` });
    expect(assetsXlsx.statusCode).toBe(200);

    const archived = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/vendors/${vendorId}/archive`,
      payload: { reason: "Contract ended", version: 2 },
    });
    expect(archived.json()).toMatchObject({ status: "archived", archiveReason: "Contract ended" });
    const active = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/vendors` });
    expect(active.json().items).toEqual([]);
  });
});
