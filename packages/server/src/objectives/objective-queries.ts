import type { Objective, ObjectiveDetail, ObjectiveReading } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";
import { type ObjectiveStandingRow, objectiveStandingQuery } from "./objective-standing-query.js";
import { presentObjectiveStanding } from "./objectives-as-of.js";

/** An objective as its list row shows it, with progress and state as of `now`. */
export function presentObjective(row: ObjectiveStandingRow, now: Date): Objective {
  return {
    ...presentObjectiveStanding(row, now),
    rationale: row.rationale,
    owner:
      row.owner_member_id && row.owner_name !== null ? { memberId: row.owner_member_id, name: row.owner_name } : null,
    plan: { what: row.plan_what, resources: row.plan_resources, when: row.plan_when },
    archived: row.archived_at !== null,
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** An objective with its whole progress history; another organisation's answers 404. */
export async function loadObjectiveDetail(db: Kysely<Database>, orgId: string, id: string): Promise<ObjectiveDetail> {
  const now = new Date();
  const row = await objectiveStandingQuery(db, orgId, now).where("o.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Objective", id);
  const readings = await db
    .selectFrom("objective_progress as p")
    .leftJoin("memberships as m", "m.id", "p.recorded_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .select(["p.id", "p.recorded_at", "p.value", "p.note", "p.source", "p.recorded_by_member_id", "u.name"])
    .where("p.org_id", "=", orgId)
    .where("p.objective_id", "=", id)
    .orderBy("p.recorded_at")
    .orderBy("p.created_at")
    .execute();
  return {
    ...presentObjective(row, now),
    history: readings.map(
      (reading): ObjectiveReading => ({
        id: reading.id,
        recordedAt: reading.recorded_at.toISOString(),
        value: reading.value,
        note: reading.note,
        source: reading.source as ObjectiveReading["source"],
        recordedBy:
          reading.recorded_by_member_id && reading.name !== null
            ? { memberId: reading.recorded_by_member_id, name: reading.name }
            : null,
      }),
    ),
  };
}

/** Locks an objective for a change; 404 in another organisation, 409 when the sent version is stale. */
export async function lockObjective(db: Kysely<Database>, orgId: string, id: string, version?: number) {
  const row = await db
    .selectFrom("objectives")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Objective", id);
  if (version !== undefined && row.version !== version) throw staleVersion("objective", row.version, version);
  return row;
}
