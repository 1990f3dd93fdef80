import type { Routes, SeverityCounts } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { resolveScanSystem } from "./scan-system.js";

const NO_SEVERITIES: SeverityCounts = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };

/** The latest finished scans of one system, oldest first, for a trend line of vulnerable cases. */
export const getRedteamTrend: Handler<Routes["getRedteamTrend"]> = async ({ tx, org, input }) => {
  const system = await resolveScanSystem(tx, org.orgId, input.params.systemId, { active: false });
  const rows = await tx
    .selectFrom("redteam_scans")
    .select(["id", "ref", "status", "started_at", "finished_at", "cases", "vulnerable", "vulnerable_by_severity"])
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id)
    .where("status", "in", ["completed", "partial"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(input.query.limit)
    .execute();
  return {
    system,
    points: rows.reverse().map((row) => ({
      scanId: row.id,
      ref: row.ref,
      status: row.status as "completed" | "partial",
      at: (row.finished_at ?? row.started_at).toISOString(),
      cases: row.cases,
      vulnerable: row.vulnerable,
      vulnerableBySeverity: { ...NO_SEVERITIES, ...row.vulnerable_by_severity },
    })),
  };
};
