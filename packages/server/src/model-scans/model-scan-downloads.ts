import type { Routes } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
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
