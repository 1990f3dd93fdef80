import type { Member, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

export function memberQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "memberships.id",
      "memberships.user_id",
      "memberships.role",
      "memberships.created_at",
      "memberships.updated_at",
      "memberships.version",
      "memberships.archived_at",
      "memberships.archive_reason",
      "users.email",
      "users.name",
    ])
    .where("memberships.org_id", "=", orgId);
}

export type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>["executeTakeFirstOrThrow"]>>;

export function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function findMember(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  forUpdate = false,
): Promise<MemberRow> {
  let query = memberQuery(db, orgId).where("memberships.id", "=", memberId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Member", memberId);
  return row;
}

export async function countActiveOwners(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "owner")
    .where("archived_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
