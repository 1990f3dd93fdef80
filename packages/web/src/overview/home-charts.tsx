import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";

/**
 * The dashboard's charts, in a chunk of their own: recharts loads only when the home page draws a
 * chart, after the page's text is already on screen. Every chart is hidden from assistive
 * technology; its figure carries a summary and the same numbers as a table.
 */

const quiet = { accessibilityLayer: false } as const;

const percent = (value: number) => `${value}%`;

/** Horizontal bars of whole percentages, 0–100, one per label. */
export function PercentBars({ data }: { data: { label: string; percent: number }[] }) {
  return (
    <BarChart
      h={Math.max(120, data.length * 30)}
      data={data}
      dataKey="label"
      orientation="vertical"
      series={[{ name: "percent", label: "Covered", color: "blue.6" }]}
      // The unit goes on the values only: Mantine's `unit` would also be added to each category label.
      xAxisProps={{ domain: [0, 100], tickFormatter: percent }}
      yAxisProps={{ width: 190 }}
      valueFormatter={percent}
      gridAxis="x"
      barChartProps={quiet}
      withTooltip={false}
      withBarValueLabel
    />
  );
}

/** Vertical bars of counts, one per label. */
export function CountBars({ data, color }: { data: { label: string; count: number }[]; color: string }) {
  return (
    <BarChart
      h={180}
      data={data}
      dataKey="label"
      series={[{ name: "count", label: "Count", color }]}
      yAxisProps={{ allowDecimals: false }}
      gridAxis="y"
      barChartProps={quiet}
      withTooltip={false}
      withBarValueLabel
    />
  );
}

/** A line of whole percentages over time, 0–100. */
export function PercentLine({ data, label }: { data: { x: string; percent: number }[]; label: string }) {
  return (
    <LineChart
      h={160}
      data={data}
      dataKey="x"
      series={[{ name: "percent", label, color: "blue.6" }]}
      yAxisProps={{ domain: [0, 100] }}
      unit="%"
      curveType="linear"
      lineChartProps={quiet}
      withTooltip={false}
    />
  );
}
