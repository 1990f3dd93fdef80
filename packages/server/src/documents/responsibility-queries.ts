import type { AimsProcess, RaciRole, Responsibility } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Assignments of one organisation with the member's and the system's names. */
export function responsibilityQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("responsibility_assignments as r")
    .innerJoin("memberships as m", "m.id", "r.member_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("ai_systems as s", "s.id", "r.system_id")
    .select([
      "r.id",
      "r.subject_type",
      "r.system_id",
      "r.process",
      "r.member_id",
      "r.raci_role",
      "r.note",
      "r.created_at",
      "r.updated_at",
      "r.version",
      "r.archived_at",
      "r.archive_reason",
      "u.name as member_name",
      "s.name as system_name",
    ])
    .where("r.org_id", "=", orgId);
}

export type ResponsibilityRow = Awaited<ReturnType<ReturnType<typeof responsibilityQuery>["executeTakeFirstOrThrow"]>>;

export async function findResponsibility(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  forUpdate = false,
): Promise<ResponsibilityRow> {
  let query = responsibilityQuery(db, orgId).where("r.id", "=", id);
  if (forUpdate) query = query.forUpdate("r");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Responsibility assignment", id);
  return row;
}

export function presentResponsibility(row: ResponsibilityRow): Responsibility {
  return {
    id: row.id,
    subjectType: row.subject_type as "system" | "process",
    process: row.process as AimsProcess | null,
    system: row.system_id ? { id: row.system_id, name: row.system_name ?? "" } : null,
    member: { id: row.member_id, name: row.member_name },
    raciRole: row.raci_role as RaciRole,
    note: row.note,
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A live assignment of the same person to the same role for the same subject, if any. */
export function findDuplicate(
  db: Kysely<Database>,
  orgId: string,
  subject: { systemId: string | null; process: string | null },
  memberId: string,
  raciRole: string,
  exceptId?: string,
) {
  let query = db
    .selectFrom("responsibility_assignments")
    .select("id")
    .where("org_id", "=", orgId)
    .where("member_id", "=", memberId)
    .where("raci_role", "=", raciRole)
    .where("archived_at", "is", null);
  query = subject.systemId
    ? query.where("system_id", "=", subject.systemId)
    : query.where("process", "=", subject.process);
  if (exceptId) query = query.where("id", "!=", exceptId);
  return query.executeTakeFirst();
}
