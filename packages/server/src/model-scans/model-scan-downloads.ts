import { type ModelScanReport, modelScanReportSchema, type Routes } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
import { toSarif } from "@openaims/modelscan";
import { notFound } from "../http/app-error.js";
import { type Handler, RawResponse } from "../http/handler-context.js";

/** The scan's JSON report as stored, keys sorted, so its SHA-256 is the one the scan row records. */
export const downloadModelScanReport: Handler<Routes["downloadModelScanReport"]> = async ({ tx, org, input }) => {
  const row = await tx
    .selectFrom("model_scans")
    .select(["ref", "report", "report_sha256"])
    .where("org_id", "=", org.orgId)
    .where("id", "=", input.params.modelScanId)
    .executeTakeFirst();
  if (!row) throw notFound("Model scan", input.params.modelScanId);
  return new RawResponse("application/json; charset=utf-8", canonicalJson(row.report), `${row.ref}.model-scan.json`, {
    "x-content-sha256": row.report_sha256,
  });
};

/**
 * The scan's findings as SARIF 2.1.0, written by the engine from the stored report, for code-scanning
 * tools (rules with their CWE and OWASP Agentic ids, the file and the place in it, fingerprints).
 */
export const downloadModelScanSarif: Handler<Routes["downloadModelScanSarif"]> = async ({ tx, org, input }) => {
  const row = await tx
    .selectFrom("model_scans")
    .select(["ref", "report"])
    .where("org_id", "=", org.orgId)
    .where("id", "=", input.params.modelScanId)
    .executeTakeFirst();
  if (!row) throw notFound("Model scan", input.params.modelScanId);
  // Stored reports were validated on the way in; parsing again gives the engine its exact input type.
  const report: ModelScanReport = modelScanReportSchema.parse(row.report);
  return new RawResponse(
    "application/sarif+json; charset=utf-8",
    `${JSON.stringify(toSarif(report), null, 2)}\n`,
    `${row.ref}.model-scan.sarif`,
  );
};
