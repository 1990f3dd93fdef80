import { describe, expect, it } from "vitest";
import { exportTable } from "../export-table.js";
import { readPdfLines } from "../testing/read-pdf-text.js";

/** A one-column table with these cells, exported as PDF and read back line by line. */
async function extracted(cells: string[]): Promise<string[]> {
  const response = await exportTable(
    {
      title: "Names",
      orgName: "Test",
      generatedAt: new Date("2026-12-01T00:00:00Z"),
      version: "draft",
      columns: [{ key: "name", header: "Name" }],
      rows: cells.map((name) => ({ name })),
      filenameStem: "names",
    },
    "pdf",
  );
  return (await readPdfLines(response.body as Buffer)).flat();
}

describe("text in exported PDFs as extractors read it", () => {
  it("gives Arabic back in reading order, ligatures included", async () => {
    // "شر" and "لأ" are drawn as one ligature glyph each; extractors used to return them turned round.
    const names = ["شركة الذكاء", "جميع الأنظمة", "نظام التقييم"];
    const lines = await extracted(names);
    for (const name of names) expect(lines).toContain(name);
  });

  it("keeps Latin, Chinese and Arabic apart on a mixed line", async () => {
    const lines = await extracted(["Acme 人工智能 شركة الذكاء"]);
    expect(lines).toContain("Acme 人工智能 شركة الذكاء");
  });
});
