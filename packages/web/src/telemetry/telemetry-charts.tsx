import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";

/**
 * The telemetry page's charts, in a chunk of their own like the monitoring charts: recharts loads only
 * when a chart is drawn. Hidden from assistive technology; each figure carries the same numbers as a table.
 */

const quiet = { accessibilityLayer: false } as const;

/** One line series of a chart: the row key it reads, its legend label and colour. */
export interface TelemetrySeries {
  name: string;
  label: string;
  color: string;
}

/** One or more lines over time (the `time` key of each row), in one unit. */
export function TelemetryLines({
  rows,
  series,
  unit,
}: {
  rows: Record<string, string | number | null>[];
  series: TelemetrySeries[];
  unit: string;
}) {
  return (
    <LineChart
      h={220}
      data={rows}
      dataKey="time"
      series={series}
      unit={unit ? ` ${unit}` : undefined}
      curveType="linear"
      withDots={rows.length <= 60}
      withLegend={series.length > 1}
      connectNulls={false}
      lineChartProps={quiet}
      xAxisProps={{ minTickGap: 40 }}
      // Every telemetry series counts, shares or times something: the axis starts at zero.
      yAxisProps={{ domain: [0, "auto"] }}
      withTooltip
    />
  );
}

/** Horizontal bars of calls, one per tool. */
export function ToolCallBars({ data }: { data: { tool: string; calls: number }[] }) {
  return (
    <BarChart
      h={Math.max(120, data.length * 32)}
      data={data}
      dataKey="tool"
      orientation="vertical"
      series={[{ name: "calls", label: "Calls", color: "blue.6" }]}
      xAxisProps={{ allowDecimals: false }}
      yAxisProps={{ width: 180 }}
      gridAxis="x"
      barChartProps={quiet}
      withTooltip={false}
      withBarValueLabel
    />
  );
}
