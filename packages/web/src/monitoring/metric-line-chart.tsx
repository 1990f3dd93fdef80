import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";

/** One point of the chart: its time as shown on the axis, the value, and a bucket's range when summed up. */
export interface MetricChartRow {
  time: string;
  value: number;
  min?: number;
  max?: number;
}

interface Props {
  rows: MetricChartRow[];
  unit: string;
  warning: number | null;
  critical: number | null;
  /** Times (as on the axis) where an alert was first seen, with its reference. */
  alerts: { time: string; label: string }[];
  /** Draws each bucket's lowest and highest value beside the mean. */
  withRange: boolean;
}

/**
 * A metric over time, in a chunk of its own like the home page's charts: the warning and critical
 * thresholds as horizontal lines, alerts as vertical ones. Hidden from assistive technology; the
 * figure around it carries the same numbers as a table.
 */
export function MetricLineChart({ rows, unit, warning, critical, alerts, withRange }: Props) {
  const referenceLines = [
    ...(warning === null ? [] : [{ y: warning, label: "Warning", color: "orange.7" }]),
    ...(critical === null ? [] : [{ y: critical, label: "Critical", color: "red.7" }]),
    ...alerts.map((alert) => ({ x: alert.time, label: alert.label, color: "red.4" })),
  ];
  return (
    <LineChart
      h={320}
      data={rows}
      dataKey="time"
      series={[
        { name: "value", label: withRange ? "Mean" : "Value", color: "blue.6" },
        ...(withRange
          ? [
              { name: "min", label: "Lowest", color: "gray.5", strokeDasharray: "4 4" },
              { name: "max", label: "Highest", color: "gray.5", strokeDasharray: "4 4" },
            ]
          : []),
      ]}
      referenceLines={referenceLines}
      unit={unit ? ` ${unit}` : undefined}
      curveType="linear"
      withDots={rows.length <= 60}
      lineChartProps={{ accessibilityLayer: false }}
      xAxisProps={{ minTickGap: 40 }}
      withTooltip
    />
  );
}
