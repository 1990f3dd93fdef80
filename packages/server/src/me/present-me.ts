import type { Me, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Actor } from "../http/handler-context.js";

/** The signed-in person with their active organisations; a token or SSO session sees only its own. */
export async function loadMe(db: Kysely<Database>, actor: Pick<Actor, "userId" | "via" | "boundOrgId">): Promise<Me> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "created_at", "version"])
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError("unauthenticated", "This account no longer exists.");
  let memberships = db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["organizations.id", "organizations.slug", "organizations.name", "memberships.role"])
    .where("memberships.user_id", "=", actor.userId)
    .where("memberships.archived_at", "is", null)
    .where("organizations.archived_at", "is", null)
    .orderBy("organizations.name");
  if (actor.boundOrgId) memberships = memberships.where("organizations.id", "=", actor.boundOrgId);
  const rows = await memberships.execute();
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: user.created_at.toISOString(),
      version: user.version,
    },
    memberships: rows.map((m) => ({ orgId: m.id, orgSlug: m.slug, orgName: m.name, role: m.role as Role })),
    via: actor.via,
  };
}

/** Ids of the organisations a person belongs to, for recording person-level events in each trail. */
export async function activeOrgIdsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("org_id")
    .where("user_id", "=", userId)
    .where("archived_at", "is", null)
    .execute();
  return rows.map((r) => r.org_id);
}
