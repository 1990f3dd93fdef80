import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";

/** Who a provider identity is: the organisation whose provider vouched, the issuer, and its `sub`. */
export interface ProviderSubject {
  orgId: string;
  issuer: string;
  subject: string;
}

/**
 * How an identity came to be linked: with a new account, with the account's password, in a browser
 * already signed in to the account (without single sign-on), or by adopting an account that single
 * sign-on created in this organisation before links were recorded.
 */
export type LinkVia = "new_account" | "password" | "signed_in_session" | "existing_member";

/** The account a provider identity has been linked to, if any. */
export async function findLinkedUser(
  db: Kysely<Database>,
  who: ProviderSubject,
): Promise<{ id: string; email: string; name: string } | undefined> {
  return db
    .selectFrom("sso_identities")
    .innerJoin("users", "users.id", "sso_identities.user_id")
    .select(["users.id", "users.email", "users.name"])
    .where("sso_identities.org_id", "=", who.orgId)
    .where("sso_identities.issuer", "=", who.issuer)
    .where("sso_identities.subject", "=", who.subject)
    .executeTakeFirst();
}

/** Records that the identity signs in this account, with its audit entry, in the caller's transaction. */
export async function linkIdentity(
  tx: Kysely<Database>,
  input: ProviderSubject & { userId: string; via: LinkVia; actor: AuditActor; requestId: string | null },
): Promise<void> {
  const id = randomUUID();
  const inserted = await tx
    .insertInto("sso_identities")
    .values({ id, user_id: input.userId, org_id: input.orgId, issuer: input.issuer, subject: input.subject })
    .onConflict((oc) => oc.columns(["org_id", "issuer", "subject"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    // Another request linked the same identity a moment ago: fine if to this account, refused otherwise.
    const linked = await findLinkedUser(tx, input);
    if (linked?.id === input.userId) return;
    throw new AppError("conflict", "This identity-provider account is already linked to another account.");
  }
  await appendAuditEntry(tx, {
    orgId: input.orgId,
    actor: input.actor,
    requestId: input.requestId,
    action: "sso.identity_linked",
    entityType: "sso_identity",
    entityId: id,
    changes: {
      userId: { before: null, after: input.userId },
      issuer: { before: null, after: input.issuer },
      subject: { before: null, after: input.subject },
      via: { before: null, after: input.via },
    },
  });
}

/**
 * An account single sign-on created before links were recorded: no password, no link anywhere, and
 * a live membership in this organisation. Its `sub` was never stored, so the organisation's provider
 * may link it on its next sign-in; a provider of any other organisation may not.
 */
export async function isUnlinkedSsoMember(tx: Kysely<Database>, userId: string, orgId: string): Promise<boolean> {
  const link = await tx.selectFrom("sso_identities").select("id").where("user_id", "=", userId).executeTakeFirst();
  if (link) return false;
  const membership = await tx
    .selectFrom("memberships")
    .select("id")
    .where("user_id", "=", userId)
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return Boolean(membership);
}
