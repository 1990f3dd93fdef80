import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { RawResponse } from "../http/handler-context.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { findModelScan, presentModelScan } from "./model-scan-queries.js";
import { recordModelScan, reportSha256 } from "./record-model-scan.js";
import { resolveScanAsset } from "./scan-asset.js";

/**
 * Records a report uploaded by `aims model scan --upload` (or any program with a token) for one asset.
 * The same report for the same asset is recorded once: a retried upload answers 200 with that scan
 * instead of 201 with a new one, so CI may retry freely.
 */
export const uploadModelScan: Handler<Routes["uploadModelScan"]> = async ({ tx, org, input, audit }) => {
  const asset = await resolveScanAsset(tx, org.orgId, input.body.asset, { active: true });
  const system = input.body.system ? await resolveScanSystem(tx, org.orgId, input.body.system, { active: true }) : null;
  const recorded = await tx
    .selectFrom("model_scans")
    .select("id")
    .where("org_id", "=", org.orgId)
    .where("asset_id", "=", asset.id)
    .where("report_sha256", "=", reportSha256(input.body.report))
    .executeTakeFirst();
  if (recorded) {
    const scan = presentModelScan(await findModelScan(tx, org.orgId, recorded.id));
    return new RawResponse("application/json; charset=utf-8", JSON.stringify(scan), undefined, {
      etag: `W/"${scan.version}"`,
    });
  }
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
