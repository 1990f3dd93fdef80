import type { RiskMethodBody, RiskRating } from "@openaims/contracts";
import { planRerating, type ReratedGroup, type RiskLevelGroup, summarizeRerating } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";

/**
 * The organisation's risks grouped by their levels and stored ratings: at most a few hundred groups
 * however large the register, so re-rating is planned without reading every risk.
 */
export async function riskLevelGroups(db: Kysely<Database>, orgId: string): Promise<RiskLevelGroup[]> {
  const rows = await db
    .selectFrom("risks")
    .select((eb) => [
      "inherent_likelihood",
      "inherent_impact",
      "residual_likelihood",
      "residual_impact",
      "inherent_rating",
      "residual_rating",
      eb.fn.countAll<number>().as("count"),
    ])
    .where("org_id", "=", orgId)
    .groupBy([
      "inherent_likelihood",
      "inherent_impact",
      "residual_likelihood",
      "residual_impact",
      "inherent_rating",
      "residual_rating",
    ])
    .execute();
  return rows.map((row) => ({
    levels: {
      inherentLikelihood: row.inherent_likelihood,
      inherentImpact: row.inherent_impact,
      residualLikelihood: row.residual_likelihood,
      residualImpact: row.residual_impact,
    },
    inherentRating: row.inherent_rating as RiskRating | null,
    residualRating: row.residual_rating as RiskRating | null,
    count: Number(row.count),
  }));
}

/** What saving `next` would do to the register, archived risks included (their levels move too). */
export async function previewRerating(
  db: Kysely<Database>,
  orgId: string,
  current: RiskMethodBody,
  next: RiskMethodBody,
) {
  const groups = await riskLevelGroups(db, orgId);
  return summarizeRerating(groups, planRerating(current, next, groups));
}

/**
 * Moves every risk of the organisation onto the new method: one UPDATE per changed group, then one
 * audit entry per changed risk with its levels and ratings before and after. Returns the counts.
 */
export async function applyRerating(
  tx: Kysely<Database>,
  orgId: string,
  current: RiskMethodBody,
  next: RiskMethodBody,
  audit: (event: AuditEvent) => Promise<void>,
) {
  const groups = await riskLevelGroups(tx, orgId);
  const plan = planRerating(current, next, groups);
  for (const item of plan) {
    const changed = await updateGroup(tx, orgId, item);
    for (const risk of changed) {
      await audit({
        action: "risk.rerated",
        entityType: "risk",
        entityId: risk.id,
        changes: groupChanges(item),
      });
    }
  }
  return summarizeRerating(groups, plan);
}

async function updateGroup(tx: Kysely<Database>, orgId: string, item: ReratedGroup) {
  const { group, levels, ratings } = item;
  return tx
    .updateTable("risks")
    .set((eb) => ({
      inherent_likelihood: levels.inherentLikelihood,
      inherent_impact: levels.inherentImpact,
      residual_likelihood: levels.residualLikelihood,
      residual_impact: levels.residualImpact,
      inherent_rating: ratings.inherentRating,
      residual_rating: ratings.residualRating,
      rating_rank: ratings.ratingRank,
      version: eb("version", "+", 1),
      updated_at: new Date(),
    }))
    .where("org_id", "=", orgId)
    .where("inherent_likelihood", "is not distinct from", group.levels.inherentLikelihood)
    .where("inherent_impact", "is not distinct from", group.levels.inherentImpact)
    .where("residual_likelihood", "is not distinct from", group.levels.residualLikelihood)
    .where("residual_impact", "is not distinct from", group.levels.residualImpact)
    .where("inherent_rating", "is not distinct from", group.inherentRating)
    .where("residual_rating", "is not distinct from", group.residualRating)
    .returning("id")
    .execute();
}

function groupChanges(item: ReratedGroup) {
  const pairs = {
    inherentLikelihood: [item.group.levels.inherentLikelihood, item.levels.inherentLikelihood],
    inherentImpact: [item.group.levels.inherentImpact, item.levels.inherentImpact],
    inherentRating: [item.group.inherentRating, item.ratings.inherentRating],
    residualLikelihood: [item.group.levels.residualLikelihood, item.levels.residualLikelihood],
    residualImpact: [item.group.levels.residualImpact, item.levels.residualImpact],
    residualRating: [item.group.residualRating, item.ratings.residualRating],
  };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, [before, after]] of Object.entries(pairs)) if (before !== after) changes[key] = { before, after };
  return changes;
}
