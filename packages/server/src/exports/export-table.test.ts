import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportHeaders, exportTable, type TableExport } from "./export-table.js";
import { guardFormula } from "./render-csv.js";
import { exportContent, exportContentHash } from "./table-export.js";
import { readPdfPages } from "./testing/read-pdf-text.js";

const table: TableExport = {
  title: "Statement of Applicability",
  orgName: "Zoë & Co",
  generatedAt: new Date("2025-03-04T05:06:07.000Z"),
  version: "v3",
  filenameStem: "soa v3/2025",
  columns: [
    { key: "id", header: "Control", width: 8 },
    { key: "title", header: "Title", width: 30 },
    { key: "note", header: "Note", width: 40 },
    { key: "n", header: "Count", width: 6 },
  ],
  rows: [
    { id: "A.2.2", title: "AI policy", note: '=HYPERLINK("http://x")', n: 3 },
    { id: "A.2.3", title: 'Quotes "inside", commas, and\nnew lines', note: null, n: -1 },
    { id: "A.2.4", title: "Ünïcødé — “typographic” 日本", note: "@sum +1 -2", n: null },
  ],
};

async function pdfText(buffer: Buffer): Promise<string> {
  return (await readPdfPages(buffer)).join("\n");
}

describe("exportTable", () => {
  const expectedHash = createHash("sha256").update(exportContent(table)).digest("hex");

  it("hashes the canonical content, the same whatever the format", () => {
    expect(exportContentHash(table)).toBe(expectedHash);
    expect(JSON.parse(exportContent(table))).toEqual({
      columns: ["Control", "Title", "Note", "Count"],
      rows: [
        ["A.2.2", "AI policy", '=HYPERLINK("http://x")', "3"],
        ["A.2.3", 'Quotes "inside", commas, and\nnew lines', "", "-1"],
        ["A.2.4", "Ünïcødé — “typographic” 日本", "@sum +1 -2", ""],
      ],
      title: "Statement of Applicability",
      version: "v3",
    });
    expect(exportContentHash({ ...table, version: "v4" })).not.toBe(expectedHash);
  });

  it("writes RFC 4180 CSV with a formula guard and the facts in headers", async () => {
    const response = await exportTable(table, "csv");
    expect(response.contentType).toBe("text/csv; charset=utf-8");
    expect(response.filename).toBe("soa-v3-2025.csv");
    const text = (response.body as Buffer).toString("utf8");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    const records: string[][] = parse(text);
    expect(records[0]).toEqual(["Control", "Title", "Note", "Count"]);
    expect(records[1]).toEqual(["A.2.2", "AI policy", '\'=HYPERLINK("http://x")', "3"]);
    expect(records[2]).toEqual(["A.2.3", 'Quotes "inside", commas, and\nnew lines', "", "'-1"]);
    expect(records[3]?.[2]).toBe("'@sum +1 -2");
    expect(response.headers[exportHeaders.contentSha256]).toBe(expectedHash);
    expect(decodeURIComponent(response.headers[exportHeaders.organization] ?? "")).toBe("Zoë & Co");
    expect(response.headers[exportHeaders.version]).toBe("v3");
    expect(response.headers[exportHeaders.generatedAt]).toBe("2025-03-04T05:06:07.000Z");
  });

  it("guards every character that starts a formula and leaves other text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(guardFormula(`${start}1`)).toBe(`'${start}1`);
    expect(guardFormula("A.2.2")).toBe("A.2.2");
    expect(guardFormula("")).toBe("");
  });

  it("writes XLSX with a frozen bold header row, widths, and an About sheet", async () => {
    const response = await exportTable(table, "xlsx");
    expect(response.filename).toBe("soa-v3-2025.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Statement of Applicability");
    expect(sheet?.getRow(1).values).toEqual([undefined, "Control", "Title", "Note", "Count"]);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getColumn(2).width).toBe(30);
    expect(sheet?.getCell("C2").value).toBe('=HYPERLINK("http://x")');
    expect(sheet?.getCell("C2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell("B4").value).toBe("Ünïcødé — “typographic” 日本");
    expect(sheet?.rowCount).toBe(4);
    const about = workbook.getWorksheet("About");
    const facts = new Map<string, unknown>();
    about?.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get("Organisation")).toBe("Zoë & Co");
    expect(facts.get("Version")).toBe("v3");
    expect(facts.get("Approval")).toBe("Not approved");
    expect(facts.get("Generated at")).toBe("2025-03-04T05:06:07.000Z");
    expect(facts.get("Content SHA-256")).toBe(expectedHash);
    expect(String(facts.get("How the hash is computed"))).toContain("canonical JSON");
    expect(response.headers[exportHeaders.contentSha256]).toBe(expectedHash);
  });

  it("writes a PDF stating organisation, date, version and hash, with every row", async () => {
    const response = await exportTable(table, "pdf");
    expect(response.contentType).toBe("application/pdf");
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain("Statement of Applicability");
    expect(text).toContain("Zoë & Co");
    expect(text).toContain("2025-03-04 05:06:07 UTC");
    expect(text).toContain("Version: v3");
    expect(text).toContain("Not approved");
    expect(text).toContain(expectedHash);
    expect(text).toContain("canonical JSON");
    for (const id of ["A.2.2", "A.2.3", "A.2.4"]) expect(text).toContain(id);
    expect(text).toContain("Ünïcødé");
    expect(response.headers[exportHeaders.contentSha256]).toBe(expectedHash);
  });

  it("breaks long tables and very tall rows across pages, repeating the header", async () => {
    const long = "word ".repeat(1500).trim();
    const rows = Array.from({ length: 60 }, (_, i) => ({ id: `R-${i + 1}`, title: `Row ${i + 1}`, note: "", n: i }));
    rows.push({ id: "TALL", title: "Tall", note: long, n: 0 });
    const response = await exportTable({ ...table, rows }, "pdf");
    const pages = (await pdfText(response.body as Buffer)).split("\n");
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page).toContain("Control");
      expect(page).toMatch(/Page \d+ of \d+/);
    }
    const all = pages.join(" ");
    expect(all).toContain("R-60");
    expect(all.match(/word/g)?.length).toBe(1500);
  });
});
