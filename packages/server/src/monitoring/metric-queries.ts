import type { AlertLevel, Metric, MetricDirection, MetricThresholds } from "@openaims/contracts";
import { metricState } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { notFound } from "../http/app-error.js";

/** Metrics of an organisation with their system, the risk their rule flags, latest value and open alerts. */
export function metricQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("metrics as m")
    .innerJoin("ai_systems as sys", "sys.id", "m.system_id")
    .leftJoin("risks as r", "r.id", "m.review_risk_id")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("metric_observations as o")
          .select(["o.value", "o.at"])
          .whereRef("o.metric_id", "=", "m.id")
          .orderBy("o.at", "desc")
          .limit(1)
          .as("latest"),
      (join) => join.onTrue(),
    )
    .selectAll("m")
    .select([
      "sys.slug as system_slug",
      "sys.name as system_name",
      "r.ref as risk_ref",
      "r.title as risk_title",
      "latest.value as latest_value",
      "latest.at as latest_at",
      sql<number>`(select count(*)::int from metric_alerts a where a.metric_id = m.id and a.status <> 'resolved')`.as(
        "open_alerts",
      ),
      sql<
        string | null
      >`(select min(a.level) from metric_alerts a where a.metric_id = m.id and a.status <> 'resolved')`.as(
        "worst_open_level",
      ),
    ])
    .where("m.org_id", "=", orgId);
}

export type MetricRow = Awaited<ReturnType<ReturnType<typeof metricQuery>["executeTakeFirstOrThrow"]>>;

/** The thresholds of a stored metric, as the pure rules take them. */
export function thresholdsOf(row: {
  direction: string;
  warning_threshold: number | null;
  critical_threshold: number | null;
  cadence_minutes: number | null;
}): MetricThresholds {
  return {
    direction: row.direction as MetricDirection,
    warning: row.warning_threshold,
    critical: row.critical_threshold,
    cadenceMinutes: row.cadence_minutes,
  };
}

export function presentMetric(row: MetricRow): Metric {
  const latest =
    row.latest_value === null || row.latest_at === null ? null : { value: row.latest_value, at: row.latest_at };
  return {
    id: row.id,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction as MetricDirection,
    warning: row.warning_threshold,
    critical: row.critical_threshold,
    cadenceMinutes: row.cadence_minutes,
    openIncidentOnCritical: row.open_incident_on_critical,
    reviewRisk:
      row.review_risk_id && row.risk_ref && row.risk_title !== null
        ? { id: row.review_risk_id, ref: row.risk_ref, title: row.risk_title }
        : null,
    latest: latest ? { value: latest.value, at: new Date(latest.at).toISOString() } : null,
    state: metricState(thresholdsOf(row), latest?.value ?? null),
    openAlerts: row.open_alerts,
    // "critical" sorts before "warning": the smallest level is the worst.
    worstOpenLevel: row.worst_open_level as AlertLevel | null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
    version: row.version,
  };
}

export async function loadMetric(db: Kysely<Database>, orgId: string, metricId: string): Promise<Metric> {
  const row = await metricQuery(db, orgId).where("m.id", "=", metricId).executeTakeFirst();
  if (!row) throw notFound("Metric", metricId);
  return presentMetric(row);
}
