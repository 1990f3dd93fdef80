import type { Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { isUuid } from "../records/is-uuid.js";
import { AppError } from "./app-error.js";
import type { Actor, OrgScope } from "./handler-context.js";

/**
 * The caller's standing in the organisation named by the URL. Not a member, an archived
 * organisation, a token issued for another organisation, or a malformed id: all the same 404.
 */
export async function resolveOrg(db: Kysely<Database>, actor: Actor, orgId: unknown): Promise<OrgScope> {
  const missing = () => new AppError("not_found", `Organisation '${String(orgId).slice(0, 60)}' was not found.`);
  if (typeof orgId !== "string" || !isUuid(orgId)) throw missing();
  if (actor.boundOrgId && actor.boundOrgId !== orgId) throw missing();
  if (actor.boundMembership !== undefined) {
    if (!actor.boundMembership) throw missing();
    return { orgId, membershipId: actor.boundMembership.id, role: actor.boundMembership.role };
  }
  const row = await db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["memberships.id", "memberships.role"])
    .where("memberships.org_id", "=", orgId)
    .where("memberships.user_id", "=", actor.userId)
    .where("memberships.archived_at", "is", null)
    .where("organizations.archived_at", "is", null)
    .executeTakeFirst();
  if (!row) throw missing();
  return { orgId, membershipId: row.id, role: row.role as Role };
}
