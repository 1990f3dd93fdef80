import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { findModelScan, presentModelScan } from "./model-scan-queries.js";
import { recordModelScan, reportSha256 } from "./record-model-scan.js";
import { recordedAnswer, recordedScanId } from "./recorded-scan.js";
import { resolveScanAsset } from "./scan-asset.js";

/**
 * Records a report uploaded by `aims model scan --upload` (or any program with a token) for one asset.
 * The same report for the same asset is recorded once: a retried upload answers 200 with that scan
 * instead of 201 with a new one, so CI may retry freely.
 */
export const uploadModelScan: Handler<Routes["uploadModelScan"]> = async ({ tx, org, input, audit }) => {
  const asset = await resolveScanAsset(tx, org.orgId, input.body.asset, { active: true });
  const system = input.body.system ? await resolveScanSystem(tx, org.orgId, input.body.system, { active: true }) : null;
  const existing = await recordedScanId(tx, org.orgId, asset.id, reportSha256(input.body.report));
  if (existing) return recordedAnswer(tx, org.orgId, existing);
  const now = new Date();
  const scanId = await recordModelScan(
    { tx, orgId: org.orgId, membershipId: org.membershipId, audit },
    {
      asset,
      system,
      origin: "cli",
      report: input.body.report,
      signature: input.body.signature ?? null,
      provenance: input.body.provenance ?? null,
      startedAt: now,
      finishedAt: now,
    },
  );
  return presentModelScan(await findModelScan(tx, org.orgId, scanId));
};
