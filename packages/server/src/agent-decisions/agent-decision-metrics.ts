import { randomUUID } from "node:crypto";
import { breachLevel } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditScope, appendAuditEntries, systemActor } from "../audit/append-audit-entry.js";
import type { JobHandler } from "../jobs/job-types.js";
import { thresholdsOf } from "../monitoring/metric-queries.js";
import { insertObservations } from "../monitoring/push-observations.js";
import { raiseAlert } from "../monitoring/raise-alert.js";
import { decisionMetrics } from "./decision-log-handlers.js";

/** The metric source of an agent's decision metrics. */
export const AGENT_METRIC_SOURCE = "agent_decisions";

/** The three metrics each agent keeps, by source key. */
export const agentMetricDefinitions = [
  {
    sourceKey: "decisions_per_hour",
    name: "Agent decisions per hour",
    description: "Decisions about the agent's actions (allowed, denied and sent for approval) in each hour.",
    unit: "decisions",
  },
  {
    sourceKey: "deny_rate",
    name: "Agent deny rate",
    description: "Share of the agent's actions the policy denied in each hour (0 to 1).",
    unit: "ratio",
  },
  {
    sourceKey: "approval_latency_p95",
    name: "Agent approval latency p95",
    description: "95th percentile of the time people took to answer the agent's approval requests, per hour.",
    unit: "s",
  },
] as const;

/** Agents known in this process to have their metrics, so a decision does not look each time. */
const known = new Set<string>();

/**
 * Creates the agent's three decision metrics the first time it is decided for (lower is better, no
 * thresholds: people set those), with audit entries, in the caller's transaction. Cheap after the first.
 */
export async function ensureAgentMetrics(
  tx: Kysely<Database>,
  scope: AuditScope,
  systemId: string,
  membershipId: string | null,
): Promise<void> {
  const key = `${scope.orgId}:${systemId}`;
  if (known.has(key)) return;
  const live = await tx
    .selectFrom("metrics")
    .select(["name", "source", "source_key"])
    .where("org_id", "=", scope.orgId)
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .execute();
  const have = new Set(live.filter((m) => m.source === AGENT_METRIC_SOURCE).map((m) => m.source_key));
  const taken = new Set(live.map((m) => m.name.toLowerCase()));
  const missing = agentMetricDefinitions.filter((d) => !have.has(d.sourceKey));
  // Remembered only once seen committed, so a rolled-back creation is made again next time.
  let created = false;
  for (const definition of missing) {
    let name: string = definition.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${definition.name} ${n}`;
    taken.add(name.toLowerCase());
    const id = randomUUID();
    const inserted = await tx
      .insertInto("metrics")
      .values({
        id,
        org_id: scope.orgId,
        system_id: systemId,
        name,
        description: definition.description,
        unit: definition.unit,
        direction: "lower_is_better",
        warning_threshold: null,
        critical_threshold: null,
        cadence_minutes: null,
        open_incident_on_critical: false,
        review_risk_id: null,
        created_by_member_id: membershipId,
        source: AGENT_METRIC_SOURCE,
        source_key: definition.sourceKey,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .execute();
    if (inserted.length === 0) continue;
    created = true;
    await appendAuditEntries(tx, scope, [
      {
        action: "metric.created",
        entityType: "metric",
        entityId: id,
        changes: {
          system_id: { before: null, after: systemId },
          name: { before: null, after: name },
          unit: { before: null, after: definition.unit },
          source: { before: null, after: AGENT_METRIC_SOURCE },
          source_key: { before: null, after: definition.sourceKey },
        },
      },
    ]);
  }
  if (!created && missing.length === 0) known.add(key);
}

export const AGENT_METRICS_JOB = "agent_decisions.metrics";
export const AGENT_METRICS_EVERY_MS = 3_600_000;

/**
 * Pushes one observation per agent decision metric for the hour that ended at `hourEnd` (at that
 * instant), and raises alerts through the monitoring module's flow when a threshold is crossed.
 * An hour already observed is not observed again. Returns the observations written.
 */
export async function pushAgentMetricObservations(db: Kysely<Database>, hourEnd: Date): Promise<number> {
  const metrics = await db
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
    .where("source", "=", AGENT_METRIC_SOURCE)
    .where("archived_at", "is", null)
    .execute();
  const bySystem = new Map<string, typeof metrics>();
  for (const metric of metrics) {
    const key = `${metric.org_id}:${metric.system_id}`;
    bySystem.set(key, [...(bySystem.get(key) ?? []), metric]);
  }
  const from = new Date(hourEnd.getTime() - AGENT_METRICS_EVERY_MS);
  let written = 0;
  for (const ofSystem of bySystem.values()) {
    const first = ofSystem[0];
    if (!first) continue;
    const figures = await decisionMetrics(db, first.org_id, first.system_id, { from, to: hourEnd, bucket: "hour" });
    await db.transaction().execute(async (tx) => {
      const already = await tx
        .selectFrom("metric_observations")
        .select("metric_id")
        .where(
          "metric_id",
          "in",
          ofSystem.map((m) => m.id),
        )
        .where("at", "=", hourEnd)
        .execute();
      const done = new Set(already.map((row) => row.metric_id));
      const observations = [];
      for (const metric of ofSystem) {
        if (done.has(metric.id)) continue;
        const value =
          metric.source_key === "decisions_per_hour"
            ? figures.totals.total
            : metric.source_key === "deny_rate"
              ? figures.denyRate
              : figures.approvalLatency.p95Seconds;
        if (value === null) continue;
        observations.push({ metricId: metric.id, at: hourEnd, value, metric });
      }
      if (observations.length === 0) return;
      await insertObservations(tx, observations);
      for (const { metric, value } of observations) {
        const level = breachLevel(thresholdsOf(metric), value);
        if (level) {
          await raiseAlert(
            tx,
            metric,
            { kind: "breach", level, firstSeenAt: hourEnd, lastSeenAt: hourEnd, value, observedAt: hourEnd },
            null,
          );
        }
      }
      await appendAuditEntries(
        tx,
        { orgId: first.org_id, actor: systemActor("agent decision metrics"), requestId: null },
        [
          {
            action: "metric.observations_recorded",
            entityType: "ai_system",
            entityId: first.system_id,
            changes: {
              observations: { before: null, after: observations.length },
              source: { before: null, after: AGENT_METRIC_SOURCE },
            },
          },
        ],
      );
      written += observations.length;
    });
  }
  return written;
}

const pushHourly: JobHandler = async (job, { db }) => {
  const slot = typeof job.payload.slot === "string" ? new Date(job.payload.slot) : new Date();
  const hourEnd = new Date(Math.floor(slot.getTime() / AGENT_METRICS_EVERY_MS) * AGENT_METRICS_EVERY_MS);
  await pushAgentMetricObservations(db, hourEnd);
};

export const agentMetricJobHandlers: Record<string, JobHandler> = { [AGENT_METRICS_JOB]: pushHourly };
