import type { HashedAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, type Selectable, sql } from "kysely";

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

type PackedEntry = [
  number,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  HashedAuditEntry["changes"],
  string | null,
  string,
  string,
];

/**
 * Streams one organisation's chain in sequence order, a batch at a time (works the same on both
 * engines). Each batch arrives as one JSON text built by the database, which is several times
 * faster to move and parse than thousands of typed rows when millions of entries are verified.
 */
export async function* readAuditEntries(
  db: Kysely<Database>,
  orgId: string,
  batchSize = 10_000,
): AsyncGenerator<HashedAuditEntry[]> {
  let after = 0;
  for (;;) {
    const result = await sql<{ batch: string | null }>`
      select json_agg(json_build_array(
        seq, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), actor_type, actor_id, actor_label,
        action, entity_type, entity_id, changes, request_id, prev_hash, hash) order by seq)::text as batch
      from (
        select * from audit_entries where org_id = ${orgId} and seq > ${after} order by seq limit ${batchSize}
      ) page`.execute(db);
    const packed = JSON.parse(result.rows[0]?.batch ?? "[]") as PackedEntry[];
    if (packed.length === 0) return;
    yield packed.map((entry) => unpack(entry, orgId));
    after = packed[packed.length - 1]?.[0] ?? after;
    if (packed.length < batchSize) return;
  }
}

function unpack(p: PackedEntry, orgId: string): HashedAuditEntry {
  return {
    orgId,
    seq: p[0],
    id: p[1],
    at: p[2],
    actorType: p[3],
    actorId: p[4],
    actorLabel: p[5],
    action: p[6],
    entityType: p[7],
    entityId: p[8],
    changes: p[9],
    requestId: p[10],
    prevHash: p[11],
    hash: p[12],
  };
}

/** Every organisation that has an audit trail, including archived ones. */
export async function auditedOrgIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom("audit_heads").select("org_id").orderBy("org_id").execute()).map((r) => r.org_id);
}
