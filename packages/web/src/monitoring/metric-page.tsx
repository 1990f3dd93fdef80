import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { labelOf, reasonSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import { AlertsTable } from "./alerts-table";
import { MetricChartFigure } from "./metric-chart-figure";
import { thresholdText } from "./metrics-table";
import { metricStateTone } from "./monitoring-tones";
import { useMetric, useMetricChart } from "./use-monitoring-data";

const ranges = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

/** One metric: its definition and rules, its chart over a chosen range, and the alerts in that range. */
export default function MetricPage() {
  const { orgId, can } = useOrg();
  const { metricId = "" } = useParams();
  const [days, setDays] = useState("30");
  const [archiving, setArchiving] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const metric = useMetric(orgId, metricId);
  const chart = useMetricChart(orgId, metricId, Number(days));
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveMetric, {
        params: { orgId, metricId },
        body: { reason, version: metric.data?.version ?? 0 },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["monitoring", orgId] });
      await navigate(`/o/${orgId}/monitoring`);
    },
  });
  if (metric.error) return <ErrorAlert error={metric.error} />;
  if (!metric.data) return <PageLoader />;
  const m = metric.data;
  const facts: [string, string][] = [
    ["AI system", m.system.name],
    ["Better when", labelOf("metricDirection", m.direction)],
    ["Warning", thresholdText(m, m.warning)],
    ["Critical", thresholdText(m, m.critical)],
    [
      "Expected every",
      m.cadenceMinutes === null ? "No cadence: missing data raises no alert" : `${m.cadenceMinutes} minutes`,
    ],
    ["On a critical alert", m.openIncidentOnCritical ? "Open an incident" : "No incident"],
    ["Risk to review on an alert", m.reviewRisk ? `${m.reviewRisk.ref} ${m.reviewRisk.title}` : "None"],
  ];
  const editable = can("governance.write") && m.archivedAt === null;
  return (
    <Stack>
      <PageHeader title={m.name}>
        <Group>
          <StatusBadge of="metricState" value={m.state} tone={metricStateTone[m.state]} />
          {editable && (
            <>
              <Button component={Link} to="edit" variant="default">
                Edit
              </Button>
              <Button variant="default" onClick={() => setArchiving(true)}>
                Archive
              </Button>
            </>
          )}
        </Group>
      </PageHeader>
      {m.description && <Text>{m.description}</Text>}
      <Table withTableBorder maw={720}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={240}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Title order={2}>Over time</Title>
        <SegmentedControl aria-label="Range" data={ranges} value={days} onChange={setDays} />
      </Group>
      {chart.error && <ErrorAlert error={chart.error} />}
      {!chart.data ? (
        <PageLoader />
      ) : chart.data.points.length === 0 ? (
        <Text>
          No observations in this range. Push some with aims metric push --system {m.system.slug} --metric "{m.name}"
          --value V, or choose a longer range.
        </Text>
      ) : (
        <MetricChartFigure chart={chart.data} />
      )}
      <Title order={2}>Alerts in this range</Title>
      {chart.data && <AlertsTable orgId={orgId} alerts={chart.data.alerts} empty="No alerts in this range." />}
      <ReasonModal
        opened={archiving}
        title={`Archive ${m.name}`}
        description="The metric takes no more observations and raises no more alerts; its history is kept."
        label="Reason"
        confirmLabel="Archive metric"
        confirmColor="red"
        errorTitle="Could not archive"
        schema={reasonSchema}
        maxLength={2000}
        mutation={archive}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
