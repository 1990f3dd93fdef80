import { type ExportFormat, exportContentTypes } from "@openaims/contracts";
import type { FastifyReply } from "fastify";
import { RawResponse } from "../http/handler-context.js";
import { renderCsv } from "./render-csv.js";
import { renderPdf } from "./render-pdf.js";
import { renderXlsx } from "./render-xlsx.js";
import { exportContentHash, safeFilename, type TableExport } from "./table-export.js";

export { contentHashDefinition, type ExportCell, type ExportColumn, type TableExport } from "./table-export.js";

/** Where the export's facts are written as HTTP headers: pass the handler's `ctx.reply`. */
export type ExportHeaderTarget = Pick<FastifyReply, "header">;

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
 * — "draft" or "v3" — and a file name stem) and return this from their export handler:
 *
 * ```ts
 * export const exportRisks: Handler<Routes["exportRisks"]> = async (ctx) =>
 *   exportTable({ title: "Risk register", orgName, generatedAt: new Date(), version: "draft", columns, rows,
 *     filenameStem: "risk-register" }, ctx.input.query.format, ctx.reply);
 * ```
 * (declare the route with `query: exportQuerySchema`, `response: null` and `produces` the content types).
 *
 * Every format states the organisation, generation time, version and the SHA-256 of the content:
 * the PDF in its heading and footers, the XLSX on an "About" sheet, the CSV only in HTTP headers.
 * Every format also sends `X-Content-SHA256` (set on `reply`), so a reader can check the file
 * against the hash; `contentHashDefinition` says exactly what is hashed. CSV cells that a
 * spreadsheet would run as formulas are prefixed with a quote.
 */
export async function exportTable(
  table: TableExport,
  format: ExportFormat,
  reply: ExportHeaderTarget,
): Promise<RawResponse> {
  const contentSha256 = exportContentHash(table);
  const body =
    format === "csv"
      ? renderCsv(table)
      : format === "xlsx"
        ? await renderXlsx(table, contentSha256)
        : await renderPdf(table, contentSha256);
  reply.header(exportHeaders.contentSha256, contentSha256);
  reply.header(exportHeaders.title, encodeURIComponent(table.title));
  reply.header(exportHeaders.organization, encodeURIComponent(table.orgName));
  reply.header(exportHeaders.version, encodeURIComponent(table.version));
  reply.header(exportHeaders.generatedAt, table.generatedAt.toISOString());
  return new RawResponse(exportContentTypes[format], body, safeFilename(table.filenameStem, format));
}
