import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";

/**
 * Revokes an API token and records it in its organisation's trail. The caller has already checked
 * that the token exists, is active, and that the actor may revoke it.
 */
export async function revokeApiToken(
  tx: Kysely<Database>,
  token: { id: string; orgId: string; version: number },
  actor: AuditActor,
  requestId: string | null,
): Promise<void> {
  const now = new Date();
  await tx
    .updateTable("api_tokens")
    .set({ revoked_at: now, version: token.version + 1, updated_at: now })
    .where("id", "=", token.id)
    .execute();
  await appendAuditEntry(tx, {
    orgId: token.orgId,
    actor,
    requestId,
    action: "token.revoked",
    entityType: "api_token",
    entityId: token.id,
    changes: { status: { before: "active", after: "revoked" } },
  });
}
