import type { HomeView, RedteamScanStatus } from "@openaims/contracts";
import { vulnerableRate } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

const SHOWN = 10;

/** The latest finished red-team scans (completed or partial), newest first, with their vulnerable rate. */
export async function loadLatestSecurityTests(db: Kysely<Database>, orgId: string): Promise<HomeView["securityTests"]> {
  const rows = await db
    .selectFrom("redteam_scans as s")
    .innerJoin("ai_systems as sys", "sys.id", "s.system_id")
    .select(["s.id", "s.ref", "s.status", "s.started_at", "s.cases", "s.vulnerable", "sys.id as system_id", "sys.name"])
    .where("s.org_id", "=", orgId)
    .where("s.archived_at", "is", null)
    .where("s.status", "in", ["completed", "partial"])
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(SHOWN)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, name: row.name },
    status: row.status as RedteamScanStatus,
    startedAt: row.started_at.toISOString(),
    cases: row.cases,
    vulnerable: row.vulnerable,
    vulnerableRate: vulnerableRate(row),
  }));
}
