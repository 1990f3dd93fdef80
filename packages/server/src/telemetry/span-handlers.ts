import type { Routes } from "@openaims/contracts";
import type { Cursor } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { loadSystemTelemetrySettings } from "./settings-handlers.js";

/** A cursor of these lists names a time and a span id; anything else is not a position in them. */
function timeCursor(cursor: Cursor): Cursor {
  if (typeof cursor.k !== "string" || Number.isNaN(Date.parse(cursor.k)) || typeof cursor.id !== "string")
    throw invalidField("query.cursor", "is not a position in this list; load the list again", "Page");
  return cursor;
}

/** A system's stored spans, newest first, optionally of one caller. */
export const listSystemSpans: Handler<Routes["listSystemSpans"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, caller } = input.query;
  const { system } = await loadSystemTelemetrySettings(tx, org.orgId, input.params.systemId);
  const sort = keysetSort("-started", { started: "started_at" }, "span_id");
  const cursor = parseCursor(rawCursor);
  let query = tx
    .selectFrom("telemetry_spans")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id);
  if (caller) query = query.where("caller", "=", caller);
  if (cursor) query = query.where(afterCursor(sort, timeCursor(cursor)));
  const rows = await query
    .orderBy("started_at", "desc")
    .orderBy("span_id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.started_at), id: row.span_id }),
    (row) => ({
      traceId: row.trace_id,
      spanId: row.span_id,
      parentSpanId: row.parent_span_id,
      name: row.name,
      operation: row.operation,
      provider: row.provider,
      requestModel: row.request_model,
      responseModel: row.response_model,
      startedAt: row.started_at.toISOString(),
      durationMs: row.duration_ms,
      error: row.error,
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      finishReasons: row.finish_reasons,
      caller: row.caller,
      toolName: row.tool_name,
      refused: row.refused,
      guardFindings: row.guard_findings,
      cost: row.cost,
    }),
  );
};

/** Captured (redacted) text of a system, newest first; expired content is never shown. */
export const listSystemContent: Handler<Routes["listSystemContent"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, caller } = input.query;
  const { system } = await loadSystemTelemetrySettings(tx, org.orgId, input.params.systemId);
  const sort = keysetSort("-started", { started: "started_at" }, "span_id");
  const cursor = parseCursor(rawCursor);
  let query = tx
    .selectFrom("telemetry_content")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id)
    .where("expires_at", ">", new Date());
  if (caller) query = query.where("caller", "=", caller);
  if (cursor) query = query.where(afterCursor(sort, timeCursor(cursor)));
  const rows = await query
    .orderBy("started_at", "desc")
    .orderBy("span_id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.started_at), id: row.span_id }),
    (row) => ({
      traceId: row.trace_id,
      spanId: row.span_id,
      startedAt: row.started_at.toISOString(),
      caller: row.caller,
      inputText: row.input_text,
      outputText: row.output_text,
      redactions: row.redactions,
      expiresAt: row.expires_at.toISOString(),
    }),
  );
};
