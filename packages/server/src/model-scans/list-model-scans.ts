import type { Routes } from "@openaims/contracts";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { modelScanQuery, presentModelScan } from "./model-scan-queries.js";
import { resolveScanAsset } from "./scan-asset.js";

/**
 * Scans, newest first; `asset` (id or name) and `system` (id or slug) narrow the list and 404 for a
 * foreign one; `verdict` keeps the scans with that verdict.
 */
export const listModelScans: Handler<Routes["listModelScans"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, asset, system, verdict } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "s.created_at" }, "s.id");
  const cursor = parseCursor(rawCursor);
  let query = modelScanQuery(tx, org.orgId);
  if (asset) {
    const found = await resolveScanAsset(tx, org.orgId, asset, { active: false });
    query = query.where("s.asset_id", "=", found.id);
  }
  if (system) {
    const found = await resolveScanSystem(tx, org.orgId, system, { active: false });
    query = query.where("s.system_id", "=", found.id);
  }
  if (verdict) {
    // The same rule as verdictOf, in SQL, so pages stay full.
    const high =
      "(coalesce((s.findings_by_severity->>'critical')::int, 0) + coalesce((s.findings_by_severity->>'high')::int, 0)) > 0";
    const low =
      "(coalesce((s.findings_by_severity->>'medium')::int, 0) + coalesce((s.findings_by_severity->>'low')::int, 0)) > 0";
    const clause = {
      unsafe: high,
      review: `not ${high} and ${low}`,
      incomplete: `not ${high} and not ${low} and s.status <> 'completed'`,
      clean: `not ${high} and not ${low} and s.status = 'completed'`,
    }[verdict];
    query = query.where(sql.raw<boolean>(clause));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentModelScan);
};
