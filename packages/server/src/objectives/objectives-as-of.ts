import type { ObjectiveDirection, ObjectiveStanding } from "@openaims/contracts";
import { objectiveProgressPercent, objectiveStateAt } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type ObjectiveStandingRow, objectiveStandingQuery } from "./objective-standing-query.js";

/**
 * Every objective of the organisation as it stood at `asOf`: those created by then and not archived
 * before it, each with the latest value read at or before that moment (a reading by hand; for a
 * metric measure, the metric's latest observation, or a reading copied from it if later) and the
 * progress and state computed from it. Status and owner are today's, as no history of them is kept.
 */
export async function objectivesAsOf(db: Kysely<Database>, orgId: string, asOf: Date): Promise<ObjectiveStanding[]> {
  const rows = await objectiveStandingQuery(db, orgId, asOf)
    .where("o.created_at", "<=", asOf)
    .where((eb) => eb.or([eb("o.archived_at", "is", null), eb("o.archived_at", ">", asOf)]))
    .orderBy("o.created_at")
    .orderBy("o.id")
    .execute();
  return rows.map((row) => presentObjectiveStanding(row, asOf));
}

/** The latest of a hand reading and a metric observation. */
function currentOf(row: ObjectiveStandingRow): { value: number; at: Date } | null {
  const reading =
    row.reading_at !== null && row.reading_value !== null ? { value: row.reading_value, at: row.reading_at } : null;
  const observed =
    row.observed_at !== null && row.observed_value !== null ? { value: row.observed_value, at: row.observed_at } : null;
  if (!observed) return reading;
  if (!reading) return observed;
  return reading.at > observed.at ? reading : observed;
}

export function presentObjectiveStanding(row: ObjectiveStandingRow, asOf: Date): ObjectiveStanding {
  const current = currentOf(row);
  const direction = row.direction as ObjectiveDirection;
  const measure = { baseline: row.baseline, target: row.target, direction, value: current?.value ?? null };
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    measureKind: row.measure_kind as ObjectiveStanding["measureKind"],
    measure: row.measure,
    metric: row.metric_id && row.metric_name !== null ? { id: row.metric_id, name: row.metric_name } : null,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    direction,
    current: current ? { value: current.value, at: current.at.toISOString() } : null,
    progressPercent: objectiveProgressPercent(measure),
    state: objectiveStateAt({ ...measure, dueDate: row.due_date, startedAt: row.created_at, asOf }),
    dueDate: row.due_date,
    status: row.status as ObjectiveStanding["status"],
    ownerName: row.owner_name,
  };
}
