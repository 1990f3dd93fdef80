import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditActor, type AuditEvent, appendAuditEntry } from "../audit/append-audit-entry.js";
import { activeOrgIdsOf } from "../me/present-me.js";

/**
 * Person-level events (sign-in, password change) belong to no single organisation, so they are
 * recorded in the trail of every organisation the person is a member of.
 */
export async function recordUserEvent(
  tx: Kysely<Database>,
  userId: string,
  actor: AuditActor,
  requestId: string | null,
  event: AuditEvent,
): Promise<void> {
  for (const orgId of await activeOrgIdsOf(tx, userId)) {
    await appendAuditEntry(tx, { ...event, orgId, actor, requestId });
  }
}
