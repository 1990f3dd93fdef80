import { createHash } from "node:crypto";
import { canonicalJson } from "@openaims/core";

/** One column of an exported table. */
export interface ExportColumn {
  /** Key of the value in each row. */
  key: string;
  /** Column heading shown to people. */
  header: string;
  /** Relative width: characters in XLSX, a share of the page width in PDF. Defaults to 16. */
  width?: number;
}

export type ExportCell = string | number | null;

/** A table of records to hand to a person as CSV, XLSX or PDF. */
export interface TableExport {
  title: string;
  orgName: string;
  generatedAt: Date;
  /** Which state of the records this is, e.g. "draft" or "v3". */
  version: string;
  columns: ExportColumn[];
  rows: Record<string, ExportCell>[];
  /** Start of the download's file name; the format's extension is added. */
  filenameStem: string;
}

/** How the content hash is defined; printed in PDFs and XLSX files so a reader can recompute it. */
export const contentHashDefinition =
  "SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of " +
  '{"title", "version", "columns": [column headings], "rows": [[cell text in column order]]}, ' +
  "where an empty cell is the empty string and a number is written as its decimal text. " +
  "The organisation name and the generation time are not part of it, so two exports of the same content hash alike.";

/** A cell as people read it: numbers as their decimal text, missing values as empty text. */
export function cellText(value: ExportCell | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? String(value) : value;
}

/** The rows as text, in column order. */
export function textRows(table: Pick<TableExport, "columns" | "rows">): string[][] {
  return table.rows.map((row) => table.columns.map((column) => cellText(row[column.key])));
}

/** The content an export's hash covers, as canonical JSON (see `contentHashDefinition`). */
export function exportContent(table: Pick<TableExport, "title" | "version" | "columns" | "rows">): string {
  return canonicalJson({
    title: table.title,
    version: table.version,
    columns: table.columns.map((column) => column.header),
    rows: textRows(table),
  });
}

/** SHA-256 (hex) of an export's content; the same for the CSV, XLSX and PDF of one table. */
export function exportContentHash(table: Pick<TableExport, "title" | "version" | "columns" | "rows">): string {
  return createHash("sha256").update(exportContent(table), "utf8").digest("hex");
}

/** A download name that is safe in a Content-Disposition header on every platform. */
export function safeFilename(stem: string, extension: string): string {
  const clean = stem
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 120);
  return `${clean || "export"}.${extension}`;
}
