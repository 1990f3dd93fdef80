import type { Invitation, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

export function invitationQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.role",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "invitations.created_at",
      "invitations.version",
      "inviter.id as inviter_id",
      "inviter.name as inviter_name",
    ])
    .where("invitations.org_id", "=", orgId);
}

export type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>["executeTakeFirstOrThrow"]>>;

export function invitationStatus(
  row: Pick<InvitationRow, "accepted_at" | "revoked_at" | "expires_at">,
  now = new Date(),
) {
  if (row.accepted_at) return "accepted" as const;
  if (row.revoked_at) return "revoked" as const;
  if (row.expires_at.getTime() <= now.getTime()) return "expired" as const;
  return "pending" as const;
}

export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    status: invitationStatus(row),
    invitedBy: { id: row.inviter_id, name: row.inviter_name },
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export async function findInvitation(db: Kysely<Database>, orgId: string, id: string, forUpdate = false) {
  let query = invitationQuery(db, orgId).where("invitations.id", "=", id);
  if (forUpdate) query = query.forUpdate(["invitations"]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Invitation", id);
  return row;
}
