import type { DriftMetricValue, Routes } from "@openaims/contracts";
import { driftReportSchema } from "@openaims/contracts";
import { sql } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { RawResponse } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { readVerifiedBlob } from "../records/read-verified-blob.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { driftReportQuery, findDatasetAsset, findDriftReport, presentDriftReport } from "./drift-queries.js";
import { recordDriftReport, storeDriftHtml } from "./record-drift-report.js";

/** Reports, newest first; `systemId` and `assetId` narrow the list and 404 for a foreign record. */
export const listDriftReports: Handler<Routes["listDriftReports"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, assetId } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "r.created_at" }, "r.id");
  const cursor = parseCursor(rawCursor);
  let query = driftReportQuery(tx, org.orgId);
  if (systemId) {
    const system = await resolveScanSystem(tx, org.orgId, systemId, { active: false });
    query = query.where("r.system_id", "=", system.id);
  }
  if (assetId) {
    const asset = await tx
      .selectFrom("ai_assets")
      .select("id")
      .where("org_id", "=", org.orgId)
      .where("id", "=", assetId)
      .executeTakeFirst();
    if (!asset) throw notFound("Asset", assetId);
    query = query.where("r.asset_id", "=", asset.id);
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentDriftReport);
};

/**
 * Records a report `aims drift report` wrote: the HTML goes to blob storage first (a failed transaction
 * leaves at most an unreferenced blob), then the row, its evidence and its metric observations.
 */
export const uploadDriftReport: Handler<Routes["uploadDriftReport"]> = async ({
  tx,
  org,
  input,
  audit,
  deps,
  requestId,
}) => {
  const body = input.body;
  const system = await resolveScanSystem(tx, org.orgId, body.system, { active: true });
  if (body.assetId) await findDatasetAsset(tx, org.orgId, body.assetId);
  const html = await storeDriftHtml(deps.blobs, body.html);
  const { reportId } = await recordDriftReport(
    { tx, orgId: org.orgId, membershipId: org.membershipId, requestId, audit },
    {
      system,
      assetId: body.assetId ?? null,
      title: body.title ?? null,
      origin: "upload",
      report: body.summary,
      html,
    },
  );
  return presentDriftReport(await findDriftReport(tx, org.orgId, reportId));
};

export const getDriftReport: Handler<Routes["getDriftReport"]> = async ({ tx, org, input }) => {
  const row = await findDriftReport(tx, org.orgId, input.params.reportId);
  const stored = await tx
    .selectFrom("drift_reports")
    .select("summary")
    .where("id", "=", row.id)
    .executeTakeFirstOrThrow();
  const parsed = stored.summary === null ? null : driftReportSchema.safeParse(stored.summary);
  let metrics: DriftMetricValue[] = [];
  if (row.system_id && row.completed_at) {
    const observed = await tx
      .selectFrom("metrics as m")
      .innerJoin("metric_observations as o", "o.metric_id", "m.id")
      .select(["m.id", "m.name", "m.source_key", "o.value"])
      .where("m.org_id", "=", org.orgId)
      .where("m.system_id", "=", row.system_id)
      .where("m.source", "=", "drift")
      .where("o.at", "=", row.completed_at)
      .orderBy(sql`m.source_key = 'drift:share'`, "desc")
      .orderBy("m.source_key")
      .execute();
    metrics = observed.map((o) => ({ metricId: o.id, name: o.name, sourceKey: o.source_key ?? "", value: o.value }));
  }
  return { report: presentDriftReport(row), summary: parsed?.success ? parsed.data : null, metrics };
};

/**
 * The HTML report, checked against its SHA-256. It is self-contained (inline CSS and SVG), so it is
 * served under a sandbox with no scripts and nothing loaded from elsewhere; the report page frames it.
 */
export const getDriftReportHtml: Handler<Routes["getDriftReportHtml"]> = async ({ tx, org, input, deps, request }) => {
  const row = await findDriftReport(tx, org.orgId, input.params.reportId);
  const expected = row.html_sha256;
  if (!expected) throw new AppError("not_found", `Drift report ${row.ref} has no HTML report (${row.status}).`);
  const blob = await readVerifiedBlob(deps.blobs, expected);
  if (blob.state !== "ok") {
    request.log.error({ reportId: row.id, sha256: expected, state: blob.state }, "drift report HTML unreadable");
    throw new AppError(
      "internal",
      blob.state === "missing"
        ? `The HTML report of ${row.ref} is missing from storage. Restore it from a backup.`
        : `The stored HTML report of ${row.ref} no longer matches its SHA-256. Restore it from a backup.`,
    );
  }
  return new RawResponse("text/html; charset=utf-8", blob.bytes, undefined, {
    "x-content-sha256": expected,
    "content-security-policy":
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
    "cache-control": "private, no-store",
  });
};
