import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { callApi } from "../api/client";
import { ChartFigure } from "../overview/chart-figure";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";

/** "Dec 7, 3 PM" for hourly buckets, "Dec 7" for daily ones, in the reader's locale. */
const hourLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "numeric" });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

const DecisionBarChart = lazy(() => import("./decision-bar-chart").then((m) => ({ default: m.DecisionBarChart })));

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

const seconds = (value: number | null) =>
  value === null ? "—" : value < 120 ? `${Math.round(value)} s` : `${Math.round(value / 60)} min`;

/** Decisions per outcome over the last day (by hour) or month (by day), the deny rate, approval latency, screenings. */
export function DecisionMetricsFigure({ orgId, systemId }: { orgId: string; systemId: string }) {
  const [bucket, setBucket] = useState<"hour" | "day">("hour");
  const query = useQuery({
    queryKey: ["agent-decisions", orgId, systemId, "metrics", bucket],
    queryFn: () => callApi(routes.getAgentDecisionMetrics, { params: { orgId, systemId }, query: { bucket } }),
  });
  const metrics = query.data;
  const label = (iso: string) => (bucket === "hour" ? hourLabel.format(new Date(iso)) : dayLabel.format(new Date(iso)));
  const rows =
    metrics?.buckets.map((b) => ({
      time: label(b.start),
      allow: b.allow,
      deny: b.deny,
      approvalRequired: b.approvalRequired,
    })) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Decisions over time
        </Title>
        <SegmentedControl
          aria-label="Period"
          value={bucket}
          onChange={(value) => setBucket(value as "hour" | "day")}
          data={[
            { value: "hour", label: "Last 24 hours" },
            { value: "day", label: "Last 30 days" },
          ]}
        />
      </Group>
      {query.error && <ErrorAlert error={query.error} />}
      {metrics && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Figure label="Decisions" value={String(metrics.totals.total)} />
            <Figure
              label="Deny rate"
              value={metrics.denyRate === null ? "—" : `${(metrics.denyRate * 100).toFixed(1)} %`}
            />
            <Figure label="Approval time p50" value={seconds(metrics.approvalLatency.p50Seconds)} />
            <Figure label="Approval time p95" value={seconds(metrics.approvalLatency.p95Seconds)} />
            <Figure
              label="Screenings blocked / flagged"
              value={`${metrics.screenings.blocked} / ${metrics.screenings.flagged}`}
            />
          </SimpleGrid>
          <ChartFigure
            summary={`Decisions per ${bucket} by outcome, ${formatDateTime(metrics.from)} to ${formatDateTime(metrics.to)}: ${metrics.totals.allow} allowed, ${metrics.totals.approvalRequired} sent for approval, ${metrics.totals.deny} denied.`}
            table={{
              columns: [bucket === "hour" ? "Hour" : "Day", "Allowed", "Approval required", "Denied"],
              rows: rows.map((r) => [r.time, r.allow, r.approvalRequired, r.deny]),
            }}
          >
            <DecisionBarChart rows={rows} />
          </ChartFigure>
        </>
      )}
    </Stack>
  );
}
