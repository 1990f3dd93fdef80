import { createHash } from "node:crypto";
import { canonicalJson } from "@openaims/core";

/** One column of an exported table. */
export interface ExportColumn {
  /** Key of the value in each row. */
  key: string;
  /** Column heading shown to people. */
  header: string;
  /** Width in characters in XLSX. Defaults to 16. PDF columns are sized to their content instead. */
  width?: number;
}

/** Who approved the exported state of the records, and when. */
export interface ExportApproval {
  /** The approver as recorded at approval, e.g. "Jane Doe <jane@example.com>". */
  approvedBy: string;
  approvedAt: Date;
}

export type ExportCell = string | number | null;

/** A table of records to hand to a person as CSV, XLSX or PDF. */
export interface TableExport {
  title: string;
  orgName: string;
  generatedAt: Date;
  /** Which state of the records this is, e.g. "draft" or "v3". */
  version: string;
  /**
   * The recorded approval of this state of the records; null or absent when none is recorded (a
   * draft, or a register without an approval step). Stated on the PDF cover and the XLSX About
   * sheet; not part of the content hash.
   */
  approval?: ExportApproval | null;
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

/** A time as an auditor reads it: "2025-03-04 05:06:07 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "Approved by Jane Doe <jane@example.com> on 2025-03-04 05:06:07 UTC", or "Not approved". */
export function approvalText(approval: ExportApproval | null | undefined): string {
  return approval ? `Approved by ${approval.approvedBy} on ${formatUtc(approval.approvedAt)}` : "Not approved";
}

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
