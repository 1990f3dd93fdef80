import { emailSchema, idSchema } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFoundError } from "./cli-error.js";
import { parseFlag } from "./input.js";

/** A person by e-mail address (normalised as the server does), or exit 4. */
export async function findUserByEmail(db: Kysely<Database>, rawEmail: string) {
  const email = parseFlag(emailSchema, rawEmail, "--email");
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "failed_signins", "locked_until", "version"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!user) throw notFoundError(`No account with the e-mail address ${email}.`);
  return user;
}

/** An organisation by id or slug, or exit 4. */
export async function findOrganization(db: Kysely<Database>, idOrSlug: string) {
  const key = idOrSlug.trim();
  let query = db.selectFrom("organizations").select(["id", "slug", "name", "archived_at"]);
  query = idSchema.safeParse(key).success ? query.where("id", "=", key) : query.where("slug", "=", key);
  const org = await query.executeTakeFirst();
  if (!org) throw notFoundError(`No organisation with the id or slug '${key}'.`);
  return org;
}

/** Organisations the person is an active member of, with their role. */
export async function activeMembershipsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["organizations.id as orgId", "organizations.slug", "organizations.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.archived_at", "is", null)
    .where("organizations.archived_at", "is", null)
    .orderBy("organizations.name")
    .execute();
}
