import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { RawResponse } from "../http/handler-context.js";
import { findModelScan, presentModelScan } from "./model-scan-queries.js";

/** The scan already recorded for this report and asset, if any: a report is recorded once per asset. */
export async function recordedScanId(
  tx: Kysely<Database>,
  orgId: string,
  assetId: string,
  sha256: string,
): Promise<string | null> {
  const row = await tx
    .selectFrom("model_scans")
    .select("id")
    .where("org_id", "=", orgId)
    .where("asset_id", "=", assetId)
    .where("report_sha256", "=", sha256)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The answer to a repeated upload: the scan already recorded, with 200 instead of the route's 201, so
 * a client that retries can tell it created nothing.
 */
export async function recordedAnswer(tx: Kysely<Database>, orgId: string, scanId: string): Promise<RawResponse> {
  const scan = presentModelScan(await findModelScan(tx, orgId, scanId));
  return new RawResponse("application/json; charset=utf-8", JSON.stringify(scan), undefined, {
    etag: `W/"${scan.version}"`,
  });
}
