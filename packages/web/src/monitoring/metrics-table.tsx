import { Anchor, Table, Text } from "@mantine/core";
import type { Metric } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { withUnit } from "./alerts-table";
import { metricStateTone } from "./monitoring-tones";

/** "above 5 %" / "below 0.9": where a threshold lies, in the direction the metric gets worse. */
export function thresholdText(metric: Pick<Metric, "direction" | "unit">, value: number | null): string {
  if (value === null) return "none";
  return `${metric.direction === "lower_is_better" ? "above" : "below"} ${withUnit(value, metric.unit)}`;
}

/** Metrics with their latest value and state; each name opens the metric's chart. */
export function MetricsTable({ orgId, metrics }: { orgId: string; metrics: Metric[] }) {
  if (metrics.length === 0)
    return <Text>No metrics yet. Define one for an AI system, then push observations with aims metric push.</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Metric</Table.Th>
            <Table.Th scope="col">Latest value</Table.Th>
            <Table.Th scope="col">Observed</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Open alerts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((metric) => (
            <Table.Tr key={metric.id}>
              <Table.Td>{metric.system.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/monitoring/metrics/${metric.id}`}>
                  {metric.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{withUnit(metric.latest?.value ?? null, metric.unit)}</Table.Td>
              <Table.Td>{formatDateTime(metric.latest?.at)}</Table.Td>
              <Table.Td>
                <StatusBadge of="metricState" value={metric.state} tone={metricStateTone[metric.state]} />
              </Table.Td>
              <Table.Td>{metric.openAlerts}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
