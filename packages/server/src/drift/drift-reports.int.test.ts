import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { driftHtmlFixture, driftReportFixture } from "./drift-test-fixtures.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("drift reports", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let systemId: string;
  let assetId: string;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Drifting");
    other = await t.addOrg("Elsewhere");
    systemId = await givenSystem(t.db, owner.orgId, "credit-model");
    await givenSystem(t.db, other.orgId, "their-model");
    const asset = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/assets`,
      payload: { name: "Loan applications", kind: "dataset" },
    });
    expect(asset.statusCode, asset.body).toBe(201);
    assetId = asset.json().id;
  });
  afterAll(() => t.close());

  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}`;
  const get = (path: string, member: TestMember = owner) =>
    t.call(member.token, { method: "GET", url: `${base(member)}${path}` });
  const upload = (payload: unknown, member: TestMember = owner) =>
    t.call(member.token, { method: "POST", url: `${base(member)}/drift-reports`, payload: payload as object });
  const controlId = async (ref: string) =>
    (
      await t.db
        .selectFrom("controls")
        .select("id")
        .where("org_id", "=", owner.orgId)
        .where("ref", "=", ref)
        .executeTakeFirstOrThrow()
    ).id;

  it("files an uploaded report as evidence on the system's monitoring controls and records its scores as metrics that alert", async () => {
    const res = await upload({
      system: "credit-model",
      assetId,
      summary: driftReportFixture(["age", "income", "term"], ["age"]),
      html: driftHtmlFixture,
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      ref: "DR-1",
      origin: "upload",
      status: "completed",
      system: { slug: "credit-model" },
      asset: { id: assetId, name: "Loan applications" },
      columnsTotal: 3,
      columnsDrifted: 1,
      htmlSha256: sha256(driftHtmlFixture),
      evidence: { ref: "E-1" },
    });

    const evidence = (await get(`/evidence/${report.evidence.id}`)).json();
    expect(evidence).toMatchObject({ kind: "file", source: "engine", state: "current" });
    expect(evidence.title).toBe("Drift report DR-1 of System credit-model: 1 of 3 columns drifted");
    expect(evidence.file).toMatchObject({ sha256: sha256(driftHtmlFixture), mediaType: "text/html" });
    expect(
      evidence.links.map((link: { targetType: string; ref: string }) => `${link.targetType} ${link.ref}`).sort(),
    ).toEqual(["clause 9.1", "control A.6.2.6", "system credit-model"]);
    const control = (await get(`/controls/${await controlId("A.6.2.6")}`)).json();
    expect(control.evidence).toMatchObject({ state: "current", refs: ["E-1"] });

    const detail = (await get(`/drift-reports/${report.id}`)).json();
    expect(detail.summary.summary.drifted).toEqual(["age"]);
    expect(detail.metrics.map((m: { sourceKey: string; value: number }) => [m.sourceKey, m.value])).toEqual([
      ["drift:share", 1 / 3],
      ["drift:psi:age", 0.4],
      ["drift:psi:income", 0.01],
      ["drift:psi:term", 0.01],
    ]);

    // PSI 0.4 of age is beyond the critical 0.25 its metric starts with: one critical alert.
    const alerts = (await get(`/alerts?systemId=${systemId}`)).json();
    expect(alerts.items.map((a: { metric: { name: string }; level: string }) => [a.metric.name, a.level])).toEqual([
      ["Drift PSI age", "critical"],
    ]);

    // A threshold the user sets on the share of drifted columns raises an alert with the next report.
    const share = detail.metrics.find((m: { sourceKey: string }) => m.sourceKey === "drift:share");
    const metric = (await get(`/metrics/${share.metricId}`)).json();
    const updated = await t.call(owner.token, {
      method: "PUT",
      url: `${base()}/metrics/${share.metricId}`,
      payload: {
        version: metric.version,
        name: metric.name,
        direction: "lower_is_better",
        warning: 0.2,
        critical: 0.6,
        cadenceMinutes: null,
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const second = await upload({
      system: systemId,
      summary: driftReportFixture(["age", "income", "term"], ["income"]),
      html: `${driftHtmlFixture}<!-- 2 -->`,
    });
    expect(second.statusCode, second.body).toBe(201);
    const after = (await get(`/alerts?systemId=${systemId}`)).json();
    expect(
      after.items.map((a: { metric: { name: string }; level: string }) => [a.metric.name, a.level]).sort(),
    ).toEqual([
      ["Drift PSI age", "critical"],
      ["Drift PSI income", "critical"],
      ["Drift share of columns", "warning"],
    ]);

    const list = (await get(`/drift-reports?systemId=${systemId}`)).json();
    expect(list.items.map((r: { ref: string }) => r.ref)).toEqual(["DR-2", "DR-1"]);
    expect((await get(`/drift-reports?assetId=${assetId}`)).json().items.map((r: { ref: string }) => r.ref)).toEqual([
      "DR-1",
    ]);

    const html = await get(`/drift-reports/${report.id}/html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toBe(driftHtmlFixture);
    expect(html.headers["content-security-policy"]).toContain("sandbox");
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(html.headers["x-content-sha256"]).toBe(sha256(driftHtmlFixture));
  });

  it("gives columns whose names differ only in case metrics of their own", async () => {
    await givenSystem(t.db, owner.orgId, "pricing-model");
    const res = await upload({
      system: "pricing-model",
      summary: driftReportFixture(["Amount", "amount"]),
      html: `${driftHtmlFixture}<!-- pricing -->`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await get(`/drift-reports/${res.json().id}`)).json();
    expect(detail.metrics.map((m: { name: string; sourceKey: string }) => [m.sourceKey, m.name])).toEqual([
      ["drift:share", "Drift share of columns"],
      ["drift:psi:Amount", "Drift PSI Amount"],
      ["drift:psi:amount", "Drift PSI amount 2"],
    ]);
  });

  it("refuses a summary that does not match the schema, naming the field", async () => {
    const summary = driftReportFixture(["age"], []);
    const bad = { ...summary, summary: { ...summary.summary, driftShare: 3 } };
    const res = await upload({ system: "credit-model", summary: bad, html: driftHtmlFixture });
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("body.summary.summary.driftShare");
    const noHtml = await upload({ system: "credit-model", summary, html: "" });
    expect(noHtml.statusCode).toBe(400);
    expect(invalidFieldLines(noHtml)).toContain("body.html");
  });

  it("answers 404 across organisations", async () => {
    const mine = (await get("/drift-reports")).json().items[0];
    expect((await get(`/drift-reports/${mine.id}`, other)).statusCode).toBe(404);
    expect((await get(`/drift-reports/${mine.id}/html`, other)).statusCode).toBe(404);
    const theirs = await upload(
      { system: "credit-model", summary: driftReportFixture(["age"]), html: driftHtmlFixture },
      other,
    );
    expect(theirs.statusCode).toBe(404);
    const sample = await t.call(other.token, {
      method: "POST",
      url: `${base(other)}/drift-samples?assetId=${assetId}&role=reference&fileName=x.csv`,
      headers: { "content-type": "text/csv" },
      payload: "a\n1\n",
    });
    expect(sample.statusCode).toBe(404);
    expect((await get(`/drift-reports?assetId=${assetId}`, other)).statusCode).toBe(404);
  });
});
