import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfPages } from "../exports/testing/read-pdf-text.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { addSystem } from "./test-fixtures.js";

describe("risk register export", () => {
  let t: TestServer;
  let owner: TestMember;
  let riskRef: string;
  const url = (format: string) => `/api/v1/orgs/${owner.orgId}/risks/export?format=${format}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Exporting");
    const systemId = await addSystem(t, owner.orgId, { name: "Chat assistant" });
    const created = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks`,
      payload: {
        title: "=Formula-looking title",
        systemId,
        riskSources: ["C.3.4", "C.3.6"],
        inherentLikelihood: 4,
        inherentImpact: 4,
      },
    });
    const risk = created.json();
    riskRef = risk.ref;
    const archived = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks`,
      payload: { title: "Gone" },
    });
    await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/risks/${archived.json().id}/archive`,
      payload: { version: 1, reason: "Entered twice" },
    });
    const controlId = randomUUID();
    await t.db
      .insertInto("controls")
      .values({
        id: controlId,
        org_id: owner.orgId,
        ref: "C-901",
        title: "Output filter",
        kind: "custom",
        position: 9001,
      })
      .execute();
    await t.db
      .insertInto("control_risks")
      .values({ id: randomUUID(), org_id: owner.orgId, control_id: controlId, risk_id: risk.id })
      .execute();
    const evidenceId = randomUUID();
    await t.db
      .insertInto("evidence")
      .values({
        id: evidenceId,
        org_id: owner.orgId,
        ref: "E-901",
        title: "Filter test run",
        kind: "record",
        source: "manual",
        collected_at: new Date(),
        validity_basis: "none",
      })
      .execute();
    await t.db
      .insertInto("evidence_links")
      .values({
        id: randomUUID(),
        org_id: owner.orgId,
        evidence_id: evidenceId,
        target_type: "risk",
        target_id: risk.id,
      })
      .execute();
  });
  afterAll(() => t.close());

  it("writes the register as CSV with linked control and evidence refs, leaving archived risks out", async () => {
    const res = await t.call(owner.token, { method: "GET", url: url("csv") });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/risk-register-\d{4}-\d{2}-\d{2}\.csv/);
    expect(res.headers["x-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    const [header, ...rows]: string[][] = parse(res.body);
    expect(header).toContain("Controls");
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries((header ?? []).map((name, i) => [name, rows[0]?.[i]]));
    expect(row).toMatchObject({
      Ref: riskRef,
      Title: "'=Formula-looking title",
      "AI system": "Chat assistant",
      "Inherent rating": "High",
      "Last reviewed": expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "Annex C sources": "C.3.4, C.3.6",
      Controls: "C-901",
      Evidence: "E-901",
    });
  });

  it("writes XLSX and PDF with the same content hash", async () => {
    const csv = await t.call(owner.token, { method: "GET", url: url("csv") });
    const xlsx = await t.call(owner.token, { method: "GET", url: url("xlsx") });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.headers["x-content-sha256"]).toBe(csv.headers["x-content-sha256"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe(riskRef);
    const pdf = await t.call(owner.token, { method: "GET", url: url("pdf") });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect((await readPdfPages(pdf.rawPayload)).join(" ")).toContain("Risk register");
  });

  it("answers 400 naming an unknown format", async () => {
    const res = await t.call(owner.token, { method: "GET", url: url("docx") });
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("query.format");
  });
});
