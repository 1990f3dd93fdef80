import { Anchor, Table, Text } from "@mantine/core";
import type { Incident } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { IncidentSeverityBadge, IncidentStatusBadge } from "./incident-badges";

interface Props {
  orgId: string;
  incidents: Incident[];
  /** The empty state's next step, which depends on the filters and the reader's rights. */
  empty: string;
}

/** The incident register: each reference opens the incident. */
export function IncidentsTable({ orgId, incidents, empty }: Props) {
  if (incidents.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Incident</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Severity</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">AI systems</Table.Th>
            <Table.Th scope="col">Detected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((incident) => (
            <Table.Tr key={incident.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/incidents/${incident.id}`}>
                  {incident.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>{incident.title}</Table.Td>
              <Table.Td>
                <IncidentSeverityBadge severity={incident.severity} />
              </Table.Td>
              <Table.Td>
                <IncidentStatusBadge status={incident.status} />
              </Table.Td>
              <Table.Td>{incident.systems.map((system) => system.name).join(", ") || "—"}</Table.Td>
              <Table.Td>{formatDateTime(incident.detectedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
