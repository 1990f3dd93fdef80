import type { ApiToken } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

export function tokenQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.scope",
      "api_tokens.prefix",
      "api_tokens.user_id",
      "api_tokens.expires_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
      "api_tokens.created_at",
      "api_tokens.version",
      "users.name as owner_name",
    ])
    .where("api_tokens.org_id", "=", orgId);
}

export type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>["executeTakeFirstOrThrow"]>>;

export function presentToken(row: TokenRow): ApiToken {
  const expired = row.expires_at !== null && row.expires_at.getTime() <= Date.now();
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    owner: { id: row.user_id, name: row.owner_name },
    status: row.revoked_at ? "revoked" : expired ? "expired" : "active",
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export async function findToken(db: Kysely<Database>, orgId: string, id: string, forUpdate = false): Promise<TokenRow> {
  let query = tokenQuery(db, orgId).where("api_tokens.id", "=", id);
  if (forUpdate) query = query.forUpdate(["api_tokens"]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("API token", id);
  return row;
}
