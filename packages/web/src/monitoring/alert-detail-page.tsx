import { Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { type Alert, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { AlertActions } from "./alert-actions";
import { withUnit } from "./alerts-table";
import { alertLevelTone, alertStatusTone } from "./monitoring-tones";

/** Opens an incident from the alert, linked to it, and goes to the incident. */
function OpenIncidentButton({ alert }: { alert: Alert }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () =>
      callApi(routes.createIncident, {
        params: { orgId },
        body: {
          title: `${alert.level === "critical" ? "Critical" : "Warning"} alert ${alert.ref} on metric ${alert.metric.name}`,
          description: `Opened from alert ${alert.ref} on ${alert.system.name}.`,
          severity: alert.level === "critical" ? "high" : "medium",
          alertIds: [alert.id],
        },
      }),
    onSuccess: async (incident) => {
      await queryClient.invalidateQueries({ queryKey: ["monitoring", orgId] });
      await navigate(`/o/${orgId}/incidents/${incident.id}`);
    },
  });
  return (
    <>
      <Button size="xs" onClick={() => open.mutate()} loading={open.isPending}>
        Open incident
      </Button>
      {open.error && <ErrorAlert error={open.error} title="The incident was not opened" />}
    </>
  );
}

/** One alert: what was seen and when, who acknowledged and resolved it, and the incidents opened from it. */
export default function AlertDetailPage() {
  const { orgId, can } = useOrg();
  const { alertId = "" } = useParams();
  const [note, setNote] = useState("");
  const query = useQuery({
    queryKey: ["monitoring", orgId, "alert", alertId],
    queryFn: ({ signal }) => callApi(routes.getAlert, { params: { orgId, alertId }, signal }),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <PageLoader />;
  const alert = query.data;
  const facts: [string, string][] = [
    ["AI system", alert.system.name],
    ["First seen", formatDateTime(alert.firstSeenAt)],
    ["Last seen", formatDateTime(alert.lastSeenAt)],
    ["Observed value", withUnit(alert.observedValue, alert.metric.unit)],
    ["Observed at", formatDateTime(alert.observedAt)],
    [
      "Acknowledged",
      alert.acknowledgedAt ? `${formatDateTime(alert.acknowledgedAt)} by ${alert.acknowledgedBy?.name ?? "—"}` : "—",
    ],
    ["Resolved", alert.resolvedAt ? `${formatDateTime(alert.resolvedAt)} by ${alert.resolvedBy?.name ?? "—"}` : "—"],
    ["Resolution note", alert.resolutionNote ?? "—"],
  ];
  return (
    <Stack maw={900}>
      <PageHeader title={`Alert ${alert.ref}`}>
        <Group gap="xs">
          <StatusBadge of="alertLevel" value={alert.level} tone={alertLevelTone[alert.level]} />
          <StatusBadge of="alertKind" value={alert.kind} tone="neutral" />
          <StatusBadge of="alertStatus" value={alert.status} tone={alertStatusTone[alert.status]} />
        </Group>
      </PageHeader>
      <Text>
        Metric{" "}
        <Anchor component={Link} to={`/o/${orgId}/monitoring/metrics/${alert.metric.id}`}>
          {alert.metric.name}
        </Anchor>
      </Text>
      <Table withTableBorder>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can("governance.write") && alert.status !== "resolved" && (
        <Stack gap="xs">
          <Textarea
            label="Resolution note"
            description="What was done about it; saved when you resolve the alert"
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <AlertActions alert={alert} note={note} />
        </Stack>
      )}
      <Title order={2}>Incidents</Title>
      {alert.incidents.length === 0 ? (
        <Text>No incident was opened from this alert.</Text>
      ) : (
        <List>
          {alert.incidents.map((incident) => (
            <List.Item key={incident.id}>
              <Anchor component={Link} to={`/o/${orgId}/incidents/${incident.id}`}>
                {incident.ref}
              </Anchor>{" "}
              {incident.title}
            </List.Item>
          ))}
        </List>
      )}
      {can("governance.write") && (
        <Group>
          <OpenIncidentButton alert={alert} />
        </Group>
      )}
    </Stack>
  );
}
