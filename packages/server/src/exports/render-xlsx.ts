import ExcelJS from "exceljs";
import { approvalText, contentHashDefinition, type TableExport, textRows } from "./table-export.js";

const DEFAULT_WIDTH = 16;

/** Excel refuses sheet names longer than 31 characters or containing : \ / ? * [ ]. */
function sheetName(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, " ").trim();
  return (clean || "Data").slice(0, 31);
}

/**
 * XLSX with the table on the first sheet (bold, frozen heading row, filter, column widths,
 * wrapped text) and an "About" sheet stating organisation, generation time, version, approval and
 * the content hash with its definition.
 */
export async function renderXlsx(table: TableExport, contentSha256: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenAIMS";
  workbook.created = table.generatedAt;
  workbook.modified = table.generatedAt;
  workbook.title = table.title;

  // Sheet names are compared without case; the facts sheet keeps its name.
  const name = sheetName(table.title).toLowerCase() === "about" ? "Data" : sheetName(table.title);
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width ?? DEFAULT_WIDTH,
    style: { alignment: { vertical: "top", wrapText: true } },
  }));
  // Text cells stay text: exceljs writes a string as a string, never as a formula.
  for (const cells of textRows(table)) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const about = workbook.addWorksheet("About");
  about.columns = [
    { header: "Fact", key: "fact", width: 22 },
    { header: "Value", key: "value", width: 100, style: { alignment: { vertical: "top", wrapText: true } } },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { fact: "Title", value: table.title },
    { fact: "Organisation", value: table.orgName },
    { fact: "Generated at", value: table.generatedAt.toISOString() },
    { fact: "Version", value: table.version },
    { fact: "Approval", value: approvalText(table.approval) },
    { fact: "Rows", value: table.rows.length },
    { fact: "Content SHA-256", value: contentSha256 },
    { fact: "How the hash is computed", value: contentHashDefinition },
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
