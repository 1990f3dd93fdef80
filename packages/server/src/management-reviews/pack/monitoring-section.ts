import {
  type AlertKind,
  type AlertLevel,
  type AlertStatus,
  alertLevels,
  alertStatuses,
  type MetricDirection,
  type MetricState,
  type MonitoringSection,
  metricStates,
  PACK_LIST_LIMIT,
} from "@openaims/contracts";
import { metricState } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, inPeriod, type PackPeriod, sectionHeader } from "./pack-period.js";

/** Worst first: what a review should look at before what is fine. */
const stateOrder: Record<MetricState, number> = { critical: 0, warning: 1, no_data: 2, within_bounds: 3 };

/**
 * 9.3.2 d: monitoring and measurement. Each metric defined by asOf with its latest observation at or
 * before asOf, judged against its thresholds by the monitoring module's rule (exact as of the date,
 * except that thresholds are the current ones); alerts first seen in the period, by level and by their
 * status at asOf (exact, from the times they were acknowledged and resolved; the level is the current
 * one, so a warning escalated after asOf shows as critical).
 */
export async function monitoringSection(db: Kysely<Database>, period: PackPeriod): Promise<MonitoringSection> {
  const { orgId, asOf } = period;
  const statusAsOf = sql<string>`case when al.resolved_at <= ${asOf} then 'resolved'
    when al.acknowledged_at <= ${asOf} then 'acknowledged' else 'open' end`;
  const alerts = db
    .selectFrom("metric_alerts as al")
    .where("al.org_id", "=", orgId)
    .where(inPeriod(period, "al.first_seen_at"));
  const [metrics, alertGroups, alertRows] = await Promise.all([
    db
      .selectFrom("metrics as m")
      .innerJoin("ai_systems as s", "s.id", "m.system_id")
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom("metric_observations as o")
            .select(["o.value", "o.at"])
            .whereRef("o.metric_id", "=", "m.id")
            .where("o.at", "<=", asOf)
            .orderBy("o.at", "desc")
            .limit(1)
            .as("latest"),
        (join) => join.onTrue(),
      )
      .select([
        "m.id",
        "m.name",
        "m.unit",
        "m.direction",
        "m.warning_threshold",
        "m.critical_threshold",
        "s.id as system_id",
        "s.name as system_name",
        "latest.value",
        "latest.at",
      ])
      .where("m.org_id", "=", orgId)
      .where("m.created_at", "<=", asOf)
      .where((eb) => eb.or([eb("m.archived_at", "is", null), eb("m.archived_at", ">", asOf)]))
      .orderBy("s.name")
      .orderBy("m.name")
      .execute(),
    db
      .selectFrom(alerts.select(["al.level", statusAsOf.as("status")]).as("k"))
      .select(["k.level", "k.status", sql<number>`count(*)::int`.as("count")])
      .groupBy(["k.level", "k.status"])
      .execute(),
    alerts
      .innerJoin("metrics as m", "m.id", "al.metric_id")
      .innerJoin("ai_systems as s", "s.id", "al.system_id")
      .select([
        "al.id",
        "al.ref",
        "al.kind",
        "al.level",
        "al.first_seen_at",
        "m.id as metric_id",
        "m.name as metric_name",
        "s.id as system_id",
        "s.name as system_name",
      ])
      .select(statusAsOf.as("status"))
      .orderBy(sql`al.level = 'critical'`, "desc")
      .orderBy("al.first_seen_at", "desc")
      .orderBy("al.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
  ]);
  const judged = metrics.map((row) => {
    const direction = row.direction as MetricDirection;
    const latest = row.value === null || row.at === null ? null : { value: row.value, at: row.at.toISOString() };
    return {
      id: row.id,
      name: row.name,
      system: { id: row.system_id, name: row.system_name },
      unit: row.unit,
      direction,
      warning: row.warning_threshold,
      critical: row.critical_threshold,
      latest,
      state: metricState(
        { direction, warning: row.warning_threshold, critical: row.critical_threshold, cadenceMinutes: null },
        latest?.value ?? null,
      ),
    };
  });
  judged.sort((a, b) => stateOrder[a.state] - stateOrder[b.state]);
  const alertsByLevel = countsOf(
    alertLevels,
    alertGroups.map((row) => ({ key: row.level, count: row.count })),
  );
  return {
    ...sectionHeader("monitoring", period),
    metricsByState: countsOf(
      metricStates,
      judged.map((metric) => ({ key: metric.state, count: 1 })),
    ),
    metrics: bounded(judged, judged.length, PACK_LIST_LIMIT),
    alertsByLevel,
    alertsByStatus: countsOf(
      alertStatuses,
      alertGroups.map((row) => ({ key: row.status, count: row.count })),
    ),
    alerts: bounded(
      alertRows.map((row) => ({
        id: row.id,
        ref: row.ref,
        metric: { id: row.metric_id, name: row.metric_name },
        system: { id: row.system_id, name: row.system_name },
        kind: row.kind as AlertKind,
        level: row.level as AlertLevel,
        status: row.status as AlertStatus,
        firstSeenAt: row.first_seen_at.toISOString(),
      })),
      Object.values(alertsByLevel).reduce((sum, n) => sum + n, 0),
      PACK_LIST_LIMIT,
    ),
  };
}
