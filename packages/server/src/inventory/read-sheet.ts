import type { ImportFormat } from "@openaims/contracts";
import type { SheetTable } from "@openaims/core";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** XLSX files are ZIP archives, which start with "PK\x03\x04". */
export function sniffFormat(file: Buffer): ImportFormat {
  return file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? "xlsx" : "csv";
}

/** Why a file could not be read at all, in words for the person who uploaded it. */
export class UnreadableFile extends Error {}

/** CSV exports quote cells a spreadsheet would run as formulas ('=…); reading undoes that. */
function unguardFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Spreadsheets saved in many European locales separate CSV fields with ";" or tabs. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(file: Buffer): SheetTable {
  const text = file.toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) throw new UnreadableFile("The file is not text; upload a CSV or an XLSX file.");
  let records: string[][];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new UnreadableFile(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  const [headers = [], ...data] = records;
  return {
    headers,
    rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map(unguardFormula) })),
  };
}

/** A cell as the text a person sees; dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text ?? value.hyperlink);
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("error" in value) return "";
  return String(value);
}

async function readXlsx(file: Buffer): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile("The file could not be read as XLSX; save it again from your spreadsheet program.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("The workbook has no sheets.");
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const headers = cellsOf(sheet.getRow(1));
  const rows: SheetTable["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: cellsOf(row) });
  });
  return { headers, rows };
}

/** Reads the first sheet of an uploaded CSV or XLSX file as text cells. */
export async function readSheet(file: Buffer, format: ImportFormat): Promise<SheetTable> {
  return format === "xlsx" ? readXlsx(file) : readCsv(file);
}
