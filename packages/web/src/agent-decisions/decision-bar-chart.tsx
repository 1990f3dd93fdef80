import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";

export interface DecisionChartRow {
  time: string;
  allow: number;
  deny: number;
  approvalRequired: number;
}

/** Decisions per bucket, stacked by outcome; in a chunk of its own, hidden from assistive technology. */
export function DecisionBarChart({ rows }: { rows: DecisionChartRow[] }) {
  return (
    <BarChart
      h={260}
      data={rows}
      dataKey="time"
      type="stacked"
      series={[
        { name: "allow", label: "Allowed", color: "green.6" },
        { name: "approvalRequired", label: "Approval required", color: "violet.6" },
        { name: "deny", label: "Denied", color: "red.6" },
      ]}
      withLegend
      withTooltip={false}
      xAxisProps={{ minTickGap: 24 }}
      yAxisProps={{ allowDecimals: false }}
      // The figure around the chart is hidden from assistive technology (its table view is not), so the
      // chart itself must hold nothing focusable.
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}
