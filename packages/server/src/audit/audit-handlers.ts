import { Readable } from "node:stream";
import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { RawResponse } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { auditRowToEntry, readAuditEntries } from "./read-audit-entries.js";
import { verifyAuditTrail } from "./verify-audit-trail.js";

export const listAuditEntries: Handler<Routes["listAuditEntries"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, action, entityType, entityId, actorId, from, to, sort: sortKey } = input.query;
  const sort = keysetSort(sortKey, { seq: "audit_entries.seq" }, "audit_entries.seq");
  const cursor = parseCursor(rawCursor);
  let query = tx.selectFrom("audit_entries").selectAll().where("org_id", "=", org.orgId);
  if (action) query = query.where("action", "=", action);
  if (entityType) query = query.where("entity_type", "=", entityType);
  if (entityId) query = query.where("entity_id", "=", entityId);
  if (actorId) query = query.where("actor_id", "=", actorId);
  if (from) query = query.where("at", ">=", new Date(from));
  if (to) query = query.where("at", "<", new Date(to));
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("seq", sort.direction)
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: row.seq, id: row.seq }),
    (row) => {
      const e = auditRowToEntry(row);
      return {
        seq: e.seq,
        id: e.id,
        orgId: e.orgId,
        at: e.at,
        actor: { type: e.actorType as "user" | "token" | "system", id: e.actorId, label: e.actorLabel },
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        changes: e.changes,
        requestId: e.requestId,
        prevHash: e.prevHash,
        hash: e.hash,
      };
    },
  );
};

export const verifyAuditTrailHandler: Handler<Routes["verifyAuditTrail"]> = async ({ tx, org }) =>
  verifyAuditTrail(tx, org.orgId);

export const exportAuditTrail: Handler<Routes["exportAuditTrail"]> = async ({ tx, org }) => {
  async function* lines() {
    for await (const batch of readAuditEntries(tx, org.orgId)) {
      yield batch.map((entry) => `${JSON.stringify(entry)}\n`).join("");
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  return new RawResponse("application/x-ndjson", Readable.from(lines()), `audit-trail-${org.orgId}-${date}.jsonl`);
};
