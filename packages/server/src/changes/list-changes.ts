import { changeKinds, type Routes } from "@openaims/contracts";
import { suggestMaterial } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { changeQuery, loadChangeDetail, presentChange } from "./change-queries.js";

/** One page of changes, newest first, on the (org, created_at, id) or (org, system, created_at, id) index. */
export const listChanges: Handler<Routes["listChanges"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, status, kind, material } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "c.created_at" }, "c.id");
  const cursor = parseCursor(rawCursor);
  let query = changeQuery(tx, org.orgId);
  if (systemId) query = query.where("c.system_id", "=", systemId);
  if (status) query = query.where("c.status", "=", status);
  if (kind) query = query.where("c.kind", "=", kind);
  if (material) query = query.where("c.material", "=", material === "true");
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentChange);
};

export const getChange: Handler<Routes["getChange"]> = async ({ tx, org, input }) =>
  loadChangeDetail(tx, org.orgId, input.params.changeId);

export const listChangeKinds: Handler<Routes["listChangeKinds"]> = async () => ({
  items: changeKinds.map((kind) => ({ kind, ...suggestMaterial(kind) })),
});
