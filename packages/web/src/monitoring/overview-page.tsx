import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { SystemFilter } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AlertsTable } from "./alerts-table";
import { MetricsTable } from "./metrics-table";

/** Monitoring at a glance: alerts not yet resolved first, then every metric with its latest value and state. */
export default function MonitoringOverviewPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const systemId = params.get("system") ?? undefined;
  const alerts = usePagedQuery(["monitoring", orgId, "alerts", "active", { systemId }], (cursor) =>
    callApi(routes.listAlerts, { params: { orgId }, query: { active: true, systemId, cursor, limit: PAGE_SIZE } }),
  );
  const metrics = usePagedQuery(["monitoring", orgId, "metrics", { systemId }], (cursor) =>
    callApi(routes.listMetrics, { params: { orgId }, query: { systemId, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <PageHeader title="Monitoring">
        <Group>
          <Button component={Link} to="alerts" variant="default">
            All alerts
          </Button>
          <Button component={Link} to={systemId ? `telemetry/${systemId}` : "telemetry"} variant="default">
            Telemetry
          </Button>
          {can("governance.write") && (
            <Button component={Link} to={systemId ? `metrics/new?system=${systemId}` : "metrics/new"}>
              Define a metric
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text c="dimmed">
        Metrics of your AI systems against their thresholds (clause 9.1, control A.6.2.6). A value beyond a threshold,
        or no value within the expected cadence, raises an alert; one alert per metric stays open until it is resolved.
      </Text>
      <SystemFilter
        orgId={orgId}
        placeholder="All AI systems"
        value={systemId}
        onChange={(value) => setParams(value ? { system: value } : {})}
        maw={360}
      />
      <Title order={2}>Open alerts</Title>
      {alerts.error && <ErrorAlert error={alerts.error} />}
      {alerts.isPending ? (
        <PageLoader />
      ) : (
        <AlertsTable
          orgId={orgId}
          alerts={alerts.items}
          empty="No open alerts: every metric is within its thresholds."
        />
      )}
      <LoadMore hasMore={alerts.hasMore} loading={alerts.isLoadingMore} onLoadMore={alerts.loadMore} />
      <Title order={2}>Metrics</Title>
      {metrics.error && <ErrorAlert error={metrics.error} />}
      {metrics.isPending ? <PageLoader /> : <MetricsTable orgId={orgId} metrics={metrics.items} />}
      <LoadMore hasMore={metrics.hasMore} loading={metrics.isLoadingMore} onLoadMore={metrics.loadMore} />
    </Stack>
  );
}
