import { createHash } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { isUtf8Text } from "@openaims/core";
import { sql } from "kysely";
import { contentDisposition } from "../evidence/download-evidence-file.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { RawResponse } from "../http/handler-context.js";
import { readVerifiedBlob } from "../records/read-verified-blob.js";
import { findScan, presentScan } from "./redteam-queries.js";

/**
 * The report is kept with the scan, not as a second evidence record: the scan's evidence record
 * already names the report's SHA-256 (from the summary), so the stored file can be checked against
 * it, and each scan stays one piece of evidence for its controls.
 */
export const uploadRedteamReport: Handler<Routes["uploadRedteamReport"]> = async (ctx) => {
  const { tx, org, input, audit, deps } = ctx;
  const row = await tx
    .selectFrom("redteam_scans")
    .select(["id", "ref", "status", "report_sha256", "version", sql<unknown>`summary -> 'artifacts'`.as("artifacts")])
    .where("org_id", "=", org.orgId)
    .where("id", "=", input.params.scanId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Red-team scan", input.params.scanId);
  if (row.status === "running" || row.status === "failed") {
    throw new AppError("illegal_transition", `Scan ${row.ref} has no results (${row.status}); it takes no report.`);
  }
  const bytes = input.body;
  if (!isUtf8Text(bytes)) {
    throw new AppError("unsupported_media_type", "Send the HTML report the scanner wrote; this file is not text.");
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (row.report_sha256 === sha256) return presentScan(await findScan(tx, org.orgId, row.id));
  if (row.report_sha256) {
    throw new AppError("conflict", `Scan ${row.ref} already has its report (SHA-256 ${row.report_sha256}).`);
  }
  const artifacts = Array.isArray(row.artifacts) ? (row.artifacts as Array<{ kind?: unknown; sha256?: unknown }>) : [];
  const expected = artifacts.find((artifact) => artifact.kind === "html")?.sha256;
  if (typeof expected !== "string") {
    throw new AppError(
      "conflict",
      `Scan ${row.ref} announced no HTML report in its summary, so no report can be attached; run the scan with --format including html.`,
    );
  }
  if (expected !== sha256) {
    throw new AppError(
      "conflict",
      `This is not the report of scan ${row.ref}: its SHA-256 is ${sha256}, the scan's summary lists ${expected}.`,
    );
  }
  const stored = await deps.blobs.put(bytes);
  await tx
    .updateTable("redteam_scans")
    .set({ report_sha256: stored.sha256, report_size: stored.size, version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "redteam_scan.report_attached",
    entityType: "redteam_scan",
    entityId: row.id,
    changes: { reportSha256: { before: null, after: stored.sha256 }, reportSize: { before: null, after: stored.size } },
  });
  return presentScan(await findScan(tx, org.orgId, row.id));
};

/**
 * The report holds the attack payloads the probes sent and the replies they drew, so it is only ever
 * sent as a download, and under a sandboxing policy in case a browser shows it anyway.
 */
export const downloadRedteamReport: Handler<Routes["downloadRedteamReport"]> = async ({
  tx,
  org,
  input,
  deps,
  request,
}) => {
  const row = await findScan(tx, org.orgId, input.params.scanId);
  const expected = row.report_sha256;
  if (!expected) throw new AppError("not_found", `Scan ${row.ref} has no HTML report yet.`);
  const blob = await readVerifiedBlob(deps.blobs, expected);
  if (blob.state === "missing") {
    request.log.error({ scanId: row.id, sha256: expected }, "red-team report is missing from blob storage");
    throw new AppError("internal", `The report of scan ${row.ref} is missing from storage. Restore it from a backup.`);
  }
  if (blob.state === "corrupted") {
    request.log.error({ scanId: row.id, sha256: expected }, "red-team report no longer matches its SHA-256");
    throw new AppError(
      "internal",
      `The stored report of scan ${row.ref} no longer matches its SHA-256. Restore it from a backup.`,
    );
  }
  return new RawResponse("text/html; charset=utf-8", blob.bytes, undefined, {
    "x-content-sha256": expected,
    "content-disposition": contentDisposition(`${row.ref}-report.html`),
    "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  });
};
