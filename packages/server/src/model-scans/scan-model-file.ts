import { rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ModelScanReport, Routes } from "@openaims/contracts";
import { scanPaths } from "@openaims/modelscan";
import { handleAfterPreparing } from "../http/handler-context.js";
import { loadLicencePolicy } from "../licences/licence-policy-queries.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { findModelScan, presentModelScan } from "./model-scan-queries.js";
import { recordModelScan, reportSha256 } from "./record-model-scan.js";
import { recordedAnswer, recordedScanId } from "./recorded-scan.js";
import { resolveScanAsset } from "./scan-asset.js";

interface ScannedFile {
  report: ModelScanReport;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * Scans one uploaded model file on the server and records the scan like an uploaded report. The HTTP
 * layer has already streamed the body to a temporary file (and deletes it after the answer); the file
 * takes its uploaded name first, since the report names files by their base name. The scan runs before
 * the request's transaction opens, after short reads that find the asset and system (404 for another
 * organisation's) and the licence policy, so a long scan holds no transaction and the embedded database
 * answers other requests meanwhile. The transaction then checks the asset and system again and records
 * the scan. The same file again for the same asset answers 200 with the scan already recorded.
 */
export const scanModelFile = handleAfterPreparing<Routes["scanModelFile"], ScannedFile>(
  async ({ deps, org, input }) => {
    const db = deps.db;
    await resolveScanAsset(db, org.orgId, input.query.asset, { active: true });
    if (input.query.system) await resolveScanSystem(db, org.orgId, input.query.system, { active: true });
    const { policy } = await loadLicencePolicy(db, org.orgId);
    const named = join(dirname(input.body.path), input.query.fileName);
    await rename(input.body.path, named);
    const startedAt = new Date();
    // The report names the uploaded file, not the temporary folder it was scanned in.
    const report = { ...(await scanPaths([named], { licencePolicy: policy })), roots: [input.query.fileName] };
    return { report, startedAt, finishedAt: new Date() };
  },
  async ({ tx, org, input, audit }, { report, startedAt, finishedAt }) => {
    const asset = await resolveScanAsset(tx, org.orgId, input.query.asset, { active: true });
    const system = input.query.system
      ? await resolveScanSystem(tx, org.orgId, input.query.system, { active: true })
      : null;
    const existing = await recordedScanId(tx, org.orgId, asset.id, reportSha256(report));
    if (existing) return recordedAnswer(tx, org.orgId, existing);
    const scanId = await recordModelScan(
      { tx, orgId: org.orgId, membershipId: org.membershipId, audit },
      { asset, system, origin: "server", report, signature: null, provenance: null, startedAt, finishedAt },
    );
    return presentModelScan(await findModelScan(tx, org.orgId, scanId));
  },
);
