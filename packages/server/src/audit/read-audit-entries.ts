import type { HashedAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";

export function auditRowToEntry(row: Selectable<Database["audit_entries"]>): HashedAuditEntry {
  return {
    orgId: row.org_id,
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Streams one organisation's chain in sequence order, a batch at a time (works the same on both engines). */
export async function* readAuditEntries(
  db: Kysely<Database>,
  orgId: string,
  batchSize = 5_000,
): AsyncGenerator<HashedAuditEntry[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_entries")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(auditRowToEntry);
    after = rows[rows.length - 1]?.seq ?? after;
    if (rows.length < batchSize) return;
  }
}

/** Every organisation that has an audit trail, including archived ones. */
export async function auditedOrgIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom("audit_heads").select("org_id").orderBy("org_id").execute()).map((r) => r.org_id);
}
