import type { Role } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { Actor } from "../http/handler-context.js";

/** Last-used times closer together than this are not written, so reads stay reads. */
const TOUCH_AFTER_MS = 60_000;

/** The person behind an API token, or null when the token is unknown, revoked or expired. */
export async function findTokenActor(db: Kysely<Database>, secret: string): Promise<Actor | null> {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    // The token's membership comes along, so an organisation route needs no second query.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("memberships")
          .innerJoin("organizations", "organizations.id", "memberships.org_id")
          .select(["memberships.id", "memberships.role", "memberships.org_id", "memberships.user_id"])
          .where("memberships.archived_at", "is", null)
          .where("organizations.archived_at", "is", null)
          .as("m"),
      (join) => join.onRef("m.org_id", "=", "api_tokens.org_id").onRef("m.user_id", "=", "api_tokens.user_id"),
    )
    .select([
      "m.id as membership_id",
      "m.role as membership_role",
      "api_tokens.id",
      "api_tokens.org_id",
      "api_tokens.scope",
      "api_tokens.expires_at",
      "api_tokens.last_used_at",
      "users.id as user_id",
      "users.email",
      "users.name",
    ])
    .where("api_tokens.secret_hash", "=", hashSecret(secret))
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || (row.expires_at && row.expires_at.getTime() <= Date.now())) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable("api_tokens").set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    via: "token",
    sessionId: null,
    csrfToken: null,
    token: { id: row.id, orgId: row.org_id, scope: row.scope },
    boundOrgId: row.org_id,
    boundMembership:
      row.membership_id && row.membership_role ? { id: row.membership_id, role: row.membership_role as Role } : null,
  };
}
