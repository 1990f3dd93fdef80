import { TRAINING_EXPIRING_DAYS, type TrainingRecord } from "@openaims/contracts";
import { courseKey, todayUtc, trainingValidity } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";

export function trainingRecordQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("training_records as t")
    .innerJoin("memberships as m", "m.id", "t.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("evidence as e", (join) => join.onRef("e.id", "=", "t.evidence_id").on("e.org_id", "=", orgId))
    .leftJoin("memberships as rm", "rm.id", "t.recorded_by_member_id")
    .leftJoin("users as ru", "ru.id", "rm.user_id")
    .selectAll("t")
    .select([
      "u.name as member_name",
      "u.email as member_email",
      "e.ref as evidence_ref",
      "e.title as evidence_title",
      "ru.name as recorded_by_name",
    ])
    .where("t.org_id", "=", orgId);
}

export type TrainingRecordRow = Awaited<ReturnType<ReturnType<typeof trainingRecordQuery>["executeTakeFirstOrThrow"]>>;

export function presentTrainingRecord(row: TrainingRecordRow, today = todayUtc()): TrainingRecord {
  return {
    id: row.id,
    member: { id: row.member_id, name: row.member_name, email: row.member_email },
    course: row.course,
    provider: row.provider,
    completedOn: row.completed_on,
    expiresOn: row.expires_on,
    validity: trainingValidity(row.expires_on, today, TRAINING_EXPIRING_DAYS),
    evidence:
      row.evidence_id && row.evidence_ref !== null && row.evidence_title !== null
        ? { id: row.evidence_id, ref: row.evidence_ref, title: row.evidence_title }
        : null,
    notes: row.notes,
    recordedBy:
      row.recorded_by_member_id && row.recorded_by_name !== null
        ? { memberId: row.recorded_by_member_id, name: row.recorded_by_name }
        : null,
    archived: row.archived_at !== null,
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function loadTrainingRecord(db: Kysely<Database>, orgId: string, id: string): Promise<TrainingRecord> {
  const row = await trainingRecordQuery(db, orgId).where("t.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Training record", id);
  return presentTrainingRecord(row);
}

/** Locks a training record for a change; 404 in another organisation, 409 when the sent version is stale. */
export async function lockTrainingRecord(db: Kysely<Database>, orgId: string, id: string, version: number) {
  const row = await db
    .selectFrom("training_records")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Training record", id);
  if (row.version !== version) throw staleVersion("training record", row.version, version);
  return row;
}

/** The renewal months of the live requirements, by course key: what an expiry left out defaults from. */
export async function renewalMonthsByCourse(
  db: Kysely<Database>,
  orgId: string,
  course?: string,
): Promise<Map<string, (number | null)[]>> {
  let query = db
    .selectFrom("competence_requirements")
    .select(["course", "renewal_months"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null);
  if (course !== undefined) query = query.where(sql<string>`lower(btrim(course))`, "=", courseKey(course));
  const byCourse = new Map<string, (number | null)[]>();
  for (const row of await query.execute()) {
    const key = courseKey(row.course);
    byCourse.set(key, [...(byCourse.get(key) ?? []), row.renewal_months]);
  }
  return byCourse;
}
