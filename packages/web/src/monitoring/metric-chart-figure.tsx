import type { MetricChart } from "@openaims/contracts";
import { lazy } from "react";
import { ChartFigure } from "../overview/chart-figure";
import { formatDateTime } from "../ui/format";
import type { MetricChartRow } from "./metric-line-chart";

const MetricLineChart = lazy(() => import("./metric-line-chart").then((m) => ({ default: m.MetricLineChart })));

/** The chart point nearest to a time, so an alert's line lands on the axis. */
function nearestRow(points: MetricChart["points"], rows: MetricChartRow[], iso: string): string | null {
  const at = new Date(iso).getTime();
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  points.forEach((point, index) => {
    const distance = Math.abs(new Date(point.at).getTime() - at);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best === null ? null : (rows[best]?.time ?? null);
}

/** A metric's chart with thresholds and alerts, and "Show as table" for the same numbers. */
export function MetricChartFigure({ chart }: { chart: MetricChart }) {
  const { metric, points, bucketSeconds } = chart;
  const withRange = bucketSeconds !== null;
  const seen = new Map<string, number>();
  /** The time as shown; a time shown twice gets a number, so each row and axis label stays distinct. */
  const shown = (iso: string) => {
    const text = formatDateTime(iso);
    const times = (seen.get(text) ?? 0) + 1;
    seen.set(text, times);
    return times === 1 ? text : `${text} #${times}`;
  };
  const rows: MetricChartRow[] = points.map((point) => ({
    time: shown(point.at),
    value: Number(point.value.toPrecision(6)),
    ...(withRange ? { min: point.min, max: point.max } : {}),
  }));
  const alerts = chart.alerts.flatMap((alert) => {
    const time = nearestRow(points, rows, alert.firstSeenAt);
    return time ? [{ time, label: alert.ref }] : [];
  });
  const unit = metric.unit ? ` (${metric.unit})` : "";
  const summary = withRange
    ? `${metric.name}${unit} from ${formatDateTime(chart.from)} to ${formatDateTime(chart.to)}: ${points.length} points, each the mean of the observations in about ${Math.round((bucketSeconds ?? 0) / 3600)} hours, with ${chart.alerts.length} alerts.`
    : `${metric.name}${unit} from ${formatDateTime(chart.from)} to ${formatDateTime(chart.to)}: ${points.length} observations, with ${chart.alerts.length} alerts.`;
  const table = {
    columns: withRange ? ["Time", "Mean", "Lowest", "Highest", "Observations"] : ["Time", "Value"],
    rows: points.map((point, i) =>
      withRange
        ? [rows[i]?.time ?? point.at, rows[i]?.value ?? point.value, point.min, point.max, point.count]
        : [rows[i]?.time ?? point.at, point.value],
    ),
  };
  return (
    <ChartFigure summary={summary} table={table}>
      <MetricLineChart
        rows={rows}
        unit={metric.unit}
        warning={metric.warning}
        critical={metric.critical}
        alerts={alerts}
        withRange={withRange}
      />
    </ChartFigure>
  );
}
