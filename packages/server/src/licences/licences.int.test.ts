import { defaultLicencePolicy } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("licence facts and policy", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let viewer: TestMember;
  const ids: Record<string, string> = {};
  const base = (org: TestMember) => `/api/v1/orgs/${org.orgId}`;

  async function createAsset(payload: object) {
    const res = await t.call(owner.token, { method: "POST", url: `${base(owner)}/assets`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Licences");
    other = await t.addOrg("Elsewhere");
    viewer = await t.addMember(owner.orgId, "viewer");
    ids.llama = await createAsset({
      name: "Chat model",
      kind: "model",
      licenceExpression: "LicenseRef-Llama-3.1-Community",
    });
    ids.nc = await createAsset({ name: "Survey data", kind: "dataset", licenceExpression: "CC-BY-NC-4.0" });
    ids.mit = await createAsset({ name: "Tokeniser", kind: "model", licenceExpression: "MIT OR Apache-2.0" });
    ids.none = await createAsset({ name: "Scraped set", kind: "dataset" });
    ids.prompt = await createAsset({ name: "System prompt", kind: "prompt" });
  });
  afterAll(() => t.close());

  it("refuses a licence that is not an SPDX expression, naming the field", async () => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/assets`,
      payload: { name: "Bad", kind: "model", licenceExpression: "apache 2" },
    });
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.licenceExpression: must be an SPDX licence expression");
    const dataset = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/assets`,
      payload: {
        name: "Bad card",
        kind: "model",
        modelCard: { modelParameters: { datasets: [{ assetId: ids.prompt }] } },
      },
    });
    expect(dataset.statusCode).toBe(400);
    expect(invalidFieldLines(dataset)).toContain(
      "body.modelCard.modelParameters.datasets.0.assetId: must be an active dataset asset",
    );
  });

  it("gives the default policy until one is saved, then versions it with an audit entry", async () => {
    const first = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/licence-policy` });
    expect(first.json()).toEqual({ policy: defaultLicencePolicy, isDefault: true, updatedAt: null, version: 0 });
    const policy = { ...defaultLicencePolicy, forbidden: ["LicenseRef-Llama-*"] };
    const denied = await t.call(viewer.token, {
      method: "PUT",
      url: `${base(owner)}/licence-policy`,
      payload: { ...policy, version: 0 },
    });
    expect(denied.statusCode).toBe(403);
    const saved = await t.call(owner.token, {
      method: "PUT",
      url: `${base(owner)}/licence-policy`,
      payload: { ...policy, version: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ policy, isDefault: false, version: 1 });
    const stale = await t.call(owner.token, {
      method: "PUT",
      url: `${base(owner)}/licence-policy`,
      payload: { ...policy, otherwise: "allowed", version: 0 },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.call(owner.token, {
      method: "PUT",
      url: `${base(owner)}/licence-policy`,
      payload: { ...policy, forbiddenFlags: ["expensive"], version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("body.forbiddenFlags.0");
    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "licence_policy.updated")
      .execute();
    expect(audit).toHaveLength(1);
    const elsewhere = await t.call(other.token, { method: "GET", url: `${base(other)}/licence-policy` });
    expect(elsewhere.json().isDefault).toBe(true);
  });

  it("lists what the policy says of each model and dataset, worst first, unknown licences included", async () => {
    const res = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/licence-findings` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ allowed: 1, review: 1, forbidden: 2 });
    const verdicts = Object.fromEntries(
      body.items.map((item: { asset: { name: string }; verdict: string }) => [item.asset.name, item.verdict]),
    );
    expect(verdicts).toEqual({
      "Chat model": "forbidden",
      "Survey data": "forbidden",
      Tokeniser: "allowed",
      "Scraped set": "review",
    });
    expect(body.items[0].verdict).toBe("forbidden");
    const none = body.items.find((item: { asset: { name: string } }) => item.asset.name === "Scraped set");
    expect(none).toMatchObject({ expression: null, reasons: ["No licence is recorded."] });
    const forbidden = await t.call(viewer.token, {
      method: "GET",
      url: `${base(owner)}/licence-findings?verdict=forbidden`,
    });
    expect(forbidden.json().items).toHaveLength(2);
  });

  it("judges one asset, and answers 404 for another organisation's", async () => {
    const res = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/assets/${ids.nc}/licence-finding` });
    expect(res.json()).toMatchObject({
      verdict: "forbidden",
      terms: [{ id: "CC-BY-NC-4.0", flags: expect.arrayContaining(["non_commercial"]) }],
    });
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `${base(other)}/assets/${ids.nc}/licence-finding`,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
