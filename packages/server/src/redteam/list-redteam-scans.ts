import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { presentScan, scanQuery } from "./redteam-queries.js";
import { resolveScanSystem } from "./scan-system.js";

/** Scans, newest first; `system` (id or slug) narrows to one AI system and 404s for a foreign one. */
export const listRedteamScans: Handler<Routes["listRedteamScans"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, system, status } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "s.created_at" }, "s.id");
  const cursor = parseCursor(rawCursor);
  let query = scanQuery(tx, org.orgId);
  if (system) {
    const found = await resolveScanSystem(tx, org.orgId, system, { active: false });
    query = query.where("s.system_id", "=", found.id);
  }
  if (status) query = query.where("s.status", "=", status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentScan);
};
