import type { ChartPoint, Routes } from "@openaims/contracts";
import { CHART_MAX_POINTS, chartBucketWidth } from "@openaims/core";
import { sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { alertQuery, presentAlerts } from "./alert-queries.js";
import { loadMetric } from "./metric-queries.js";

const DAY_MS = 24 * 60 * 60_000;
/** The range shown when none is asked for. */
const DEFAULT_DAYS = 30;
/** The longest range one request may cover. */
const MAX_DAYS = 5 * 366;

/**
 * A metric's observations between `from` and `to` (the last 30 days by default) with its thresholds
 * and the alerts seen in that range. More than 1,000 observations are summed up per time bucket
 * (mean, lowest and highest) in the database, so a year of hourly values stays a small answer.
 */
export const getMetricChart: Handler<Routes["getMetricChart"]> = async ({ tx, org, input }) => {
  const metric = await loadMetric(tx, org.orgId, input.params.metricId);
  const to = input.query.to ? new Date(input.query.to) : new Date();
  const from = input.query.from ? new Date(input.query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from >= to) throw invalidField("query.from", "must be before the end of the range", "From");
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
    throw invalidField("query.from", "must be at most five years before the end of the range", "From");

  // Summed up first: a long range needs nothing else, and a range that turns out small is read as it is.
  const bucketSeconds = chartBucketWidth(from, to, CHART_MAX_POINTS);
  const start = from.getTime() / 1000;
  const buckets = await sql<{ bucket: number; value: number; min: number; max: number; count: number }>`
    select least(floor((date_part('epoch', at) - ${start}::float8) / ${bucketSeconds}::float8)::int, ${CHART_MAX_POINTS - 1}) as bucket,
           avg(value) as value, min(value) as min, max(value) as max, count(*)::int as count
    from metric_observations
    where metric_id = ${metric.id} and at >= ${from} and at <= ${to}
    group by 1 order by 1`.execute(tx);
  const count = buckets.rows.reduce((sum, row) => sum + row.count, 0);
  let points: ChartPoint[];
  const summed = count > CHART_MAX_POINTS;
  if (!summed) {
    const rows = await tx
      .selectFrom("metric_observations")
      .select(["at", "value"])
      .where("metric_id", "=", metric.id)
      .where("at", ">=", from)
      .where("at", "<=", to)
      .orderBy("at")
      .execute();
    points = rows.map((r) => ({ at: r.at.toISOString(), value: r.value, min: r.value, max: r.value, count: 1 }));
  } else {
    points = buckets.rows.map((r) => ({
      at: new Date((start + r.bucket * bucketSeconds) * 1000).toISOString(),
      value: Number(r.value),
      min: Number(r.min),
      max: Number(r.max),
      count: r.count,
    }));
  }
  const alertRows = await alertQuery(tx, org.orgId)
    .where("a.metric_id", "=", metric.id)
    .where("a.first_seen_at", "<=", to)
    .where("a.last_seen_at", ">=", from)
    .orderBy("a.first_seen_at")
    .limit(500)
    .execute();
  return {
    metric,
    from: from.toISOString(),
    to: to.toISOString(),
    bucketSeconds: summed ? bucketSeconds : null,
    points,
    alerts: await presentAlerts(tx, org.orgId, alertRows),
  };
};
