import { randomUUID } from "node:crypto";
import { type AuditEntryContent, GENESIS_HASH, hashAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditActor, AuditEvent } from "../audit/append-audit-entry.js";

/** Rows per insert statement: 14 parameters each stays far below PostgreSQL's 65,535. */
const CHUNK = 1000;

/**
 * Appends many entries to an organisation's hash chain at once: the chain head is locked once, the
 * entries are hashed in order in memory and inserted in chunks. The entries are exactly those
 * `appendAuditEntry` writes one by one (same content, same hashing), so `verifyAuditTrail` reads
 * them alike; a bulk import of thousands of records needs this to finish in seconds.
 * Must run inside the transaction that makes the changes.
 */
export async function appendAuditEntries(
  tx: Kysely<Database>,
  scope: { orgId: string; actor: AuditActor; requestId: string | null },
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto("audit_heads")
    .values({ org_id: scope.orgId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("org_id").doNothing())
    .execute();
  const head = await tx
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("org_id", "=", scope.orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();

  let seq = head.seq;
  let prevHash = head.hash;
  const at = new Date().toISOString();
  const rows = events.map((event) => {
    const content: AuditEntryContent = {
      orgId: scope.orgId,
      seq: ++seq,
      id: randomUUID(),
      at,
      actorType: scope.actor.type,
      actorId: scope.actor.id,
      actorLabel: scope.actor.label,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      changes: event.changes ?? {},
      requestId: scope.requestId,
      prevHash,
    };
    const hash = hashAuditEntry(content);
    prevHash = hash;
    return {
      org_id: content.orgId,
      seq: content.seq,
      id: content.id,
      at: new Date(content.at),
      actor_type: content.actorType,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      changes: JSON.stringify(content.changes),
      request_id: content.requestId,
      prev_hash: content.prevHash,
      hash,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto("audit_entries")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  await tx.updateTable("audit_heads").set({ seq, hash: prevHash }).where("org_id", "=", scope.orgId).execute();
}
