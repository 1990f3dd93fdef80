import { type ExportFormat, exportContentTypes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { RawResponse } from "../http/handler-context.js";
import { renderCsv } from "./render-csv.js";
import { renderPdf } from "./render-pdf.js";
import { renderXlsx } from "./render-xlsx.js";
import { exportContentHash, safeFilename, type TableExport } from "./table-export.js";

export {
  contentHashDefinition,
  type ExportApproval,
  type ExportCell,
  type ExportColumn,
  type TableExport,
} from "./table-export.js";

/** Header names of an export's facts. Text values are percent-encoded UTF-8. */
export const exportHeaders = {
  contentSha256: "x-content-sha256",
  title: "x-export-title",
  organization: "x-export-organization",
  version: "x-export-version",
  generatedAt: "x-export-generated-at",
} as const;

/**
 * Renders a table of records as a CSV, XLSX or PDF download. Domain modules build a `TableExport`
 * (columns with keys and headings, rows keyed by column, the organisation's name, the version shown
 * — "draft" or "v3" —, the recorded approval if any, and a file name stem) and return this from their export handler:
 *
 * ```ts
 * export const exportRisks: Handler<Routes["exportRisks"]> = async (ctx) =>
 *   exportOrgTable(ctx.tx, ctx.org.orgId, { title: "Risk register", generatedAt: new Date(), version: "draft",
 *     columns, rows, filenameStem: "risk-register" }, ctx.input.query.format);
 * ```
 * (declare the route with `query: exportQuerySchema`, `response: null` and `produces` the content types).
 *
 * Every format states the organisation, generation time, version and the SHA-256 of the content:
 * the PDF on its cover block and in page headers and footers, the XLSX on an "About" sheet (both
 * also state the approval), the CSV only in HTTP headers.
 * Every format also sends `X-Content-SHA256` (carried by the returned response), so a reader can check the file
 * against the hash; `contentHashDefinition` says exactly what is hashed. CSV cells that a
 * spreadsheet would run as formulas are prefixed with a quote.
 */
export async function exportTable(table: TableExport, format: ExportFormat): Promise<RawResponse> {
  const contentSha256 = exportContentHash(table);
  const body =
    format === "csv"
      ? renderCsv(table)
      : format === "xlsx"
        ? await renderXlsx(table, contentSha256)
        : await renderPdf(table, contentSha256);
  return new RawResponse(exportContentTypes[format], body, safeFilename(table.filenameStem, format), {
    [exportHeaders.contentSha256]: contentSha256,
    [exportHeaders.title]: encodeURIComponent(table.title),
    [exportHeaders.organization]: encodeURIComponent(table.orgName),
    [exportHeaders.version]: encodeURIComponent(table.version),
    [exportHeaders.generatedAt]: table.generatedAt.toISOString(),
  });
}

/** `exportTable` for one organisation's records: the file's heading names the organisation. */
export async function exportOrgTable(
  db: Kysely<Database>,
  orgId: string,
  table: Omit<TableExport, "orgName">,
  format: ExportFormat,
): Promise<RawResponse> {
  const organization = await db
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  return exportTable({ ...table, orgName: organization.name }, format);
}

/** The export columns of a register whose column list also drives its import. */
export function exportColumnsOf(columns: readonly { key: string; header: string; width?: number }[]) {
  return columns.map(({ key, header, width }) => ({ key, header, ...(width ? { width } : {}) }));
}
