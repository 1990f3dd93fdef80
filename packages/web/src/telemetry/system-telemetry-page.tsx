import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TelemetrySummary } from "@openaims/contracts";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { MetricsTable } from "../monitoring/metrics-table";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { RecentSpansTable } from "./recent-spans-table";
import { SystemTelemetrySettingsForm } from "./system-telemetry-settings-form";
import { TelemetryChartFigures } from "./telemetry-chart-figures";
import { TelemetryConnect } from "./telemetry-connect";
import {
  telemetryWindows,
  useRecentSpans,
  useSystemMetrics,
  useSystemTelemetrySettings,
  useTelemetrySettings,
  useTelemetrySummary,
} from "./use-telemetry-data";

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);
const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value).toLocaleString("en")} ms`);

/** The window's headline figures, each a term and its value. */
function Figures({ summary }: { summary: TelemetrySummary }) {
  const figures: [string, string][] = [
    ["Requests", summary.requests.toLocaleString("en")],
    ["Error rate", percent(summary.errorRate)],
    ["Latency p50", ms(summary.latencyP50Ms)],
    ["Latency p95", ms(summary.latencyP95Ms)],
    ["Tokens in", summary.inputTokens.toLocaleString("en")],
    ["Tokens out", summary.outputTokens.toLocaleString("en")],
    ["Cost", summary.cost.toLocaleString("en", { maximumFractionDigits: 4 })],
    ["Refusal rate", percent(summary.refusalRate)],
    ["Guard findings", summary.guardFindings.toLocaleString("en")],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" m={0}>
      {figures.map(([term, value]) => (
        <Card key={term} withBorder padding="sm">
          <Text component="dt" size="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0} fw={600} size="lg">
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * One AI system's runtime telemetry: how to connect an application, whether spans arrive, charts over a
 * chosen window, the newest spans, the metrics kept from them (where thresholds are set), and the
 * system's telemetry settings.
 */
export default function SystemTelemetryPage() {
  const { orgId, can } = useOrg();
  const { systemId = "" } = useParams();
  const [minutes, setMinutes] = useState("1440");
  const settings = useSystemTelemetrySettings(orgId, systemId);
  const orgSettings = useTelemetrySettings(orgId);
  const summary = useTelemetrySummary(orgId, systemId, Number(minutes));
  const lastHour = useTelemetrySummary(orgId, systemId, 60);
  const spans = useRecentSpans(orgId, systemId);
  const metrics = useSystemMetrics(orgId, systemId);
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return <PageLoader />;
  const s = settings.data;
  const windowLabel = telemetryWindows.find((w) => w.value === minutes)?.label ?? "";
  return (
    <Stack>
      <PageHeader title={`Telemetry: ${s.system.name}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/inventory/systems/${s.system.id}`} variant="default">
            AI system
          </Button>
          <Button component={Link} to={`/o/${orgId}/monitoring/telemetry`} variant="default">
            Telemetry settings
          </Button>
        </Group>
      </PageHeader>
      <Text c="dimmed">
        What this system does in operation, from the OpenTelemetry spans its application sends (clause 9.1, controls
        A.6.2.6 and A.6.2.8). Metrics derived from the spans are kept per minute; thresholds on them raise alerts.
      </Text>
      <Card withBorder component="section" aria-labelledby="telemetry-status">
        <Title order={2} size="h4" id="telemetry-status" mb="xs">
          Status
        </Title>
        {s.lastSpanAt === null ? (
          <Text>
            No span received yet. Connect the application as shown below, then send a request through it; this page
            refreshes itself.
          </Text>
        ) : (
          <Text>
            Last span received {formatDateTime(s.lastSpanAt)}.{" "}
            {lastHour.data
              ? `${lastHour.data.requests.toLocaleString("en")} requests in the last hour.`
              : "Counting the last hour…"}
          </Text>
        )}
      </Card>
      <TelemetryConnect
        orgId={orgId}
        endpoint={window.location.origin}
        systemAttribute={orgSettings.data?.systemAttribute ?? "service.name"}
        serviceName={s.effectiveServiceName}
        canCreateToken={can("tokens.manage_own")}
      />
      <Group justify="space-between">
        <Title order={2}>Over time</Title>
        <SegmentedControl aria-label="Window" data={telemetryWindows} value={minutes} onChange={setMinutes} />
      </Group>
      {summary.error && <ErrorAlert error={summary.error} />}
      {!summary.data ? (
        <PageLoader />
      ) : summary.data.requests === 0 ? (
        <Text>No requests in the last {windowLabel}. Choose a longer window, or connect the application.</Text>
      ) : (
        <>
          <Figures summary={summary.data} />
          <TelemetryChartFigures summary={summary.data} />
        </>
      )}
      <Title order={2}>Recent spans</Title>
      {spans.error && <ErrorAlert error={spans.error} />}
      {!spans.data ? <PageLoader /> : <RecentSpansTable spans={spans.data.items} />}
      <Title order={2}>Metrics</Title>
      <Text size="sm" c="dimmed">
        Requests, error rate, latency, tokens, cost and refusal rate become metrics of this system (named Telemetry …)
        as spans arrive, beside its anomaly, drift and pushed metrics. Open a metric to set its warning and critical
        thresholds.
      </Text>
      {metrics.error && <ErrorAlert error={metrics.error} />}
      {!metrics.data ? (
        <PageLoader />
      ) : metrics.data.items.length === 0 ? (
        <Text>No metrics yet: they are created when the first spans arrive.</Text>
      ) : (
        <MetricsTable orgId={orgId} metrics={metrics.data.items} />
      )}
      <SystemTelemetrySettingsForm key={s.system.id} orgId={orgId} settings={s} canEdit={can("governance.write")} />
      <Text size="sm">
        <Anchor component={Link} to={`/o/${orgId}/monitoring/alerts`}>
          Alerts
        </Anchor>{" "}
        raised from this system's telemetry, such as spikes or injection attempts, are listed with the other alerts.
      </Text>
    </Stack>
  );
}
