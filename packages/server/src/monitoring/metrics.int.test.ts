import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { auditOf } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { defineMetric, push } from "./monitoring-test-fixtures.js";

describe("metric definitions", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let systemId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Metrics");
    other = await t.addOrg("Other metrics");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());

  const url = (member: TestMember, path = "") => `/api/v1/orgs/${member.orgId}/metrics${path}`;

  it("defines, reads, changes and archives a metric, each change in the audit trail", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "Latency p95", unit: "ms", cadenceMinutes: 60 });
    expect(metric).toMatchObject({
      name: "Latency p95",
      system: { slug: "support-bot" },
      direction: "lower_is_better",
      warning: 5,
      critical: 10,
      cadenceMinutes: 60,
      openIncidentOnCritical: false,
      latest: null,
      state: "no_data",
      version: 1,
    });
    const changed = await t.call(owner.token, {
      method: "PUT",
      url: url(owner, `/${metric.id}`),
      payload: {
        name: "Latency p95",
        unit: "ms",
        direction: "lower_is_better",
        warning: 400,
        critical: 800,
        cadenceMinutes: 30,
        version: 1,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ warning: 400, critical: 800, cadenceMinutes: 30, version: 2 });

    const stale = await t.call(owner.token, {
      method: "PUT",
      url: url(owner, `/${metric.id}`),
      payload: { name: "x", direction: "lower_is_better", warning: 1, critical: 2, cadenceMinutes: null, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const archived = await t.call(owner.token, {
      method: "POST",
      url: url(owner, `/${metric.id}/archive`),
      payload: { reason: "measured elsewhere", version: 2 },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const listed = await t.call(owner.token, { method: "GET", url: `${url(owner)}?systemId=${systemId}` });
    expect(listed.json().items.map((m: { id: string }) => m.id)).not.toContain(metric.id);

    const refused = await push(t, owner, "support-bot", [{ metric: "Latency p95", value: 1 }]);
    expect(refused.statusCode).toBe(400);

    expect((await auditOf(t, owner.orgId, metric.id)).map((e) => e.action)).toEqual([
      "metric.created",
      "metric.updated",
      "metric.archived",
    ]);
  });

  it("keeps names unique per system whatever their case, and thresholds in the order the metric worsens", async () => {
    await defineMetric(t, owner, systemId, {
      name: "Accuracy",
      direction: "higher_is_better",
      warning: 0.9,
      critical: 0.8,
    });
    const clash = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: {
        systemId,
        name: "ACCURACY",
        direction: "higher_is_better",
        warning: 0.9,
        critical: 0.8,
        cadenceMinutes: null,
      },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details.fields).toEqual([
      expect.objectContaining({
        field: "body.name",
        message: "is already the name of another metric of this AI system",
      }),
    ]);

    const reversed = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: {
        systemId,
        name: "drift",
        direction: "lower_is_better",
        warning: 10,
        critical: 5,
        cadenceMinutes: null,
      },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.fields[0]).toMatchObject({
      field: "body.critical",
      message: "must be at or beyond the warning threshold, in the direction the metric gets worse",
    });

    const badCadence = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: { systemId, name: "drift", direction: "sideways", warning: null, critical: null, cadenceMinutes: 0 },
    });
    expect(badCadence.statusCode).toBe(400);
    const fields = badCadence.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.direction", "body.cadenceMinutes"]));
  });

  it("refuses a review rule naming another system's risk", async () => {
    const otherSystem = await givenSystem(t.db, owner.orgId, "other-bot");
    const risk = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks`,
      payload: { title: "Wrong answers", systemId: otherSystem },
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const res = await t.call(owner.token, {
      method: "POST",
      url: url(owner),
      payload: {
        systemId,
        name: "wrong",
        direction: "lower_is_better",
        warning: 1,
        critical: 2,
        cadenceMinutes: null,
        reviewRiskId: risk.json().id,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe("body.reviewRiskId");
  });

  it("answers 404 for another organisation's system and metric", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "toxicity" });
    const foreignSystem = await t.call(other.token, {
      method: "POST",
      url: url(other),
      payload: { systemId, name: "x", direction: "lower_is_better", warning: 1, critical: 2, cadenceMinutes: null },
    });
    expect(foreignSystem.statusCode).toBe(404);
    expect((await t.call(other.token, { method: "GET", url: url(other, `/${metric.id}`) })).statusCode).toBe(404);
    expect((await t.call(other.token, { method: "GET", url: url(other, `/${metric.id}/chart`) })).statusCode).toBe(404);
    const pushed = await push(t, other, "support-bot", [{ metric: "toxicity", value: 1 }]);
    expect(pushed.statusCode).toBe(404);
    const otherAlerts = await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${other.orgId}/alerts` });
    expect(otherAlerts.json().items).toEqual([]);
  });

  it("lets a read-scope token read but not push", async () => {
    const created = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/tokens`,
      payload: { name: "dashboards", scope: "read" },
    });
    const readToken: string = created.json().secret;
    expect((await t.call(readToken, { method: "GET", url: url(owner) })).statusCode).toBe(200);
    const res = await t.call(readToken, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/observations`,
      payload: { system: "support-bot", observations: [{ metric: "toxicity", value: 1 }] },
    });
    expect(res.statusCode).toBe(403);
  });
});
