import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";

export interface ObjectiveChartRow {
  time: string;
  value: number;
}

/**
 * An objective's values over time with its target (and baseline) as horizontal lines. Loaded in a
 * chunk of its own; the figure around it carries the same numbers as a table.
 */
export function ObjectiveLineChart({
  rows,
  unit,
  target,
  baseline,
}: {
  rows: ObjectiveChartRow[];
  unit: string;
  target: number;
  baseline: number | null;
}) {
  return (
    <LineChart
      h={300}
      data={rows}
      dataKey="time"
      series={[{ name: "value", label: "Value", color: "blue.6" }]}
      referenceLines={[
        { y: target, label: "Target", color: "green.7" },
        ...(baseline === null ? [] : [{ y: baseline, label: "Baseline", color: "gray.6" }]),
      ]}
      unit={unit ? ` ${unit}` : undefined}
      curveType="linear"
      withDots={rows.length <= 60}
      lineChartProps={{ accessibilityLayer: false }}
      xAxisProps={{ minTickGap: 40 }}
      yAxisProps={{ domain: ["auto", "auto"] }}
      withTooltip
    />
  );
}
