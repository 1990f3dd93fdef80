import type { RiskMethod } from "@openaims/contracts";
import { defaultRiskMethod } from "@openaims/core";
import { migrations } from "@openaims/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { auditOf } from "./test-fixtures.js";

describe("risk method", () => {
  let t: TestServer;
  let owner: TestMember;
  let contributor: TestMember;
  const url = () => `/api/v1/orgs/${owner.orgId}/risk-method`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Method");
    contributor = await t.addMember(owner.orgId, "contributor");
  });
  afterAll(() => t.close());

  async function method(): Promise<RiskMethod> {
    return (await t.call(owner.token, { method: "GET", url: url() })).json();
  }

  /** The editable part of a method, as a PUT body takes it (without the version). */
  function bodyOf({ id: _id, updatedAt: _updatedAt, version: _version, ...body }: RiskMethod) {
    return body;
  }

  async function addRisk(likelihood: number, impact: number, residual?: [number, number]) {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks`,
      payload: {
        title: `Risk ${likelihood}×${impact}`,
        inherentLikelihood: likelihood,
        inherentImpact: impact,
        residualLikelihood: residual?.[0] ?? null,
        residualImpact: residual?.[1] ?? null,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  it("gives every new organisation the default 5 × 5 method, recorded in the audit trail", async () => {
    const current = await method();
    expect(bodyOf(current)).toEqual(defaultRiskMethod());
    expect(current.version).toBe(1);
    expect((await auditOf(t, owner.orgId, current.id)).map((e) => e.action)).toEqual(["risk_method.created"]);
  });

  it("seeds organisations that predate the method with the same default in the migration", () => {
    const sql = migrations.find((m) => m.id === "0003-risks")?.sql ?? "";
    const defaults = defaultRiskMethod();
    for (const value of [defaults.likelihoodLevels, defaults.impactLevels, defaults.matrix, defaults.acceptanceByRole])
      expect(sql).toContain(`'${JSON.stringify(value)}'`);
  });

  it("answers 400 naming a matrix that does not fit the scales", async () => {
    const current = bodyOf(await method());
    const res = await t.call(owner.token, {
      method: "PUT",
      url: url(),
      payload: { ...current, matrix: current.matrix.slice(0, 4), version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toMatchObject([
      { field: "body.matrix", message: "has 4 rows but the likelihood scale has 5 levels" },
    ]);
    const few = await t.call(owner.token, {
      method: "PUT",
      url: url(),
      payload: { ...current, impactLevels: current.impactLevels.slice(0, 2), version: 1 },
    });
    expect(few.statusCode).toBe(400);
    expect(invalidFieldLines(few)).toContain("body.impactLevels");
  });

  it("refuses a role without write permission, and a stale version", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const current = bodyOf(await method());
    const refused = await t.call(viewer.token, { method: "PUT", url: url(), payload: { ...current, version: 1 } });
    expect(refused.statusCode).toBe(403);
    const stale = await t.call(contributor.token, { method: "PUT", url: url(), payload: { ...current, version: 99 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });

  it("previews, then re-rates every risk in the same change with one audit entry per changed risk", async () => {
    const high = await addRisk(4, 3); // high under the default
    const low = await addRisk(1, 1); // low stays low
    const treated = await addRisk(5, 5, [3, 3]); // critical → medium residual
    const before = await method();
    const { id, version } = before;
    const stricter = structuredClone(bodyOf(before));
    stricter.matrix[2] = ["medium", "medium", "high", "high", "critical"]; // Possible row
    stricter.matrix[3] = ["medium", "high", "critical", "critical", "critical"]; // Likely row
    stricter.acceptanceByRole.compliance_manager = "low";

    const preview = await t.call(owner.token, { method: "POST", url: `${url()}/preview`, payload: stricter });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ riskCount: 3, reratedCount: 2, remappedCount: 0 });
    const viewerPreview = await t.call((await t.addMember(owner.orgId, "viewer")).token, {
      method: "POST",
      url: `${url()}/preview`,
      payload: stricter,
    });
    expect(viewerPreview.statusCode).toBe(200);

    const saved = await t.call(owner.token, { method: "PUT", url: url(), payload: { ...stricter, version } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: version + 1, acceptanceByRole: { compliance_manager: "low" } });

    const read = async (riskId: string) =>
      (await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/risks/${riskId}` })).json();
    expect(await read(high.id)).toMatchObject({ inherentRating: "critical", version: 2 });
    expect(await read(low.id)).toMatchObject({ inherentRating: "low", version: 1 });
    expect(await read(treated.id)).toMatchObject({ inherentRating: "critical", residualRating: "high" });

    expect((await auditOf(t, owner.orgId, high.id)).at(-1)).toMatchObject({
      action: "risk.rerated",
      changes: { inherentRating: { before: "high", after: "critical" } },
    });
    expect((await auditOf(t, owner.orgId, low.id)).map((e) => e.action)).toEqual(["risk.created"]);
    const methodAudit = (await auditOf(t, owner.orgId, id)).at(-1);
    expect(methodAudit?.action).toBe("risk_method.updated");
    expect(methodAudit?.changes.reratedRisks).toEqual({ before: null, after: 2 });
    expect(Object.keys(methodAudit?.changes ?? {})).toEqual(
      expect.arrayContaining(["matrix", "acceptanceByRole", "reratedRisks"]),
    );
  });

  it("moves levels onto a resized scale and rates them with the new matrix", async () => {
    const risk = await addRisk(5, 2);
    const before = await method();
    const current = bodyOf(before);
    const version = before.version;
    const three = {
      ...current,
      likelihoodLevels: [
        { label: "Low", description: "" },
        { label: "Medium", description: "" },
        { label: "High", description: "" },
      ],
      matrix: [current.matrix[0], current.matrix[2], current.matrix[4]],
    };
    const saved = await t.call(owner.token, { method: "PUT", url: url(), payload: { ...three, version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/risks/${risk.id}` });
    expect(read.json()).toMatchObject({ inherentLikelihood: 3, inherentImpact: 2 });
    const tooHigh = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks`,
      payload: { title: "Off the scale", inherentLikelihood: 4, inherentImpact: 1 },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.message).toContain("must be between 1 and 3");
  });
});
