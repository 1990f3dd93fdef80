import type { Database } from "@openaims/db";
import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";

/** The columns of a telemetry window, one row per span. */
export const TELEMETRY_WINDOW_COLUMNS = [
  "latency_ms",
  "input_tokens",
  "output_tokens",
  "model",
  "finish_reason",
  "operation",
  "error",
  "refused",
] as const;

const CHUNK = 20_000;

/** The first finish reason of a span, whether they are stored as a JSON array or a comma-separated list. */
export function firstFinishReason(stored: string | null): string {
  if (!stored) return "";
  if (stored.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(stored);
      return Array.isArray(parsed) && parsed.length > 0 ? String(parsed[0]) : "";
    } catch {
      return "";
    }
  }
  return stored.split(",")[0]?.trim() ?? "";
}
/** Most spans one window reads; a longer window is cut at this many, the earliest first. */
export const TELEMETRY_WINDOW_MAX_ROWS = 2_000_000;

/**
 * An AI system's spans in [from, to) as CSV, one row per span with latency, token counts, model,
 * first finish reason, operation, error and refusal, read in chunks in start order.
 */
export async function telemetryWindowCsv(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
  from: Date,
  to: Date,
): Promise<{ csv: Buffer; rows: number }> {
  const parts: string[] = [stringify([[...TELEMETRY_WINDOW_COLUMNS]])];
  let rows = 0;
  let after: { at: Date; spanId: string } | null = null;
  while (rows < TELEMETRY_WINDOW_MAX_ROWS) {
    let query = db
      .selectFrom("telemetry_spans")
      .select([
        "started_at",
        "span_id",
        "duration_ms",
        "input_tokens",
        "output_tokens",
        "request_model",
        "response_model",
        "finish_reasons",
        "operation",
        "error",
        "refused",
      ])
      .where("org_id", "=", orgId)
      .where("system_id", "=", systemId)
      .where("started_at", ">=", from)
      .where("started_at", "<", to);
    if (after) {
      const { at, spanId } = after;
      query = query.where((eb) =>
        eb.or([eb("started_at", ">", at), eb.and([eb("started_at", "=", at), eb("span_id", ">", spanId)])]),
      );
    }
    const chunk = await query
      .orderBy("started_at")
      .orderBy("span_id")
      .limit(Math.min(CHUNK, TELEMETRY_WINDOW_MAX_ROWS - rows))
      .execute();
    if (chunk.length === 0) break;
    parts.push(
      stringify(
        chunk.map((span) => [
          span.duration_ms,
          span.input_tokens ?? "",
          span.output_tokens ?? "",
          span.response_model ?? span.request_model ?? "",
          firstFinishReason(span.finish_reasons),
          span.operation ?? "",
          span.error ? "true" : "false",
          span.refused ? "true" : "false",
        ]),
      ),
    );
    rows += chunk.length;
    const last = chunk[chunk.length - 1] as (typeof chunk)[number];
    after = { at: last.started_at, spanId: last.span_id };
    if (chunk.length < CHUNK) break;
  }
  return { csv: Buffer.from(parts.join(""), "utf8"), rows };
}
