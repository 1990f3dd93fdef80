import type { Routes, TelemetryMinute, TelemetrySummary } from "@openaims/contracts";
import { addHistograms, histogramQuantile } from "@openaims/core";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { loadSystemTelemetrySettings } from "./settings-handlers.js";

const DAY_MS = 24 * 60 * 60_000;
/** Longest window a summary reads: 90 days of per-minute rollups. */
const MAX_WINDOW_MS = 90 * DAY_MS;
const MAX_POINTS = 1440;

function windowOf(query: { from?: string; to?: string }): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (from >= to) throw invalidField("query.from", "must be before to", "From");
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS)
    throw invalidField("query.from", "must be at most 90 days before to", "From");
  return { from, to };
}

const num = (value: string | number | null | undefined) => Number(value ?? 0);

/** What a system's per-minute rollups add up to over the window, and the series for charts. */
export const getSystemTelemetrySummary: Handler<Routes["getSystemTelemetrySummary"]> = async ({ tx, org, input }) => {
  const settings = await loadSystemTelemetrySettings(tx, org.orgId, input.params.systemId);
  const { from, to } = windowOf(input.query);
  const rows = await tx
    .selectFrom("telemetry_rollups")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", settings.system.id)
    .where("minute", ">=", from)
    .where("minute", "<", to)
    .orderBy("minute")
    .execute();
  const minutes = Math.ceil((to.getTime() - from.getTime()) / 60_000);
  const bucketMinutes = Math.max(1, Math.ceil(minutes / MAX_POINTS));
  const bucketMs = bucketMinutes * 60_000;
  const total = emptyTotals();
  const series = new Map<number, ReturnType<typeof emptyTotals>>();
  for (const row of rows) {
    const start = from.getTime() + Math.floor((row.minute.getTime() - from.getTime()) / bucketMs) * bucketMs;
    let bucket = series.get(start);
    if (!bucket) {
      bucket = emptyTotals();
      series.set(start, bucket);
    }
    for (const t of [total, bucket]) {
      t.requests += row.requests;
      t.errors += row.errors;
      t.inputTokens += num(row.input_tokens);
      t.outputTokens += num(row.output_tokens);
      t.cost += row.cost;
      t.refusals += row.refusals;
      t.guardFindings += row.guard_findings;
      t.injectionMarkers += row.injection_markers;
      t.exfiltrationMarkers += row.exfiltration_markers;
      addHistograms(t.histogram, row.latency_histogram);
      for (const [tool, count] of Object.entries(row.tool_calls ?? {}))
        t.tools.set(tool, (t.tools.get(tool) ?? 0) + count);
    }
  }
  const points: TelemetryMinute[] = [...series].map(([start, t]) => ({
    minute: new Date(start).toISOString(),
    requests: t.requests,
    errors: t.errors,
    latencyP50Ms: histogramQuantile(t.histogram, 0.5),
    latencyP95Ms: histogramQuantile(t.histogram, 0.95),
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    cost: t.cost,
    refusals: t.refusals,
    guardFindings: t.guardFindings,
  }));
  const summary: TelemetrySummary = {
    system: settings.system,
    from: from.toISOString(),
    to: to.toISOString(),
    requests: total.requests,
    errors: total.errors,
    errorRate: total.requests > 0 ? total.errors / total.requests : null,
    latencyP50Ms: histogramQuantile(total.histogram, 0.5),
    latencyP95Ms: histogramQuantile(total.histogram, 0.95),
    inputTokens: total.inputTokens,
    outputTokens: total.outputTokens,
    cost: total.cost,
    refusals: total.refusals,
    refusalRate: total.requests > 0 ? total.refusals / total.requests : null,
    toolCalls: [...total.tools]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([tool, count]) => ({ tool, count })),
    guardFindings: total.guardFindings,
    injectionMarkers: total.injectionMarkers,
    exfiltrationMarkers: total.exfiltrationMarkers,
    bucketMinutes,
    series: points,
  };
  return summary;
};

function emptyTotals() {
  return {
    requests: 0,
    errors: 0,
    inputTokens: 0,
    outputTokens: 0,
    cost: 0,
    refusals: 0,
    guardFindings: 0,
    injectionMarkers: 0,
    exfiltrationMarkers: 0,
    histogram: [] as number[],
    tools: new Map<string, number>(),
  };
}

/** Systems with their telemetry name, capture setting, latest span and the last day's counts. */
export const listTelemetrySystems: Handler<Routes["listTelemetrySystems"]> = async ({ tx, org }) => {
  const since = new Date(Date.now() - DAY_MS);
  const rows = await tx
    .selectFrom("ai_systems as s")
    .leftJoin("telemetry_systems as t", "t.system_id", "s.id")
    .select([
      "s.id",
      "s.slug",
      "s.name",
      "t.service_name",
      "t.capture_content",
      (eb) =>
        eb
          .selectFrom("telemetry_rollups as r")
          .select(sql<Date | null>`max(r.updated_at)`.as("at"))
          .whereRef("r.system_id", "=", "s.id")
          .as("last_span_at"),
      (eb) =>
        eb
          .selectFrom("telemetry_rollups as r")
          .select(sql<string | number>`coalesce(sum(r.requests), 0)`.as("n"))
          .whereRef("r.system_id", "=", "s.id")
          .where("r.minute", ">=", since)
          .as("requests"),
      (eb) =>
        eb
          .selectFrom("telemetry_rollups as r")
          .select(sql<string | number>`coalesce(sum(r.errors), 0)`.as("n"))
          .whereRef("r.system_id", "=", "s.id")
          .where("r.minute", ">=", since)
          .as("errors"),
    ])
    .where("s.org_id", "=", org.orgId)
    .where("s.archived_at", "is", null)
    .orderBy("s.name")
    .limit(1000)
    .execute();
  return {
    items: rows.map((r) => ({
      system: { id: r.id, slug: r.slug, name: r.name },
      effectiveServiceName: r.service_name ?? r.slug,
      captureContent: r.capture_content ?? false,
      lastSpanAt: r.last_span_at ? new Date(r.last_span_at).toISOString() : null,
      requests24h: num(r.requests),
      errors24h: num(r.errors),
    })),
  };
};
