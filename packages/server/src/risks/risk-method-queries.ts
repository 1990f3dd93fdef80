import type { RiskMethod, RiskMethodBody, RiskRating, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";

export type RiskMethodRow = Selectable<Database["risk_methods"]>;

/**
 * The organisation's risk method. Every organisation has one (seeded on creation, and by the
 * migration for older ones), so a missing row is a broken database, not a user error.
 */
export async function loadRiskMethod(
  db: Kysely<Database>,
  orgId: string,
  forUpdate = false,
): Promise<{ row: RiskMethodRow; method: RiskMethodBody }> {
  let query = db.selectFrom("risk_methods").selectAll().where("org_id", "=", orgId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow(() => new Error(`Organisation ${orgId} has no risk method`));
  return { row, method: methodOf(row) };
}

/** The method's rules as the core functions take them. */
export function methodOf(row: RiskMethodRow): RiskMethodBody {
  return {
    likelihoodLevels: row.likelihood_levels,
    impactLevels: row.impact_levels,
    matrix: row.matrix as RiskRating[][],
    acceptableWithoutTreatment: row.acceptable_without_treatment as RiskRating,
    acceptanceByRole: row.acceptance_by_role as Record<Role, RiskRating | null>,
  };
}

export function presentRiskMethod(row: RiskMethodRow): RiskMethod {
  return { id: row.id, ...methodOf(row), updatedAt: row.updated_at.toISOString(), version: row.version };
}

/** The method's columns for an insert or update, jsonb written as JSON text. */
export function methodColumns(method: RiskMethodBody) {
  return {
    likelihood_levels: JSON.stringify(method.likelihoodLevels),
    impact_levels: JSON.stringify(method.impactLevels),
    matrix: JSON.stringify(method.matrix),
    acceptable_without_treatment: method.acceptableWithoutTreatment,
    acceptance_by_role: JSON.stringify(method.acceptanceByRole),
  };
}
