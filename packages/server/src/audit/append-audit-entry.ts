import { randomUUID } from "node:crypto";
import { type AuditChanges, type AuditEntryContent, GENESIS_HASH, hashAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

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

/** Who acted, in which organisation, on which request: the part every entry of one change shares. */
export interface AuditScope {
  orgId: string;
  actor: AuditActor;
  requestId: string | null;
}

/** Rows per insert statement: 14 parameters each stays far below PostgreSQL's 65,535. */
const CHUNK = 1000;

/**
 * Appends one entry to an organisation's hash chain. Must run inside the transaction that makes the
 * change: the row lock on the chain head orders concurrent writers, on one process or many.
 */
export async function appendAuditEntry(tx: Kysely<Database>, entry: AuditEvent & AuditScope): Promise<void> {
  const { orgId, actor, requestId, ...event } = entry;
  await appendAuditEntries(tx, { orgId, actor, requestId }, [event]);
}

/**
 * Appends many entries to an organisation's hash chain at once: the chain head is locked once, the
 * entries are hashed in order in memory and inserted in chunks, so a bulk import of thousands of
 * records finishes in seconds. Must run inside the transaction that makes the changes.
 */
export async function appendAuditEntries(
  tx: Kysely<Database>,
  scope: AuditScope,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // One statement creates a missing head and locks an existing one: the no-op update on conflict takes
  // the row lock as SELECT … FOR UPDATE would, waits for a concurrent writer and returns its result.
  const head = await tx
    .insertInto("audit_heads")
    .values({ org_id: scope.orgId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("org_id").doUpdateSet({ seq: sql<number>`audit_heads.seq` }))
    .returning(["seq", "hash"])
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
  const lastChunk = Math.floor((rows.length - 1) / CHUNK) * CHUNK;
  for (let i = 0; i < lastChunk; i += CHUNK) {
    await tx
      .insertInto("audit_entries")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  // The last chunk and the head's move share a statement: one round trip for a single change.
  await tx
    .with("written", (db) => db.insertInto("audit_entries").values(rows.slice(lastChunk)))
    .updateTable("audit_heads")
    .set({ seq, hash: prevHash })
    .where("org_id", "=", scope.orgId)
    .execute();
}

/** The system actor for changes made from the command line or by the server itself. */
export function systemActor(label: string): AuditActor {
  return { type: "system", id: null, label };
}
