import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { newBrowserSecret, SSO_COOKIE_TTL_SECONDS } from "./sso-cookies.js";
import type { ProviderSubject } from "./sso-identities.js";

/**
 * Records that a provider vouched for the e-mail of an existing account that has not linked it. The
 * link is made only when that account's password is given, in the browser holding the returned
 * secret (its hash is the key), within ten minutes.
 */
export async function beginPendingLink(
  tx: Kysely<Database>,
  input: ProviderSubject & { userId: string },
): Promise<string> {
  const secret = newBrowserSecret();
  const now = Date.now();
  await tx.deleteFrom("sso_pending_links").where("expires_at", "<", new Date(now)).execute();
  await tx
    .insertInto("sso_pending_links")
    .values({
      secret_hash: hashSecret(secret),
      org_id: input.orgId,
      user_id: input.userId,
      issuer: input.issuer,
      subject: input.subject,
      expires_at: new Date(now + SSO_COOKIE_TTL_SECONDS * 1000),
    })
    .execute();
  return secret;
}

/** The live pending link for a browser secret, with the account's e-mail and the organisation's name. */
export async function findPendingLink(db: Kysely<Database>, secret: string, forUpdate = false) {
  let query = db
    .selectFrom("sso_pending_links")
    .innerJoin("users", "users.id", "sso_pending_links.user_id")
    .innerJoin("organizations", "organizations.id", "sso_pending_links.org_id")
    .select([
      "sso_pending_links.secret_hash",
      "sso_pending_links.org_id",
      "sso_pending_links.user_id",
      "sso_pending_links.issuer",
      "sso_pending_links.subject",
      "sso_pending_links.expires_at",
      "users.email",
      "organizations.name as org_name",
    ])
    .where("sso_pending_links.secret_hash", "=", hashSecret(secret))
    .where("sso_pending_links.expires_at", ">", new Date())
    .where("organizations.archived_at", "is", null);
  if (forUpdate) query = query.forUpdate(["sso_pending_links"]);
  return query.executeTakeFirst();
}

/** Spends a pending link; false when another request spent it first. */
export async function deletePendingLink(tx: Kysely<Database>, secretHash: string): Promise<boolean> {
  const row = await tx
    .deleteFrom("sso_pending_links")
    .where("secret_hash", "=", secretHash)
    .returning("secret_hash")
    .executeTakeFirst();
  return Boolean(row);
}
