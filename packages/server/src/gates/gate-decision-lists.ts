import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { findSystem } from "../inventory/index.js";
import { decisionQuery, findDecision, presentDecision } from "./gate-records.js";

const newestFirst = () => keysetSort("-decidedAt", { decidedAt: "gate_decisions.decided_at" }, "gate_decisions.id");

/** Decisions newest first, a page at a time, for the organisation or one system. */
async function decisionPage(
  tx: Parameters<typeof decisionQuery>[0],
  orgId: string,
  filters: { systemId?: string | undefined; result?: string | undefined },
  limit: number,
  rawCursor: string | undefined,
) {
  const sort = newestFirst();
  const cursor = parseCursor(rawCursor);
  let query = decisionQuery(tx, orgId);
  if (filters.systemId) query = query.where("gate_decisions.system_id", "=", filters.systemId);
  if (filters.result) query = query.where("gate_decisions.result", "=", filters.result);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("gate_decisions.decided_at", "desc")
    .orderBy("gate_decisions.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.decided_at), id: row.id }), presentDecision);
}

export const listGateDecisions: Handler<Routes["listGateDecisions"]> = async ({ tx, org, input }) => {
  const { limit, cursor, systemId, result } = input.query;
  return decisionPage(tx, org.orgId, { systemId, result }, limit, cursor);
};

export const listSystemGateDecisions: Handler<Routes["listSystemGateDecisions"]> = async ({ tx, org, input }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId);
  return decisionPage(tx, org.orgId, { systemId: system.id }, input.query.limit, input.query.cursor);
};

export const getGateDecision: Handler<Routes["getGateDecision"]> = async ({ tx, org, input }) =>
  presentDecision(await findDecision(tx, org.orgId, input.params.decisionId));
