import { Anchor, Badge, Table, Text } from "@mantine/core";
import type { ReadinessView } from "@openaims/contracts";
import { Link } from "react-router";

const severityColour = { high: "red", medium: "yellow", low: "gray" } as const;

/** Every unmet check as something to do, with a link to the page where it is done. */
export function GapList({ orgId, gaps }: { orgId: string; gaps: ReadinessView["gaps"] }) {
  if (gaps.length === 0) return <Text>No gaps: every check is met.</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Severity</Table.Th>
          <Table.Th>What to do</Table.Th>
          <Table.Th>For</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {gaps.map((gap, index) => (
          // Gaps have no id of their own; their order is stable for one response.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Table.Tr key={index}>
            <Table.Td>
              <Badge color={severityColour[gap.severity]} variant="light">
                {gap.severity}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/o/${orgId}/${gap.path}`}>
                {gap.action}
              </Anchor>
            </Table.Td>
            <Table.Td>{gap.subject}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
