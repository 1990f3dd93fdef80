import { randomUUID } from "node:crypto";
import { type AuditChanges, GENESIS_HASH, hashAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/** Who an audit entry names as having acted. */
export interface AuditActor {
  type: "user" | "token" | "system";
  id: string | null;
  label: string;
}

/** A change worth recording, as a handler describes it. */
export interface AuditEvent {
  /** Stable key such as `member.role_changed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: AuditChanges;
}

/**
 * Appends one entry to an organisation's hash chain. Must run inside the transaction that makes the
 * change: the row lock on the chain head orders concurrent writers, on one process or many.
 */
export async function appendAuditEntry(
  tx: Kysely<Database>,
  entry: AuditEvent & { orgId: string; actor: AuditActor; requestId: string | null },
): Promise<void> {
  await tx
    .insertInto("audit_heads")
    .values({ org_id: entry.orgId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("org_id").doNothing())
    .execute();
  const head = await tx
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("org_id", "=", entry.orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const content = {
    orgId: entry.orgId,
    seq: head.seq + 1,
    id: randomUUID(),
    at: new Date().toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? {},
    requestId: entry.requestId,
    prevHash: head.hash,
  };
  const hash = hashAuditEntry(content);
  await tx
    .insertInto("audit_entries")
    .values({
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
    })
    .execute();
  await tx.updateTable("audit_heads").set({ seq: content.seq, hash }).where("org_id", "=", entry.orgId).execute();
}

/** The system actor for changes made from the command line or by the server itself. */
export function systemActor(label: string): AuditActor {
  return { type: "system", id: null, label };
}
