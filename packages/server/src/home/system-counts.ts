import { type HomeView, impactTiers, lifecycleStages } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** Live AI systems counted by lifecycle stage and by impact tier, every stage and tier listed. */
export async function loadSystemCounts(db: Kysely<Database>, orgId: string): Promise<HomeView["systems"]> {
  const rows = await db
    .selectFrom("ai_systems")
    .select(["lifecycle_stage", "impact_tier", sql<number>`count(*)`.as("count")])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .groupBy(["lifecycle_stage", "impact_tier"])
    .execute();
  const sum = (match: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(match).reduce((total, row) => total + Number(row.count), 0);
  return {
    total: sum(() => true),
    byStage: lifecycleStages.map((stage) => ({ stage, count: sum((row) => row.lifecycle_stage === stage) })),
    byTier: impactTiers.map((tier) => ({ tier, count: sum((row) => row.impact_tier === tier) })),
  };
}
