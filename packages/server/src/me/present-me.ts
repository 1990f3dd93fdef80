import type { Me, Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Actor } from "../http/handler-context.js";

/** The signed-in person with their active organisations; a token or SSO session sees only its own. */
export async function loadMe(db: Kysely<Database>, actor: Pick<Actor, "userId" | "via" | "boundOrgId">): Promise<Me> {
  // One round trip: the person, with one row per active membership (or one row of nulls).
  const rows = await db
    .selectFrom("users")
    .leftJoin(
      (eb) => {
        let memberships = eb
          .selectFrom("memberships")
          .innerJoin("organizations", "organizations.id", "memberships.org_id")
          .select([
            "memberships.user_id",
            "organizations.id as org_id",
            "organizations.slug",
            "organizations.name as org_name",
            "memberships.role",
          ])
          .where("memberships.user_id", "=", actor.userId)
          .where("memberships.archived_at", "is", null)
          .where("organizations.archived_at", "is", null);
        if (actor.boundOrgId) memberships = memberships.where("organizations.id", "=", actor.boundOrgId);
        return memberships.as("m");
      },
      (join) => join.onRef("m.user_id", "=", "users.id"),
    )
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.created_at",
      "users.version",
      "m.org_id",
      "m.slug",
      "m.org_name",
      "m.role",
    ])
    .where("users.id", "=", actor.userId)
    .orderBy("m.org_name")
    .execute();
  const user = rows[0];
  if (!user) throw new AppError("unauthenticated", "This account no longer exists.");
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: user.created_at.toISOString(),
      version: user.version,
    },
    memberships: rows.flatMap((m) =>
      m.org_id && m.slug && m.org_name && m.role
        ? [{ orgId: m.org_id, orgSlug: m.slug, orgName: m.org_name, role: m.role as Role }]
        : [],
    ),
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
