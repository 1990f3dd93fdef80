import type { HomeView } from "@openaims/contracts";
import { heatMapCells } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { loadRiskMethod } from "../risks/risk-method-queries.js";

/**
 * Open (not closed, not archived) risks counted per cell of the organisation's own matrix, at their
 * current position: the residual likelihood and impact once both are set, else the inherent ones.
 * One grouped query, whatever the size of the register.
 */
export async function loadRiskHeatMap(db: Kysely<Database>, orgId: string): Promise<HomeView["risks"]> {
  const residual = sql`(residual_likelihood is not null and residual_impact is not null)`;
  const [{ method }, rows] = await Promise.all([
    loadRiskMethod(db, orgId),
    db
      .selectFrom("risks")
      .select([
        sql<number | null>`case when ${residual} then residual_likelihood else inherent_likelihood end`.as(
          "likelihood",
        ),
        sql<number | null>`case when ${residual} then residual_impact else inherent_impact end`.as("impact"),
        sql<number>`count(*)`.as("count"),
      ])
      .where("org_id", "=", orgId)
      .where("archived_at", "is", null)
      .where("status", "<>", "closed")
      .groupBy([sql`1`, sql`2`])
      .execute(),
  ]);
  let open = 0;
  let unrated = 0;
  const counts: { likelihood: number; impact: number; count: number }[] = [];
  for (const row of rows) {
    const count = Number(row.count);
    open += count;
    if (row.likelihood === null || row.impact === null) unrated += count;
    else counts.push({ likelihood: Number(row.likelihood), impact: Number(row.impact), count });
  }
  return {
    open,
    unrated,
    likelihoodLevels: method.likelihoodLevels.map((level, i) => ({ level: i + 1, label: level.label })),
    impactLevels: method.impactLevels.map((level, i) => ({ level: i + 1, label: level.label })),
    cells: heatMapCells(method.matrix, counts),
  };
}
