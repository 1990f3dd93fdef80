import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { testWorker, waitUntil } from "../jobs/job-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { driftJobHandlers } from "./drift-report-job.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Reports the server computes in a job, from uploaded samples and from windows of telemetry, through the drift engine. */
describe("drift reports computed on the server", () => {
  let t: TestServer;
  let owner: TestMember;
  let systemId: string;
  let assetId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Drifting");
    systemId = await givenSystem(t.db, owner.orgId, "credit-model");
    const asset = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/assets`,
      payload: { name: "Loan applications", kind: "dataset" },
    });
    expect(asset.statusCode, asset.body).toBe(201);
    assetId = asset.json().id;
  });
  afterAll(() => t.close());

  const base = () => `/api/v1/orgs/${owner.orgId}`;
  const get = (path: string) => t.call(owner.token, { method: "GET", url: `${base()}${path}` });

  const sendSample = async (role: string, fileName: string, text: string) => {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/drift-samples?assetId=${assetId}&role=${role}&fileName=${fileName}`,
      headers: { "content-type": "text/csv" },
      payload: text,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  /** 400 rows: x and region alike in both samples; y shifted by 5 in the current one. */
  const csv = (shift: number, withLabel = true) => {
    const lines = [withLabel ? "x,y,region" : "x,y"];
    for (let i = 0; i < 400; i++) {
      const x = (i * 37) % 100;
      const y = ((i * 53) % 100) / 10 + shift;
      lines.push(withLabel ? `${x},${y},${["a", "b", "c"][i % 3]}` : `${x},${y}`);
    }
    return `${lines.join("\n")}\n`;
  };
  const runAndWait = async (payload: object) => {
    const res = await t.call(owner.token, { method: "POST", url: `${base()}/drift-reports/run`, payload });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe("running");
    const worker = testWorker(t.db, driftJobHandlers, { config: t.config });
    try {
      await waitUntil(
        async () => (await get(`/drift-reports/${res.json().id}`)).json().report.status !== "running",
        "the drift report finished",
        60_000,
      );
    } finally {
      await worker.close();
    }
    return (await get(`/drift-reports/${res.json().id}`)).json();
  };

  it("flags exactly the shifted column of uploaded samples", async () => {
    const reference = await sendSample("reference", "reference.csv", csv(0));
    expect(reference).toMatchObject({ rowCount: 400, format: "csv", origin: "upload" });
    expect(reference.columns.map((c: { name: string }) => c.name)).toEqual(["x", "y", "region"]);
    expect(reference.sha256).toBe(sha256(csv(0)));
    const current = await sendSample("current", "current.csv", csv(5));
    const detail = await runAndWait({
      assetId,
      systemId,
      referenceSampleId: reference.id,
      currentSampleId: current.id,
    });
    expect(detail.report.status, detail.report.error).toBe("completed");
    expect(detail.summary.summary.drifted).toEqual(["y"]);
    expect(detail.report).toMatchObject({ columnsTotal: 3, columnsDrifted: 1, origin: "server" });
    expect(detail.report.evidence).not.toBeNull();
    expect(detail.metrics.map((m: { sourceKey: string }) => m.sourceKey)).toContain("drift:psi:y");
    const html = await get(`/drift-reports/${detail.report.id}/html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers["x-content-sha256"]).toBe(detail.report.htmlSha256);
  }, 90_000);

  it("fails a report whose current sample lacks a column, naming the column", async () => {
    const reference = await sendSample("reference", "full.csv", csv(0));
    const current = await sendSample("current", "partial.csv", csv(0, false));
    const detail = await runAndWait({ assetId, referenceSampleId: reference.id, currentSampleId: current.id });
    expect(detail.report.status).toBe("failed");
    expect(detail.report.error).toMatch(/'region'|"region"|\bregion\b/);
    expect(detail.report.error).toContain("partial.csv");
    expect(detail.summary).toBeNull();
  }, 90_000);

  it("compares a window of telemetry with an earlier one, flagging the latency that shifted", async () => {
    const spans = (start: number, latencyShift: number) =>
      Array.from({ length: 300 }, (_, i) => ({
        org_id: owner.orgId,
        system_id: systemId,
        trace_id: `t${start}-${i}`,
        span_id: `s${start}-${i}`,
        name: "chat gpt-x",
        operation: "chat",
        provider: "openai",
        request_model: "gpt-x",
        response_model: "gpt-x",
        started_at: new Date(start + i * 1000),
        duration_ms: ((i * 37) % 100) + latencyShift,
        input_tokens: 100 + ((i * 13) % 50),
        output_tokens: 200 + ((i * 7) % 80),
        finish_reasons: JSON.stringify(["stop"]),
        attributes: "{}",
      }));
    const day = Date.UTC(2026, 10, 2);
    await t.db.insertInto("telemetry_spans").values(spans(day, 0)).execute();
    await t.db
      .insertInto("telemetry_spans")
      .values(spans(day + 3_600_000, 400))
      .execute();
    const derived = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/drift-samples/telemetry`,
      payload: {
        assetId,
        role: "reference",
        window: { systemId, from: new Date(day).toISOString(), to: new Date(day + 1_800_000).toISOString() },
      },
    });
    expect(derived.statusCode, derived.body).toBe(201);
    expect(derived.json()).toMatchObject({ origin: "telemetry", format: "csv", rowCount: 300 });
    expect(derived.json().columns.map((c: { name: string }) => c.name)).toEqual([
      "latency_ms",
      "input_tokens",
      "output_tokens",
      "model",
      "finish_reason",
      "operation",
      "error",
      "refused",
    ]);
    const detail = await runAndWait({
      assetId,
      systemId,
      referenceSampleId: derived.json().id,
      window: {
        systemId,
        from: new Date(day + 3_600_000).toISOString(),
        to: new Date(day + 5_400_000).toISOString(),
      },
    });
    expect(detail.report.status, detail.report.error).toBe("completed");
    expect(detail.summary.summary.drifted).toEqual(["latency_ms"]);
    expect(detail.summary.current.rows).toBe(300);
  }, 90_000);

  it("refuses a sample that cannot be read and a window without spans, naming the field", async () => {
    const empty = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/drift-samples?assetId=${assetId}&role=current&fileName=empty.csv`,
      headers: { "content-type": "text/csv" },
      payload: "x,y\n",
    });
    expect(empty.statusCode).toBe(400);
    expect(invalidFieldLines(empty)).toContain("body: has no rows");
    const window = await t.call(owner.token, {
      method: "POST",
      url: `${base()}/drift-samples/telemetry`,
      payload: {
        assetId,
        role: "current",
        window: { systemId, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" },
      },
    });
    expect(window.statusCode).toBe(400);
    expect(invalidFieldLines(window)).toContain("body.window: holds no spans");
  });
});
