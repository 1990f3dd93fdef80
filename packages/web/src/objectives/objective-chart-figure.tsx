import type { ObjectiveDetail } from "@openaims/contracts";
import { lazy } from "react";
import { ChartFigure } from "../overview/chart-figure";
import { formatDateTime } from "../ui/format";
import type { ObjectiveChartRow } from "./objective-line-chart";

const ObjectiveLineChart = lazy(() =>
  import("./objective-line-chart").then((m) => ({ default: m.ObjectiveLineChart })),
);

/** One point to plot: when and what was read. */
export interface ObjectivePoint {
  at: string;
  value: number;
}

/**
 * The objective's progress as a chart with its target line: the readings by hand, or for a metric
 * measure the metric's observations of the last 90 days (summed per bucket when there are many).
 */
export function ObjectiveChartFigure({
  objective,
  points,
  source,
}: {
  objective: ObjectiveDetail;
  points: ObjectivePoint[];
  source: string;
}) {
  const seen = new Map<string, number>();
  const shown = (iso: string) => {
    const text = formatDateTime(iso);
    const times = (seen.get(text) ?? 0) + 1;
    seen.set(text, times);
    return times === 1 ? text : `${text} #${times}`;
  };
  const rows: ObjectiveChartRow[] = points.map((p) => ({ time: shown(p.at), value: Number(p.value.toPrecision(6)) }));
  const unit = objective.unit ? ` ${objective.unit}` : "";
  const summary = `${objective.ref} ${objective.title}: ${points.length} ${source}, against a target of ${
    objective.direction === "increase" ? "at least" : "at most"
  } ${objective.target}${unit}${objective.baseline === null ? "" : ` from a baseline of ${objective.baseline}${unit}`}.`;
  return (
    <ChartFigure
      summary={summary}
      table={{
        columns: ["Time", `Value${unit ? ` (${objective.unit})` : ""}`],
        rows: rows.map((r) => [r.time, r.value]),
      }}
    >
      <ObjectiveLineChart rows={rows} unit={objective.unit} target={objective.target} baseline={objective.baseline} />
    </ChartFigure>
  );
}
