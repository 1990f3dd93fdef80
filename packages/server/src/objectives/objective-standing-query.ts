import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/**
 * Objectives with their owner's and metric's names, the columns their pages show, and, per objective, the latest hand reading and
 * the latest metric observation at or before `asOf` (each one index lookup).
 */
export function objectiveStandingQuery(db: Kysely<Database>, orgId: string, asOf: Date) {
  return db
    .selectFrom("objectives as o")
    .leftJoin("memberships as om", "om.id", "o.owner_member_id")
    .leftJoin("users as ou", "ou.id", "om.user_id")
    .leftJoin("metrics as mt", (join) => join.onRef("mt.id", "=", "o.metric_id").on("mt.org_id", "=", orgId))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("objective_progress as p")
          .select(["p.value as reading_value", "p.recorded_at as reading_at"])
          .where("p.org_id", "=", orgId)
          .whereRef("p.objective_id", "=", "o.id")
          .where("p.recorded_at", "<=", asOf)
          .orderBy("p.recorded_at", "desc")
          .limit(1)
          .as("lp"),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("metric_observations as mo")
          .select(["mo.value as observed_value", "mo.at as observed_at"])
          .whereRef("mo.metric_id", "=", "mt.id")
          .where("mo.at", "<=", asOf)
          .orderBy("mo.at", "desc")
          .limit(1)
          .as("lo"),
      (join) => join.onTrue(),
    )
    .where("o.org_id", "=", orgId)
    .select([
      "o.id",
      "o.ref",
      "o.title",
      "o.measure_kind",
      "o.measure",
      "o.metric_id",
      "mt.name as metric_name",
      "o.unit",
      "o.baseline",
      "o.target",
      "o.direction",
      "o.due_date",
      "o.status",
      "o.created_at",
      "o.updated_at",
      "o.version",
      "o.rationale",
      "o.owner_member_id",
      "o.plan_what",
      "o.plan_resources",
      "o.plan_when",
      "o.archived_at",
      "o.archive_reason",
      "ou.name as owner_name",
      "lp.reading_value",
      "lp.reading_at",
      "lo.observed_value",
      "lo.observed_at",
    ]);
}

export type ObjectiveStandingRow = Awaited<
  ReturnType<ReturnType<typeof objectiveStandingQuery>["executeTakeFirstOrThrow"]>
>;
