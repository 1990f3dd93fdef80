import type { AlertLevel, RaisedAlert, Routes } from "@openaims/contracts";
import { fieldMessage } from "@openaims/contracts";
import type { ObservationProblem } from "@openaims/core";
import { breachLevel, type CheckedObservation, checkObservationBatch } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { thresholdsOf } from "./metric-queries.js";
import { resolveMonitoredSystem } from "./monitored-system.js";
import { raiseAlert } from "./raise-alert.js";

/** The 400 refusing a batch: every bad row and field, and a sentence saying nothing was stored. */
function batchRefused(problems: ObservationProblem[], total: number): AppError {
  const rows = new Set(problems.map((p) => p.row)).size;
  return new AppError(
    "validation_failed",
    `${rows} of ${total} observations ${rows === 1 ? "has a problem" : "have problems"}; nothing of this batch was stored. First, row ${problems[0]?.row}, ${problems[0]?.field}: ${problems[0]?.message}.`,
    {
      fields: problems
        .slice(0, 200)
        .map((p) => fieldMessage(`body.observations.${p.row - 1}.${p.field}`, p.message, `Row ${p.row}, ${p.field}`)),
      rows: problems,
    },
  );
}

/**
 * Appends observations with one statement whatever their number. Times travel as epoch milliseconds
 * and metrics as positions in a short list: numbers are quicker for the database to read than
 * 10,000 timestamps and ids as text.
 */
export async function insertObservations(tx: Kysely<Database>, observations: readonly CheckedObservation[]) {
  if (observations.length === 0) return;
  const metricIds: string[] = [];
  const positions = new Map<string, number>();
  const metricAt = observations.map((o) => {
    let position = positions.get(o.metricId);
    if (position === undefined) {
      position = metricIds.push(o.metricId);
      positions.set(o.metricId, position);
    }
    return position;
  });
  const ats = observations.map((o) => o.at.getTime());
  const values = observations.map((o) => o.value);
  await sql`insert into metric_observations (metric_id, at, value)
    select (${metricIds}::uuid[])[m], to_timestamp(t / 1000.0), v
    from unnest(${metricAt}::int[], ${ats}::float8[], ${values}::float8[]) as o(m, t, v)`.execute(tx);
}

interface Breach {
  level: AlertLevel;
  first: Date;
  last: Date;
  /** The latest observation at the worst level. */
  value: number;
  at: Date;
}

/** Per metric, the worst breach among the observations and when breaches were seen. */
function breachesOf(
  observations: readonly CheckedObservation[],
  thresholdsById: ReadonlyMap<string, Parameters<typeof breachLevel>[0]>,
): Map<string, Breach> {
  const breaches = new Map<string, Breach>();
  for (const o of observations) {
    const thresholds = thresholdsById.get(o.metricId);
    const level = thresholds ? breachLevel(thresholds, o.value) : null;
    if (!level) continue;
    const seen = breaches.get(o.metricId);
    if (!seen) {
      breaches.set(o.metricId, { level, first: o.at, last: o.at, value: o.value, at: o.at });
      continue;
    }
    if (o.at < seen.first) seen.first = o.at;
    if (o.at > seen.last) seen.last = o.at;
    const worse = level === "critical" && seen.level === "warning";
    if (worse || (level === seen.level && o.at >= seen.at)) Object.assign(seen, { level, value: o.value, at: o.at });
  }
  return breaches;
}

/**
 * Records a batch of one system's observations, all or nothing, then raises or extends an alert for
 * each metric the batch breached.
 */
export const pushObservations: Handler<Routes["pushObservations"]> = async ({ tx, org, input, audit, requestId }) => {
  const system = await resolveMonitoredSystem(tx, org.orgId, input.body.system);
  const metrics = await tx
    .selectFrom("metrics")
    .select([
      "id",
      "org_id",
      "system_id",
      "name",
      "direction",
      "warning_threshold",
      "critical_threshold",
      "cadence_minutes",
      "open_incident_on_critical",
      "review_risk_id",
    ])
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id)
    .where("archived_at", "is", null)
    .execute();
  const keys = new Map<string, string>();
  for (const m of metrics) {
    keys.set(m.name.toLowerCase(), m.id);
    keys.set(m.id, m.id);
  }
  const rows = input.body.observations;
  const checked = checkObservationBatch(rows, keys, new Date());
  if (!checked.ok) throw batchRefused(checked.problems, rows.length);

  await insertObservations(tx, checked.observations);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const breaches = breachesOf(checked.observations, new Map(metrics.map((m) => [m.id, thresholdsOf(m)])));
  const alerts: RaisedAlert[] = [];
  for (const [metricId, breach] of breaches) {
    const metric = byId.get(metricId);
    if (!metric) continue;
    const alert = await raiseAlert(
      tx,
      metric,
      {
        kind: "breach",
        level: breach.level,
        firstSeenAt: breach.first,
        lastSeenAt: breach.last,
        value: breach.value,
        observedAt: breach.at,
      },
      requestId,
    );
    if (alert) alerts.push(alert);
  }
  const perMetric = new Map<string, number>();
  for (const o of checked.observations) perMetric.set(o.metricId, (perMetric.get(o.metricId) ?? 0) + 1);
  await audit({
    action: "metric.observations_recorded",
    entityType: "ai_system",
    entityId: system.id,
    changes: {
      observations: { before: null, after: checked.observations.length },
      metrics: {
        before: null,
        after: Object.fromEntries([...perMetric].map(([id, count]) => [byId.get(id)?.name ?? id, count])),
      },
    },
  });
  return { stored: checked.observations.length, alerts };
};
