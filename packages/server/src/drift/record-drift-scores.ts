import { randomUUID } from "node:crypto";
import type { DriftMetricValue, RaisedAlert } from "@openaims/contracts";
import { breachLevel } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { thresholdsOf } from "../monitoring/metric-queries.js";
import { insertObservations } from "../monitoring/push-observations.js";
import { raiseAlert } from "../monitoring/raise-alert.js";
import { type DriftScore, METRIC_NAME_MAX } from "./drift-scores.js";

/** A name not yet used by the system's live metrics (names are unique whatever their case): "Drift PSI age 2". */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` ${n}`;
    candidate = `${name.slice(0, METRIC_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Records a report's scores as observations of the system's drift metrics at `at`, making each metric
 * the first time its score appears (with the score's default thresholds, which users may change), and
 * raises or extends an alert for each observation beyond its metric's thresholds, through the same flow
 * as pushed observations. In the caller's transaction, with audit entries.
 */
export async function recordDriftScores(
  tx: Kysely<Database>,
  context: {
    orgId: string;
    systemId: string;
    membershipId: string | null;
    requestId: string | null;
    audit: (event: AuditEvent) => Promise<void>;
  },
  scores: readonly DriftScore[],
  at: Date,
): Promise<{ values: DriftMetricValue[]; alerts: RaisedAlert[] }> {
  const { orgId, systemId } = context;
  if (scores.length === 0) return { values: [], alerts: [] };
  const live = await tx
    .selectFrom("metrics")
    .select([
      "id",
      "org_id",
      "system_id",
      "name",
      "source",
      "source_key",
      "direction",
      "warning_threshold",
      "critical_threshold",
      "cadence_minutes",
      "open_incident_on_critical",
      "review_risk_id",
    ])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .execute();
  const byKey = new Map(live.filter((m) => m.source === "drift" && m.source_key).map((m) => [m.source_key, m]));
  const taken = new Set(live.map((m) => m.name.toLowerCase()));
  const metrics: (typeof live)[number][] = [];
  for (const score of scores) {
    const existing = byKey.get(score.sourceKey);
    if (existing) {
      metrics.push(existing);
      continue;
    }
    const row = {
      id: randomUUID(),
      org_id: orgId,
      system_id: systemId,
      name: freeName(score.name, taken),
      description: score.description,
      unit: score.unit,
      direction: "lower_is_better",
      warning_threshold: score.warning,
      critical_threshold: score.critical,
      cadence_minutes: null,
      open_incident_on_critical: false,
      review_risk_id: null,
      created_by_member_id: context.membershipId,
      source: "drift",
      source_key: score.sourceKey,
    };
    await tx.insertInto("metrics").values(row).execute();
    await context.audit({
      action: "metric.created",
      entityType: "metric",
      entityId: row.id,
      changes: Object.fromEntries(
        Object.entries({
          system_id: systemId,
          name: row.name,
          unit: row.unit,
          direction: row.direction,
          warning_threshold: row.warning_threshold,
          critical_threshold: row.critical_threshold,
          source: row.source,
          source_key: row.source_key,
        }).map(([k, v]) => [k, { before: null, after: v }]),
      ),
    });
    metrics.push(row);
  }
  const observations = scores.map((score, index) => ({
    metricId: (metrics[index] as (typeof metrics)[number]).id,
    at,
    value: score.value,
  }));
  await insertObservations(tx, observations);
  const alerts: RaisedAlert[] = [];
  for (const [index, score] of scores.entries()) {
    const metric = metrics[index] as (typeof metrics)[number];
    const level = breachLevel(thresholdsOf(metric), score.value);
    if (!level) continue;
    const alert = await raiseAlert(
      tx,
      metric,
      { kind: "breach", level, firstSeenAt: at, lastSeenAt: at, value: score.value, observedAt: at },
      context.requestId,
    );
    if (alert) alerts.push(alert);
  }
  await context.audit({
    action: "metric.observations_recorded",
    entityType: "ai_system",
    entityId: systemId,
    changes: {
      observations: { before: null, after: observations.length },
      source: { before: null, after: "drift" },
    },
  });
  return {
    values: scores.map((score, index) => ({
      metricId: (metrics[index] as (typeof metrics)[number]).id,
      name: (metrics[index] as (typeof metrics)[number]).name,
      sourceKey: score.sourceKey,
      value: score.value,
    })),
    alerts,
  };
}
