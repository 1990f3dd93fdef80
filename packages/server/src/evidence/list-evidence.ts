import type { EvidenceValidityState, Routes } from "@openaims/contracts";
import { daysAfter, EXPIRING_SOON_DAYS } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { evidenceQuery } from "./evidence-queries.js";
import { presentEvidenceRows } from "./present-evidence.js";

const SORT_COLUMNS = {
  collectedAt: "evidence.collected_at",
  createdAt: "evidence.created_at",
  title: "evidence.title",
};
const KEY_OF: Record<string, "collected_at" | "created_at" | "title"> = {
  "evidence.collected_at": "collected_at",
  "evidence.created_at": "created_at",
  "evidence.title": "title",
};

type EvidenceScope = ExpressionBuilder<Database, "evidence">;

/** "The evidence has an active link to this target", as a condition on the evidence row. */
function linkedTo(eb: EvidenceScope, column: "target_id" | "clause_id", targetType: string, value: string) {
  return eb.exists(
    eb
      .selectFrom("evidence_links")
      .select(sql.lit(1).as("one"))
      .whereRef("evidence_links.evidence_id", "=", "evidence.id")
      .where("evidence_links.archived_at", "is", null)
      .where("evidence_links.target_type", "=", targetType)
      .where(`evidence_links.${column}`, "=", value),
  );
}

/** The condition for a validity state at `now`, matching how evidence is presented. */
function inState(eb: EvidenceScope, state: EvidenceValidityState, now: Date) {
  const soon = daysAfter(now, EXPIRING_SOON_DAYS);
  if (state === "expired") return eb("evidence.valid_until", "<=", now);
  if (state === "expiring")
    return eb.and([eb("evidence.valid_until", ">", now), eb("evidence.valid_until", "<=", soon)]);
  return eb.or([eb("evidence.valid_until", "is", null), eb("evidence.valid_until", ">", soon)]);
}

/** The list filters, also used by the export so both show the same evidence. */
export interface EvidenceFilters {
  controlId?: string;
  clauseId?: string;
  riskId?: string;
  systemId?: string;
  assetId?: string;
  state?: EvidenceValidityState;
  source?: string;
  kind?: string;
  status?: "active" | "archived" | "all";
  q?: string;
}

/** Evidence of the organisation narrowed by the list filters. */
export function filteredEvidence(db: Kysely<Database>, orgId: string, filters: EvidenceFilters, now: Date) {
  let query = evidenceQuery(db, orgId);
  const { controlId, clauseId, riskId, systemId, assetId, state, source, kind, status = "active", q } = filters;
  if (controlId) query = query.where((eb) => linkedTo(eb, "target_id", "control", controlId));
  if (clauseId) query = query.where((eb) => linkedTo(eb, "clause_id", "clause", clauseId));
  if (riskId) query = query.where((eb) => linkedTo(eb, "target_id", "risk", riskId));
  if (systemId) query = query.where((eb) => linkedTo(eb, "target_id", "system", systemId));
  if (assetId) query = query.where((eb) => linkedTo(eb, "target_id", "asset", assetId));
  if (state) query = query.where((eb) => inState(eb, state, now));
  if (source) query = query.where("evidence.source", "=", source);
  if (kind) query = query.where("evidence.kind", "=", kind);
  if (status === "active") query = query.where("evidence.archived_at", "is", null);
  if (status === "archived") query = query.where("evidence.archived_at", "is not", null);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("evidence.title", "ilike", like),
        eb("evidence.ref", "ilike", like),
        eb("evidence.description", "ilike", like),
        eb("evidence.file_name", "ilike", like),
      ]),
    );
  }
  return query;
}

export const listEvidence: Handler<Routes["listEvidence"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, sort: sortKey, ...filters } = input.query;
  const sort = keysetSort(sortKey, SORT_COLUMNS, "evidence.id");
  const cursor = parseCursor(rawCursor);
  let query = filteredEvidence(tx, org.orgId, filters, new Date());
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "evidence.collected_at", sort.direction)
    .orderBy("evidence.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = KEY_OF[sort.column] ?? "collected_at";
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row[key]), id: row.id }),
    (row) => row,
  );
  return { items: await presentEvidenceRows(tx, org.orgId, page.items), nextCursor: page.nextCursor };
};
