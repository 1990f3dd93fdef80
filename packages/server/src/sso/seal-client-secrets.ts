import type { Database } from "@openaims/db";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";
import { isSealed, type SecretBox, SecretUnreadableError, sealedKeyId } from "../secrets/secret-box.js";

/** What the person signing in is told when the server cannot read its own copy of the client secret. */
export const SSO_MISCONFIGURED =
  "Single sign-on is misconfigured for this organisation. Sign in with your password, or ask your administrator to enter the identity provider's client secret again.";

/**
 * The client secret to present to the identity provider, opened with the server's key; null for a
 * public client. A secret this server cannot read is an AppError with SSO_MISCONFIGURED, the
 * reason (another key, or altered) kept in `details` for the log.
 */
export function openClientSecret(
  sso: { org_id: string; client_secret: string | null },
  secrets: SecretBox,
): string | null {
  if (sso.client_secret === null) return null;
  try {
    return secrets.open(sso.org_id, sso.client_secret);
  } catch (error) {
    if (!(error instanceof SecretUnreadableError)) throw error;
    throw new AppError("unauthenticated", SSO_MISCONFIGURED, { orgId: sso.org_id, reason: error.message });
  }
}

/**
 * Seals client secrets stored in plain text (before sealing existed, or restored from such a
 * backup), in one transaction with an audit entry per organisation. Idempotent: sealed values are
 * left alone, and rows are locked so two servers starting together seal each secret once.
 * Returns the organisations whose secret was sealed.
 */
export async function sealPlainClientSecrets(db: Kysely<Database>, secrets: SecretBox): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom("sso_configs")
      .select(["org_id", "client_secret"])
      .where("client_secret", "is not", null)
      .orderBy("org_id")
      .forUpdate()
      .execute();
    const sealed: string[] = [];
    for (const row of rows) {
      if (row.client_secret === null || isSealed(row.client_secret)) continue;
      await tx
        .updateTable("sso_configs")
        .set({ client_secret: secrets.seal(row.org_id, row.client_secret) })
        .where("org_id", "=", row.org_id)
        .execute();
      await appendAuditEntry(tx, {
        orgId: row.org_id,
        actor: systemActor("server start"),
        requestId: null,
        action: "sso.client_secret_sealed",
        entityType: "sso_config",
        entityId: row.org_id,
        changes: { clientSecret: { before: "[plain text]", after: `[sealed with key ${secrets.keyId}]` } },
      });
      sealed.push(row.org_id);
    }
    return sealed;
  });
}

/**
 * Organisations whose sealed client secret this server's key cannot open, the key it was sealed
 * with, and why; nothing secret. Plain-text secrets are left to sealPlainClientSecrets.
 */
export async function findUnreadableClientSecrets(
  db: Kysely<Database>,
  secrets: SecretBox,
): Promise<Array<{ orgId: string; orgSlug: string; sealedWith: string | null; reason: string }>> {
  const rows = await db
    .selectFrom("sso_configs")
    .innerJoin("organizations", "organizations.id", "sso_configs.org_id")
    .select(["sso_configs.org_id", "sso_configs.client_secret", "organizations.slug"])
    .where("sso_configs.client_secret", "is not", null)
    .orderBy("organizations.slug")
    .execute();
  return rows.flatMap((row) => {
    const stored = row.client_secret ?? "";
    if (!isSealed(stored)) return [];
    try {
      secrets.open(row.org_id, stored);
      return [];
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      return [{ orgId: row.org_id, orgSlug: row.slug, sealedWith: sealedKeyId(stored), reason: error.message }];
    }
  });
}

/**
 * At start: seals plain-text client secrets, then names every organisation whose secret this
 * server's key cannot open, so the administrator learns of a wrong key before anyone signs in.
 */
export async function prepareClientSecrets(
  db: Kysely<Database>,
  secrets: SecretBox,
  log: Pick<FastifyBaseLogger, "info" | "error">,
): Promise<void> {
  const sealed = await sealPlainClientSecrets(db, secrets);
  if (sealed.length > 0) log.info({ orgIds: sealed }, "sealed single sign-on client secrets stored in plain text");
  for (const unreadable of await findUnreadableClientSecrets(db, secrets)) {
    log.error(
      unreadable,
      "this server's key cannot read the organisation's single sign-on client secret; its sign-in fails until AIMS_SECRET_KEY holds the key the secret was sealed with, or an administrator enters the secret again",
    );
  }
}
