import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { defineMetric, push } from "./monitoring-test-fixtures.js";
import { insertObservations } from "./push-observations.js";

describe("metric chart data", () => {
  let t: TestServer;
  let owner: TestMember;
  let systemId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Charts");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());

  const chart = (metricId: string, query = "") =>
    t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/metrics/${metricId}/chart${query}` });

  it("sends the last 30 days as they are, with the thresholds and the alerts in the range", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "error_rate", warning: 5, critical: 10 });
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await push(t, owner, "support-bot", [
      { metric: "error_rate", value: 1, at: day(40) },
      { metric: "error_rate", value: 2, at: day(3) },
      { metric: "error_rate", value: 12, at: day(2) },
      { metric: "error_rate", value: 3, at: day(1) },
    ]);
    const res = await chart(metric.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.metric).toMatchObject({ warning: 5, critical: 10, direction: "lower_is_better" });
    expect(body.bucketSeconds).toBeNull();
    expect(body.points.map((p: { value: number }) => p.value)).toEqual([2, 12, 3]);
    expect(body.alerts).toEqual([expect.objectContaining({ level: "critical", observedValue: 12 })]);

    const older = await chart(metric.id, `?from=${encodeURIComponent(day(50))}&to=${encodeURIComponent(day(30))}`);
    expect(older.json().points.map((p: { value: number }) => p.value)).toEqual([1]);
    expect(older.json().alerts).toEqual([]);
  });

  it("sums up a year of hourly observations in at most 1,000 buckets", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "latency", warning: null, critical: null });
    const end = Date.UTC(2026, 0, 1);
    const hours = 8760;
    await insertObservations(
      t.db,
      Array.from({ length: hours }, (_, i) => ({
        metricId: metric.id,
        at: new Date(end - (hours - i) * 3_600_000),
        value: i % 24,
      })),
    );
    const from = new Date(end - hours * 3_600_000).toISOString();
    const res = await chart(metric.id, `?from=${from}&to=${new Date(end).toISOString()}`);
    const body = res.json();
    expect(body.bucketSeconds).toBe(31_536);
    expect(body.points.length).toBeLessThanOrEqual(1000);
    expect(body.points.length).toBeGreaterThan(990);
    expect(body.points.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(hours);
    expect(Math.min(...body.points.map((p: { min: number }) => p.min))).toBe(0);
    expect(Math.max(...body.points.map((p: { max: number }) => p.max))).toBe(23);
  });

  it("refuses a range that ends before it starts", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "drift" });
    const res = await chart(metric.id, "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: "query.from" });
  });
});
