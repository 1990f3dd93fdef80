import { Anchor, Table, Text } from "@mantine/core";
import { type Alert, labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { AlertActions } from "./alert-actions";
import { alertLevelTone, alertStatusTone } from "./monitoring-tones";

/** The observed value with the metric's unit, to at most four significant decimals, e.g. "2.381 %". */
export function withUnit(value: number | null, unit: string): string {
  if (value === null) return "—";
  const shown = value.toLocaleString("en", {
    maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 4,
    useGrouping: false,
  });
  return unit ? `${shown} ${unit}` : shown;
}

/** What an anomaly alert is about: "Prompt-injection markers · caller mallory"; "—" for other kinds. */
export function anomalyAbout(alert: Alert): string {
  if (!alert.detector) return "—";
  return `${labelOf("anomalyDetector", alert.detector)} · ${alert.subject ? `caller ${alert.subject}` : "whole system"}`;
}

/** Alerts with their metric, level and status, what an anomaly is about, and their incidents; each reference opens the alert. */
export function AlertsTable({ orgId, alerts, empty }: { orgId: string; alerts: Alert[]; empty: string }) {
  if (alerts.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Alert</Table.Th>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Metric</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Detector and subject</Table.Th>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Value</Table.Th>
            <Table.Th scope="col">Last seen</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Incident</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr key={alert.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/monitoring/alerts/${alert.id}`}>
                  {alert.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>{alert.system.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/monitoring/metrics/${alert.metric.id}`}>
                  {alert.metric.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge of="alertKind" value={alert.kind} tone="neutral" />
              </Table.Td>
              <Table.Td>{anomalyAbout(alert)}</Table.Td>
              <Table.Td>
                <StatusBadge of="alertLevel" value={alert.level} tone={alertLevelTone[alert.level]} />
              </Table.Td>
              <Table.Td>{withUnit(alert.observedValue, alert.metric.unit)}</Table.Td>
              <Table.Td>{formatDateTime(alert.lastSeenAt)}</Table.Td>
              <Table.Td>
                <StatusBadge of="alertStatus" value={alert.status} tone={alertStatusTone[alert.status]} />
              </Table.Td>
              <Table.Td>
                {alert.incidents.length === 0
                  ? "—"
                  : alert.incidents.map((incident) => (
                      <Anchor key={incident.id} component={Link} to={`/o/${orgId}/incidents/${incident.id}`} mr="xs">
                        {incident.ref}
                      </Anchor>
                    ))}
              </Table.Td>
              <Table.Td>
                <AlertActions alert={alert} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
