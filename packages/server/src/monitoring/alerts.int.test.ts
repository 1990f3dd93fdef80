import { join } from "node:path";
import { FileBlobStore, openDatabase } from "@openaims/db";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { testWorker, waitUntil } from "../jobs/job-test-fixtures.js";
import { scheduleRecurringJobs } from "../jobs/recurring-jobs.js";
import { createMailer } from "../mail/mailer.js";
import { auditOf } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { MISSING_DATA_SWEEP_EVERY_MS, MISSING_DATA_SWEEP_JOB, monitoringJobHandlers } from "./missing-data-job.js";
import { alertsOf, defineMetric, minutesAgo, push } from "./monitoring-test-fixtures.js";

describe("alerts from observations", () => {
  let t: TestServer;
  let owner: TestMember;
  let systemId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Alerts");
    systemId = await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());

  const alertUrl = (id: string, action = "") => `/api/v1/orgs/${owner.orgId}/alerts/${id}${action}`;

  it("stores nothing of a batch with a bad row, and names every bad row and field", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "refusals" });
    const res = await push(t, owner, "support-bot", [
      { metric: "refusals", value: 1 },
      { metric: "REFUSALS", value: "2.5", at: minutesAgo(5) },
      { metric: "hallucinations", value: 1 },
      { metric: "refusals", value: "lots" },
      { metric: "refusals", value: 1, at: new Date(Date.now() + 86_400_000).toISOString() },
    ]);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^3 of 5 observations have problems; nothing of this batch was stored/);
    expect(error.details.rows.map((r: { row: number; field: string }) => `${r.row} ${r.field}`)).toEqual([
      "3 metric",
      "4 value",
      "5 at",
    ]);
    expect(error.details.fields[0]).toMatchObject({ field: "body.observations.2.metric", label: "Row 3, metric" });
    const stored = await t.db
      .selectFrom("metric_observations")
      .selectAll()
      .where("metric_id", "=", metric.id)
      .execute();
    expect(stored).toEqual([]);

    const ok = await push(t, owner, "support-bot", [
      { metric: "refusals", value: 1 },
      { metric: metric.id, value: "2.5", at: minutesAgo(5) },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ stored: 2, alerts: [] });
  });

  it("raises one alert for a breach, extends it while open, escalates a warning to critical", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "error_rate", warning: 5, critical: 10 });
    const first = await push(t, owner, "support-bot", [
      { metric: "error_rate", value: 2, at: minutesAgo(30) },
      { metric: "error_rate", value: 6, at: minutesAgo(20) },
      { metric: "error_rate", value: 7, at: minutesAgo(10) },
    ]);
    expect(first.json().alerts).toEqual([
      expect.objectContaining({ metric: "error_rate", kind: "breach", level: "warning", change: "raised" }),
    ]);
    const fiveMinutesAgo = minutesAgo(5);
    const again = await push(t, owner, "support-bot", [{ metric: "error_rate", value: 8, at: fiveMinutesAgo }]);
    expect(again.json().alerts).toEqual([]);
    let alerts = await alertsOf(t, metric.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ level: "warning", status: "open", observed_value: 7 });
    expect(alerts[0]?.last_seen_at.toISOString()).toBe(fiveMinutesAgo);

    const critical = await push(t, owner, "support-bot", [{ metric: "error_rate", value: 12 }]);
    expect(critical.json().alerts).toEqual([expect.objectContaining({ level: "critical", change: "escalated" })]);
    alerts = await alertsOf(t, metric.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ level: "critical", observed_value: 12, version: 2 });

    const read = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/metrics/${metric.id}` });
    expect(read.json()).toMatchObject({
      state: "critical",
      latest: { value: 12 },
      openAlerts: 1,
      worstOpenLevel: "critical",
    });
    const id = alerts[0]?.id as string;
    expect((await auditOf(t, owner.orgId, id)).map((e) => [e.action, e.actor_label])).toEqual([
      ["alert.raised", "monitoring"],
      ["alert.escalated", "monitoring"],
    ]);
  });

  it("is acknowledged and resolved in order, refusing other steps with the allowed ones named", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "latency", warning: 100, critical: 200 });
    const raised = await push(t, owner, "support-bot", [{ metric: "latency", value: 300 }]);
    const { id } = raised.json().alerts[0];
    const ack = await t.call(owner.token, {
      method: "POST",
      url: alertUrl(id, "/acknowledge"),
      payload: { version: 1 },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: "acknowledged", acknowledgedBy: { name: "Test owner" }, version: 2 });

    const twice = await t.call(owner.token, {
      method: "POST",
      url: alertUrl(id, "/acknowledge"),
      payload: { version: 2 },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: "illegal_transition",
      message: "An alert that is acknowledged can be resolved, not acknowledged.",
      details: { allowed: ["resolved"] },
    });
    const stale = await t.call(owner.token, {
      method: "POST",
      url: alertUrl(id, "/resolve"),
      payload: { version: 1, note: "x" },
    });
    expect(stale.json().error.code).toBe("version_conflict");

    const resolved = await t.call(owner.token, {
      method: "POST",
      url: alertUrl(id, "/resolve"),
      payload: { version: 2, note: "Rolled back the prompt" },
    });
    expect(resolved.json()).toMatchObject({ status: "resolved", resolutionNote: "Rolled back the prompt" });
    const after = await t.call(owner.token, { method: "POST", url: alertUrl(id, "/resolve"), payload: { version: 3 } });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.details.allowed).toEqual([]);

    // Resolved, the next breach raises a new alert.
    const next = await push(t, owner, "support-bot", [{ metric: "latency", value: 150 }]);
    expect(next.json().alerts).toEqual([expect.objectContaining({ level: "warning", change: "raised" })]);
    expect(await alertsOf(t, metric.id)).toHaveLength(2);
    expect((await auditOf(t, owner.orgId, id)).map((e) => e.action)).toEqual([
      "alert.raised",
      "alert.acknowledged",
      "alert.resolved",
    ]);

    const active = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/alerts?metricId=${metric.id}&active=true`,
    });
    expect(active.json().items.map((a: { status: string }) => a.status)).toEqual(["open"]);
    const bySystem = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/alerts?systemId=${systemId}&status=resolved&level=critical`,
    });
    expect(bySystem.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it("asks for the chosen risk to be reviewed again when an alert is raised", async () => {
    const risk = (
      await t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/risks`,
        payload: { title: "Unsafe answers", systemId },
      })
    ).json();
    await defineMetric(t, owner, systemId, { name: "unsafe_answers", warning: 0, critical: 3, reviewRiskId: risk.id });
    await push(t, owner, "support-bot", [{ metric: "unsafe_answers", value: 1 }]);
    const row = await t.db
      .selectFrom("risks")
      .select("rereview_requested_at")
      .where("id", "=", risk.id)
      .executeTakeFirstOrThrow();
    expect(row.rereview_requested_at).not.toBeNull();
    expect((await auditOf(t, owner.orgId, risk.id)).map((e) => e.action)).toContain("risk.rereview_requested");
  });

  it("opens an incident with the alert linked when a critical alert is raised and the rule asks for it", async () => {
    await defineMetric(t, owner, systemId, {
      name: "jailbreaks",
      warning: 1,
      critical: 5,
      openIncidentOnCritical: true,
    });
    const warning = await push(t, owner, "support-bot", [{ metric: "jailbreaks", value: 2 }]);
    const { id } = warning.json().alerts[0];
    expect((await t.call(owner.token, { method: "GET", url: alertUrl(id) })).json().incidents).toEqual([]);

    const critical = await push(t, owner, "support-bot", [{ metric: "jailbreaks", value: 9 }]);
    expect(critical.json().alerts).toEqual([expect.objectContaining({ id, change: "escalated" })]);
    const alert = (await t.call(owner.token, { method: "GET", url: alertUrl(id) })).json();
    expect(alert.incidents).toEqual([expect.objectContaining({ status: "reported" })]);
    const incident = (
      await t.call(owner.token, {
        method: "GET",
        url: `/api/v1/orgs/${owner.orgId}/incidents/${alert.incidents[0].id}`,
      })
    ).json();
    expect(incident).toMatchObject({ severity: "high", title: `Critical alert ${alert.ref} on metric jailbreaks` });
    expect(JSON.stringify(incident)).toContain(systemId);

    // Further critical values extend the alert; they open no second incident.
    await push(t, owner, "support-bot", [{ metric: "jailbreaks", value: 12 }]);
    expect((await t.call(owner.token, { method: "GET", url: alertUrl(id) })).json().incidents).toHaveLength(1);
  });

  it("raises a missing-data alert once when no observation came within the cadence", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "heartbeat", cadenceMinutes: 15 });
    await sql`update metrics set created_at = now() - interval '2 hours' where id = ${metric.id}`.execute(t.db);
    await push(t, owner, "support-bot", [{ metric: "heartbeat", value: 1, at: minutesAgo(60) }]);
    const fresh = await defineMetric(t, owner, systemId, { name: "fresh", cadenceMinutes: 15 });

    const sweep = () => t.call(owner.token, { method: "POST", url: `/api/v1/orgs/${owner.orgId}/metrics/sweep` });
    const first = await sweep();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().alerts).toEqual([
      expect.objectContaining({ metric: "heartbeat", kind: "missing_data", level: "warning", change: "raised" }),
    ]);
    expect((await sweep()).json().alerts).toEqual([]);
    await Promise.all([sweep(), sweep()]);
    expect(await alertsOf(t, metric.id)).toHaveLength(1);
    expect(await alertsOf(t, fresh.id)).toHaveLength(0);
  });

  it("sweeps for missing data as a recurring job, once per minute slot", async () => {
    const metric = await defineMetric(t, owner, systemId, { name: "nightly_eval", cadenceMinutes: 1 });
    await sql`update metrics set created_at = now() - interval '5 minutes' where id = ${metric.id}`.execute(t.db);
    const errors: unknown[] = [];
    const recurring = [{ kind: MISSING_DATA_SWEEP_JOB, everyMs: MISSING_DATA_SWEEP_EVERY_MS }];
    const stop = scheduleRecurringJobs(t.db, recurring, { error: (obj) => errors.push(obj) }, 20);
    const worker = testWorker(t.db, monitoringJobHandlers);
    try {
      await waitUntil(async () => (await alertsOf(t, metric.id)).length > 0, "the sweep raised the alert");
      await waitUntil(async () => {
        const jobs = await t.db
          .selectFrom("jobs")
          .select("status")
          .where("kind", "=", MISSING_DATA_SWEEP_JOB)
          .execute();
        return jobs.length > 0 && jobs.every((job) => job.status === "done");
      }, "the sweep's job is done");
    } finally {
      await stop();
      await worker.close();
    }
    expect(errors).toEqual([]);
    expect(worker.entries.filter((entry) => entry.level === "error")).toEqual([]);
    expect(await alertsOf(t, metric.id)).toEqual([expect.objectContaining({ kind: "missing_data", status: "open" })]);
    // Ticking every 20 ms, the scheduler still made one job per minute.
    const jobs = await t.db.selectFrom("jobs").select("key").where("kind", "=", MISSING_DATA_SWEEP_JOB).execute();
    expect(jobs.length).toBeLessThanOrEqual(2);
    expect(jobs.every((job) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/.test(job.key))).toBe(true);
  });

  it("raises one alert when two servers on the same database see the same breach at once", async () => {
    const second = await secondServer(t);
    try {
      const metric = await defineMetric(t, owner, systemId, { name: "toxicity", warning: 0.1, critical: 0.5 });
      const body = { system: "support-bot", observations: [{ metric: "toxicity", value: 0.9 }] };
      const headers = { authorization: `Bearer ${owner.token}` };
      const url = `/api/v1/orgs/${owner.orgId}/observations`;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? t.app : second.app).inject({ method: "POST", url, payload: body, headers }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      const raised = results.flatMap((r) => r.json().alerts);
      expect(raised).toHaveLength(1);
      const [alert] = await alertsOf(t, metric.id);
      expect(alert).toBeDefined();
      // The database itself refuses a second alert of the metric and kind while one is not resolved.
      await expect(
        t.db
          .insertInto("metric_alerts")
          .values({ ...(alert as NonNullable<typeof alert>), evidence: null, id: crypto.randomUUID(), ref: "AL-copy" })
          .execute(),
      ).rejects.toThrow(/metric_alerts_one_open_idx|duplicate key/);
    } finally {
      await second.close();
    }
  });
});

/** A second application on the test server's database, through its own connection pool on PostgreSQL. */
async function secondServer(t: TestServer): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const own = t.database.url ? await openDatabase({ databaseUrl: t.database.url, dataDir: t.config.dataDir }) : null;
  const app = await buildApp({
    db: own?.db ?? t.db,
    engine: t.database.engine,
    blobs: new FileBlobStore(join(t.config.dataDir, "blobs")),
    config: t.config,
    mailer: createMailer(t.config.smtpUrl, t.config.mailFrom),
    secrets: t.secrets,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await own?.close();
    },
  };
}
