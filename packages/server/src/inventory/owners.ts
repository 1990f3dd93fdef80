import type { RecordOwner } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/**
 * Checks that a membership id names an active member of the organisation, so an owner is never a
 * stranger or someone who has left.
 */
export async function assertActiveMember(db: Kysely<Database>, orgId: string, memberId: string): Promise<void> {
  const row = await db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", memberId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("Member", memberId);
}

/** Active members by lower-case e-mail → membership id: how an import names owners. */
export async function activeMemberIdsByEmail(db: Kysely<Database>, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.id", "users.email"])
    .where("memberships.org_id", "=", orgId)
    .where("memberships.archived_at", "is", null)
    .execute();
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}

/** The owner columns a record query selects through a left join on memberships and users. */
export interface OwnerColumns {
  owner_member_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
}

export function presentOwner(row: OwnerColumns): RecordOwner | null {
  if (!row.owner_member_id) return null;
  return { id: row.owner_member_id, name: row.owner_name ?? "", email: row.owner_email ?? "" };
}
