import type { Routes } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { presentRisk, riskQuery } from "./risk-queries.js";

const SORT_COLUMNS = {
  createdAt: "risks.created_at",
  updatedAt: "risks.updated_at",
  title: "risks.title",
  rating: "risks.rating_rank",
};
const KEY_OF_COLUMN = {
  "risks.created_at": "created_at",
  "risks.updated_at": "updated_at",
  "risks.title": "title",
  "risks.rating_rank": "rating_rank",
} as const;

/** Current rating → the rank stored for sorting; filtering on the rank keeps the filter indexable. */
const RANK_OF_RATING = { low: 1, medium: 2, high: 3, critical: 4 } as const;

/**
 * One page of the register in a single query: every filter and sort column is on `risks`, and each
 * sort has an index beginning with org_id and ending in id, so a page is an index range scan.
 */
export const listRisks: Handler<Routes["listRisks"]> = async ({ tx, org, input }) => {
  const {
    limit,
    cursor: rawCursor,
    systemId,
    scope,
    status,
    rating,
    ownerId,
    needsReview,
    q,
    sort: sortKey,
  } = input.query;
  const sort = keysetSort(sortKey, SORT_COLUMNS, "risks.id");
  const cursor = parseCursor(rawCursor);
  let query = riskQuery(tx, org.orgId);
  if (systemId) query = query.where("risks.system_id", "=", systemId);
  if (scope === "system") query = query.where("risks.system_id", "is not", null);
  if (scope === "organization") query = query.where("risks.system_id", "is", null);
  if (status === "archived") query = query.where("risks.archived_at", "is not", null);
  else if (status !== "all") query = query.where("risks.archived_at", "is", null);
  if (status === "open") query = query.where("risks.status", "<>", "closed");
  else if (status !== "active" && status !== "archived" && status !== "all")
    query = query.where("risks.status", "=", status);
  if (rating) query = query.where("risks.rating_rank", "=", RANK_OF_RATING[rating]);
  if (ownerId) query = query.where("risks.owner_member_id", "=", ownerId);
  if (needsReview === "true") query = query.where("risks.rereview_requested_at", "is not", null);
  if (needsReview === "false") query = query.where("risks.rereview_requested_at", "is", null);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("risks.title", "ilike", like), eb("risks.ref", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "risks.created_at", sort.direction)
    .orderBy("risks.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = KEY_OF_COLUMN[sort.column as keyof typeof KEY_OF_COLUMN];
  const today = todayUtc();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row[key]), id: row.id }),
    (row) => presentRisk(row, today),
  );
};
