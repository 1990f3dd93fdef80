import { randomUUID } from "node:crypto";
import type { TokenScope } from "@openaims/contracts";
import { displayPrefix, generateSecret, hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";

/** Issues an API token for a member. The secret is returned here once and stored only as a hash. */
export async function createApiToken(
  tx: Kysely<Database>,
  input: {
    orgId: string;
    userId: string;
    name: string;
    scope: TokenScope;
    expiresInDays: number | null;
    actor: AuditActor;
    requestId: string | null;
  },
): Promise<{ id: string; secret: string }> {
  const secret = generateSecret("pat");
  const id = randomUUID();
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  await tx
    .insertInto("api_tokens")
    .values({
      id,
      org_id: input.orgId,
      user_id: input.userId,
      name: input.name,
      scope: input.scope,
      prefix: displayPrefix(secret),
      secret_hash: hashSecret(secret),
      expires_at: expiresAt,
    })
    .execute();
  await appendAuditEntry(tx, {
    orgId: input.orgId,
    actor: input.actor,
    requestId: input.requestId,
    action: "token.created",
    entityType: "api_token",
    entityId: id,
    changes: {
      name: { before: null, after: input.name },
      scope: { before: null, after: input.scope },
      owner: { before: null, after: input.userId },
      expiresAt: { before: null, after: expiresAt?.toISOString() ?? null },
    },
  });
  return { id, secret };
}
