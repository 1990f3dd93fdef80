import { randomUUID } from "node:crypto";
import type { MetricDirection } from "@openaims/contracts";
import { breachLevel, histogramQuantile } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { thresholdsOf } from "../monitoring/metric-queries.js";
import { insertObservations } from "../monitoring/push-observations.js";
import { raiseAlert } from "../monitoring/raise-alert.js";

/** The intake keeps telemetry metrics in its own name. */
export const telemetryActor = systemActor("telemetry");

/** One minute's totals of a system, as telemetry_rollups holds them. */
export interface MinuteTotals {
  requests: number;
  errors: number;
  latency_histogram: number[];
  input_tokens: number | string;
  output_tokens: number | string;
  cost: number;
  refusals: number;
  tool_calls: Record<string, number>;
  guard_findings: number;
}

interface TelemetryMetricDefinition {
  key: string;
  name: string;
  description: string;
  unit: string;
  direction: MetricDirection;
  /** The metric's value for one minute, or null when that minute has none (no latency without requests). */
  value: (t: MinuteTotals) => number | null;
}

const rate = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** The metrics every system sending spans gets, one observation per minute each. */
export const telemetryMetricDefinitions: readonly TelemetryMetricDefinition[] = [
  {
    key: "requests",
    name: "Telemetry requests",
    description: "Spans received per minute.",
    unit: "requests/min",
    direction: "higher_is_better",
    value: (t) => t.requests,
  },
  {
    key: "error_rate",
    name: "Telemetry error rate",
    description: "Share of spans with status ERROR or an error.type, per minute.",
    unit: "%",
    direction: "lower_is_better",
    value: (t) => rate(t.errors, t.requests),
  },
  {
    key: "latency_p50",
    name: "Telemetry latency p50",
    description: "Median span duration per minute (from a log-bucket histogram, within 19 %).",
    unit: "ms",
    direction: "lower_is_better",
    value: (t) => histogramQuantile(t.latency_histogram, 0.5),
  },
  {
    key: "latency_p95",
    name: "Telemetry latency p95",
    description: "95th percentile span duration per minute (from a log-bucket histogram, within 19 %).",
    unit: "ms",
    direction: "lower_is_better",
    value: (t) => histogramQuantile(t.latency_histogram, 0.95),
  },
  {
    key: "input_tokens",
    name: "Telemetry input tokens",
    description: "gen_ai.usage.input_tokens summed per minute.",
    unit: "tokens/min",
    direction: "lower_is_better",
    value: (t) => Number(t.input_tokens),
  },
  {
    key: "output_tokens",
    name: "Telemetry output tokens",
    description: "gen_ai.usage.output_tokens summed per minute.",
    unit: "tokens/min",
    direction: "lower_is_better",
    value: (t) => Number(t.output_tokens),
  },
  {
    key: "cost",
    name: "Telemetry cost",
    description: "Token cost per minute from the organisation's price table.",
    unit: "per min",
    direction: "lower_is_better",
    value: (t) => t.cost,
  },
  {
    key: "refusal_rate",
    name: "Telemetry refusal rate",
    description: "Share of spans the model refused or a content filter stopped, per minute.",
    unit: "%",
    direction: "lower_is_better",
    value: (t) => rate(t.refusals, t.requests),
  },
  {
    key: "tool_calls",
    name: "Telemetry tool calls",
    description: "execute_tool spans per minute (by tool in the telemetry summary).",
    unit: "calls/min",
    direction: "higher_is_better",
    value: (t) => Object.values(t.tool_calls ?? {}).reduce((a, b) => a + b, 0),
  },
  {
    key: "guard_findings",
    name: "Telemetry guard findings",
    description: "gen_ai.guardrail events and findings per minute.",
    unit: "findings/min",
    direction: "lower_is_better",
    value: (t) => t.guard_findings,
  },
];

type MetricRow = {
  id: string;
  org_id: string;
  system_id: string;
  name: string;
  source_key: string | null;
  direction: string;
  warning_threshold: number | null;
  critical_threshold: number | null;
  cadence_minutes: number | null;
  open_incident_on_critical: boolean;
  review_risk_id: string | null;
};

/**
 * The system's telemetry metrics, created on its first spans (no thresholds, no cadence). A name a
 * person already uses for another metric of the system leaves that one measure without a metric.
 */
export async function ensureTelemetryMetrics(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<MetricRow[]> {
  const existing = await telemetryMetricsOf(tx, systemId);
  const missing = telemetryMetricDefinitions.filter((d) => !existing.some((m) => m.source_key === d.key));
  if (missing.length === 0) return existing;
  const created = await tx
    .insertInto("metrics")
    .values(
      missing.map((d) => ({
        id: randomUUID(),
        org_id: orgId,
        system_id: systemId,
        name: d.name,
        description: d.description,
        unit: d.unit,
        direction: d.direction,
        warning_threshold: null,
        critical_threshold: null,
        cadence_minutes: null,
        review_risk_id: null,
        created_by_member_id: null,
        source: "telemetry",
        source_key: d.key,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "name", "source_key"])
    .execute();
  for (const metric of created)
    await appendAuditEntry(tx, {
      action: "metric.created",
      entityType: "metric",
      entityId: metric.id,
      changes: { name: { before: null, after: metric.name }, source: { before: null, after: "telemetry" } },
      orgId,
      actor: telemetryActor,
      requestId: null,
    });
  return telemetryMetricsOf(tx, systemId);
}

function telemetryMetricsOf(tx: Kysely<Database>, systemId: string): Promise<MetricRow[]> {
  return tx
    .selectFrom("metrics")
    .select([
      "id",
      "org_id",
      "system_id",
      "name",
      "source_key",
      "direction",
      "warning_threshold",
      "critical_threshold",
      "cadence_minutes",
      "open_incident_on_critical",
      "review_risk_id",
    ])
    .where("system_id", "=", systemId)
    .where("source", "=", "telemetry")
    .where("archived_at", "is", null)
    .execute();
}

/**
 * Replaces each metric's observation of the given minutes with the minute's current totals, then
 * raises or extends a breach alert where a metric has thresholds, as pushed observations do.
 */
export async function recordTelemetryObservations(
  tx: Kysely<Database>,
  minutes: { metrics: MetricRow[]; minute: Date; totals: MinuteTotals }[],
): Promise<void> {
  const observations: { metricId: string; at: Date; value: number }[] = [];
  const breaches: { metric: MetricRow; value: number; at: Date }[] = [];
  for (const { metrics, minute, totals } of minutes) {
    for (const metric of metrics) {
      const definition = telemetryMetricDefinitions.find((d) => d.key === metric.source_key);
      const value = definition?.value(totals);
      if (value === null || value === undefined || !Number.isFinite(value)) continue;
      observations.push({ metricId: metric.id, at: minute, value });
      if (metric.warning_threshold !== null || metric.critical_threshold !== null)
        breaches.push({ metric, value, at: minute });
    }
  }
  if (observations.length === 0) return;
  await sql`delete from metric_observations o
    using unnest(${observations.map((o) => o.metricId)}::uuid[], ${observations.map((o) => o.at.getTime())}::float8[]) as d(m, t)
    where o.metric_id = d.m and o.at = to_timestamp(d.t / 1000.0)`.execute(tx);
  await insertObservations(tx, observations);
  for (const { metric, value, at } of breaches) {
    const level = breachLevel(thresholdsOf(metric), value);
    if (!level) continue;
    await raiseAlert(
      tx,
      metric,
      { kind: "breach", level, firstSeenAt: at, lastSeenAt: at, value, observedAt: at },
      null,
    );
  }
}
