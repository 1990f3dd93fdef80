import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TelemetrySummary } from "@openaims/contracts";
import { lazy } from "react";
import { ChartFigure } from "../overview/chart-figure";
import { formatDateTime } from "../ui/format";
import type { TelemetrySeries } from "./telemetry-charts";

const TelemetryLines = lazy(() => import("./telemetry-charts").then((m) => ({ default: m.TelemetryLines })));
const ToolCallBars = lazy(() => import("./telemetry-charts").then((m) => ({ default: m.ToolCallBars })));

type Point = TelemetrySummary["series"][number];

interface ChartSpec {
  title: string;
  unit: string;
  series: TelemetrySeries[];
  /** The values of one point, in the order of `series`; null where there is nothing to show. */
  values: (point: Point) => (number | null)[];
}

/** A share as a percentage with two decimals; null with no requests. */
const percentOf = (part: number, whole: number) => (whole === 0 ? null : Number(((part / whole) * 100).toFixed(2)));
const rounded = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

const charts: ChartSpec[] = [
  {
    title: "Requests",
    unit: "",
    series: [
      { name: "requests", label: "Requests", color: "blue.6" },
      { name: "errors", label: "Errors", color: "red.6" },
    ],
    values: (p) => [p.requests, p.errors],
  },
  {
    title: "Error rate",
    unit: "%",
    series: [{ name: "errorRate", label: "Error rate", color: "red.6" }],
    values: (p) => [percentOf(p.errors, p.requests)],
  },
  {
    title: "Latency",
    unit: "ms",
    series: [
      { name: "p50", label: "p50", color: "blue.6" },
      { name: "p95", label: "p95", color: "orange.7" },
    ],
    values: (p) => [rounded(p.latencyP50Ms), rounded(p.latencyP95Ms)],
  },
  {
    title: "Tokens",
    unit: "",
    series: [
      { name: "input", label: "Input tokens", color: "blue.6" },
      { name: "output", label: "Output tokens", color: "teal.7" },
    ],
    values: (p) => [p.inputTokens, p.outputTokens],
  },
  {
    title: "Cost",
    unit: "",
    series: [{ name: "cost", label: "Cost", color: "grape.6" }],
    values: (p) => [rounded(p.cost, 4)],
  },
  {
    title: "Refusal rate",
    unit: "%",
    series: [{ name: "refusalRate", label: "Refusal rate", color: "orange.7" }],
    values: (p) => [percentOf(p.refusals, p.requests)],
  },
];

/** Each point's time as shown; a time shown twice gets a number, so rows and axis labels stay distinct. */
function timeLabels(points: Point[]): string[] {
  const seen = new Map<string, number>();
  return points.map((point) => {
    const text = formatDateTime(point.minute);
    const times = (seen.get(text) ?? 0) + 1;
    seen.set(text, times);
    return times === 1 ? text : `${text} #${times}`;
  });
}

/** The telemetry charts of a window: requests, error rate, latency, tokens, cost, refusal rate, and tool calls. */
export function TelemetryChartFigures({ summary }: { summary: TelemetrySummary }) {
  const times = timeLabels(summary.series);
  const each =
    summary.bucketMinutes === 1 ? "each point one minute" : `each point ${summary.bucketMinutes} minutes summed`;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {charts.map((chart) => {
          const rows = summary.series.map((point, i) => {
            const row: Record<string, string | number | null> = { time: times[i] ?? point.minute };
            chart.values(point).forEach((value, s) => {
              row[chart.series[s]?.name ?? String(s)] = value;
            });
            return row;
          });
          const unit = chart.unit ? ` (${chart.unit})` : "";
          return (
            <Stack key={chart.title} gap="xs">
              <Title order={3} size="h5">
                {chart.title}
              </Title>
              <ChartFigure
                summary={`${chart.title}${unit} from ${formatDateTime(summary.from)} to ${formatDateTime(summary.to)}: ${rows.length} points, ${each}.`}
                table={{
                  columns: ["Time", ...chart.series.map((s) => s.label + unit)],
                  rows: rows.map((row) => [
                    String(row.time),
                    ...chart.series.map((s) => (row[s.name] === null ? "—" : (row[s.name] ?? "—"))),
                  ]),
                }}
              >
                <TelemetryLines rows={rows} series={chart.series} unit={chart.unit} />
              </ChartFigure>
            </Stack>
          );
        })}
      </SimpleGrid>
      <Title order={3} size="h5">
        Tool calls by tool
      </Title>
      {summary.toolCalls.length === 0 ? (
        <Text>
          No tool calls in this window. Spans with gen_ai.operation.name execute_tool and a gen_ai.tool.name count here.
        </Text>
      ) : (
        <ChartFigure
          summary={`Tool calls from ${formatDateTime(summary.from)} to ${formatDateTime(summary.to)}, by tool: ${summary.toolCalls.length} tools.`}
          table={{ columns: ["Tool", "Calls"], rows: summary.toolCalls.map((t) => [t.tool, t.count]) }}
        >
          <ToolCallBars data={summary.toolCalls.map((t) => ({ tool: t.tool, calls: t.count }))} />
        </ChartFigure>
      )}
    </Stack>
  );
}
