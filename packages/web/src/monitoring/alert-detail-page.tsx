import { Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { type Alert, labelOf, routes } from "@openaims/contracts";
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

interface EvidenceSample {
  spanId?: string;
  traceId?: string;
  at?: string;
  caller?: string | null;
  tool?: string | null;
  markers?: string[];
}

/** Numbers of an anomaly's evidence other than its samples, as "name: value" lines. */
function evidenceFacts(evidence: Record<string, unknown>): [string, string][] {
  return Object.entries(evidence)
    .filter(([key]) => key !== "samples" && key !== "reason")
    .map(([key, value]) => [key, typeof value === "object" ? JSON.stringify(value) : String(value)]);
}

/** What an anomaly detector saw: its reason, counts and baseline, and sample spans of the window. */
function AnomalyEvidence({ alert }: { alert: Alert }) {
  const evidence = alert.evidence ?? {};
  const samples = (Array.isArray(evidence.samples) ? evidence.samples : []) as EvidenceSample[];
  return (
    <Stack gap="xs">
      <Title order={2}>Evidence</Title>
      {typeof evidence.reason === "string" && <Text>{evidence.reason}</Text>}
      <Table withTableBorder>
        <Table.Tbody>
          {evidenceFacts(evidence).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td style={{ wordBreak: "break-word" }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3}>Sample spans</Title>
      {samples.length === 0 ? (
        <Text>No sample spans: the system does not capture content, or the spans are past their retention.</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">At</Table.Th>
                <Table.Th scope="col">Span</Table.Th>
                <Table.Th scope="col">Trace</Table.Th>
                <Table.Th scope="col">Markers or tool</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {samples.map((sample) => (
                <Table.Tr key={`${sample.traceId}-${sample.spanId}`}>
                  <Table.Td>{formatDateTime(sample.at ?? null)}</Table.Td>
                  <Table.Td ff="monospace">{sample.spanId ?? "—"}</Table.Td>
                  <Table.Td ff="monospace">{sample.traceId ?? "—"}</Table.Td>
                  <Table.Td>{sample.markers?.join(", ") ?? sample.tool ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
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
    ...(alert.detector
      ? ([
          ["Detector", labelOf("anomalyDetector", alert.detector)],
          ["Subject", alert.subject ? `Caller ${alert.subject}` : "The whole system"],
          ["Evidence window", `${formatDateTime(alert.windowStart)} – ${formatDateTime(alert.windowEnd)}`],
        ] as [string, string][])
      : []),
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
      {alert.kind === "anomaly" && <AnomalyEvidence alert={alert} />}
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
