import { Anchor, Select, Stack, Table, Text, Title } from "@mantine/core";
import { routes, type TelemetrySystem } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { TelemetryPrices } from "./telemetry-prices";
import { TelemetrySettingsForm } from "./telemetry-settings-form";
import { useTelemetrySettings } from "./use-telemetry-data";

/** Systems that send telemetry, with their service name, latest span and last day's requests. */
function TelemetrySystemsTable({ orgId, systems }: { orgId: string; systems: TelemetrySystem[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label="AI systems sending telemetry">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Service name</Table.Th>
            <Table.Th scope="col">Last span</Table.Th>
            <Table.Th scope="col">Requests in 24 hours</Table.Th>
            <Table.Th scope="col">Errors in 24 hours</Table.Th>
            <Table.Th scope="col">Content capture</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {systems.map((row) => (
            <Table.Tr key={row.system.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/monitoring/telemetry/${row.system.id}`}>
                  {row.system.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.effectiveServiceName}</Table.Td>
              <Table.Td>{row.lastSpanAt ? formatDateTime(row.lastSpanAt) : "None yet"}</Table.Td>
              <Table.Td>{row.requests24h.toLocaleString("en")}</Table.Td>
              <Table.Td>{row.errors24h.toLocaleString("en")}</Table.Td>
              <Table.Td>
                {row.captureContent ? (
                  <StatusBadge tone="attention">On, redacted</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">Off</StatusBadge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Runtime telemetry of the organisation: which systems send spans (each opening its telemetry page),
 * how spans are read, and the token prices behind the cost metric.
 */
export default function TelemetryPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const systems = useQuery({
    queryKey: ["telemetry", orgId, "systems"],
    queryFn: ({ signal }) => callApi(routes.listTelemetrySystems, { params: { orgId }, signal }),
  });
  const options = useSystemOptions(orgId);
  const settings = useTelemetrySettings(orgId);
  const canEdit = can("governance.write");
  return (
    <Stack>
      <PageHeader title="Telemetry" />
      <Text c="dimmed">
        Applications instrumented with OpenTelemetry send their GenAI spans here; each AI system's requests, errors,
        latency, tokens, cost and refusals become metrics with thresholds and alerts (clause 9.1, controls A.6.2.6 and
        A.6.2.8).
      </Text>
      <Title order={2}>AI systems</Title>
      {systems.error && <ErrorAlert error={systems.error} />}
      {systems.isPending ? (
        <PageLoader />
      ) : (systems.data?.items.length ?? 0) === 0 ? (
        <Text>
          No AI system sends telemetry yet. Choose one below to see the two environment variables its application needs.
        </Text>
      ) : (
        <TelemetrySystemsTable orgId={orgId} systems={systems.data?.items ?? []} />
      )}
      <Select
        label="Open the telemetry page of"
        placeholder="Choose an AI system"
        data={options.data ?? []}
        value={null}
        onChange={(systemId) => {
          if (systemId) void navigate(`/o/${orgId}/monitoring/telemetry/${systemId}`);
        }}
        searchable
        maw={420}
        nothingFoundMessage="No AI systems yet: register one in the inventory first"
      />
      {settings.error && <ErrorAlert error={settings.error} />}
      {settings.data ? (
        <TelemetrySettingsForm key={orgId} orgId={orgId} settings={settings.data} canEdit={canEdit} />
      ) : (
        !settings.error && <PageLoader />
      )}
      <TelemetryPrices orgId={orgId} canEdit={canEdit} />
    </Stack>
  );
}
