import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContentHash } from "../exports/index.js";
import { readPdfLines } from "../exports/testing/read-pdf-text.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipIdOf, orgCaller } from "./internal-audit-testing.js";

const ORG_NAME = "Report Org";

describe("internal audit report export", () => {
  let t: TestServer;
  let call: ReturnType<typeof orgCaller>;
  let owner: TestMember;
  let auditId: string;
  let ncRef: string;

  const report = (format: string) => call(owner, "GET", `/internal-audits/${auditId}/report?format=${format}`);
  const detail = async () => (await call(owner, "GET", `/internal-audits/${auditId}`)).json();

  beforeAll(async () => {
    t = await startTestServer();
    call = orgCaller(t);
    owner = await t.addOrg(ORG_NAME);
    const created = await call(owner, "POST", "/internal-audits", {
      title: "Release validation audit",
      scope: { clauseIds: ["9.2.2"], controlIds: ["A.6.2.4"], processes: ["model release"] },
      criteria: "ISO/IEC 42001 A.6.2.4 and the release procedure PROC-4",
      plannedStart: "2026-03-02",
      plannedEnd: "2026-03-06",
      leadAuditorMemberId: await membershipIdOf(t, owner),
    });
    expect(created.statusCode, created.body).toBe(201);
    auditId = created.json().id;
    let audit = created.json();
    audit = (
      await call(owner, "POST", `/internal-audits/${auditId}/transition`, { version: audit.version, to: "in_progress" })
    ).json();
    const [clause, control] = audit.items;
    await call(owner, "PATCH", `/internal-audits/${auditId}/items/${clause.id}`, {
      version: clause.version,
      result: "conforming",
      notes: "Programme sets frequency and methods.",
    });
    const answered = await call(owner, "PATCH", `/internal-audits/${auditId}/items/${control.id}`, {
      version: control.version,
      result: "major_nc",
      samples: "Releases 3.1 and 3.2",
    });
    const raised = await call(owner, "POST", `/internal-audits/${auditId}/items/${control.id}/nonconformity`, {
      version: answered.json().version,
    });
    expect(raised.statusCode, raised.body).toBe(201);
    ncRef = raised.json().record.ref;
  });
  afterAll(() => t.close());

  it("writes PDF and XLSX with organisation, date, the audit's version and one content SHA-256", async () => {
    const audit = await detail();
    const pdf = await report("pdf");
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain(`internal-audit-IA-1-v${audit.version}.pdf`);
    const hash = String(pdf.headers["x-content-sha256"]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const pages = await readPdfLines(pdf.rawPayload);
    const cover = pages[0] ?? [];
    expect(cover).toContain(`Organisation ${ORG_NAME}`);
    expect(cover).toContain(`Version v${audit.version}`);
    expect(cover).toContain(`Content SHA-256 ${hash}`);
    expect(cover).toContain("Approval Not approved");
    expect(cover.some((line) => /^Generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/.test(line))).toBe(true);
    const text = pages.flat().join("\n");
    for (const expected of [
      "Internal audit report IA-1",
      "A.6.2.4",
      "9.2.2",
      "Major nonconformity",
      "Conforming",
      ncRef,
      "model release",
      "PROC-4",
      "Lead auditor",
      "Not yet written",
    ])
      expect(text).toContain(expected);

    const xlsx = await report("xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.headers["x-content-sha256"]).toBe(hash);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const about = workbook.getWorksheet("About");
    const facts = new Map<string, string>();
    about?.eachRow((row) => facts.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(facts.get("Organisation")).toBe(ORG_NAME);
    expect(facts.get("Version")).toBe(`v${audit.version}`);
    expect(facts.get("Content SHA-256")).toBe(hash);
    expect(facts.get("Generated at")).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The hash is recomputed from the cells as the About sheet defines it.
    const sheet = workbook.worksheets[0];
    const cells: string[][] = [];
    sheet?.eachRow((row) =>
      cells.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))),
    );
    const [headers = [], ...rows] = cells;
    const width = headers.length;
    const recomputed = exportContentHash({
      title: "Internal audit report IA-1",
      version: `v${audit.version}`,
      columns: headers.map((header, i) => ({ key: String(i), header })),
      rows: rows.map((row) => Object.fromEntries(Array.from({ length: width }, (_, i) => [String(i), row[i] ?? ""]))),
    });
    expect(recomputed).toBe(hash);
    const results = rows.filter((row) => row[0] === "Results").map((row) => [row[1], row[3]]);
    expect(results).toEqual([
      ["9.2.2", "Conforming"],
      ["A.6.2.4", "Major nonconformity"],
    ]);
    expect(rows).toContainEqual(["Summary", "", "Answered", "", "2 of 2"]);
  });

  it("states the closing as the report's sign-off, with a new version and hash once closed", async () => {
    const before = String((await report("pdf")).headers["x-content-sha256"]);
    let audit = await detail();
    audit = (
      await call(owner, "POST", `/internal-audits/${auditId}/transition`, { version: audit.version, to: "reporting" })
    ).json();
    const closed = await call(owner, "POST", `/internal-audits/${auditId}/transition`, {
      version: audit.version,
      to: "closed",
      conclusion: "Release validation is not evidenced; one major nonconformity raised.",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const pdf = await report("pdf");
    const pages = await readPdfLines(pdf.rawPayload);
    expect(pdf.headers["x-content-sha256"]).not.toBe(before);
    expect(pages[0]).toContain(`Version v${closed.json().version}`);
    expect(pages[0]?.find((line) => line.startsWith("Approval"))).toMatch(
      new RegExp(`^Approval Approved by Test owner <${owner.email}> on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$`),
    );
    expect(pages.flat().join(" ")).toContain("major nonconformity raised");
  });

  it("answers 400 naming the format for anything but pdf or xlsx", async () => {
    const res = await report("csv");
    expect(res.statusCode).toBe(400);
    expect(invalidFieldLines(res)).toContain("query.format");
  });
});
