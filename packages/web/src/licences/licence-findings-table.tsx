import { Anchor, List, Table, Text } from "@mantine/core";
import { type LicenceFinding, labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { StatusBadge } from "../ui/status-badge";

/** Each model and dataset with its licence and what the policy says of it, worst first. */
export function LicenceFindingsTable({ orgId, items }: { orgId: string; items: LicenceFinding[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label="Licence findings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Asset</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Licence</Table.Th>
            <Table.Th scope="col">Verdict</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.asset.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${item.asset.id}`}>
                  {item.asset.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{labelOf("assetKind", item.asset.kind)}</Table.Td>
              <Table.Td>
                {item.expression ? (
                  <Text component="code" size="sm">
                    {item.expression}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not recorded
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge of="licenceVerdict" value={item.verdict} />
              </Table.Td>
              <Table.Td>
                <List size="sm" spacing={2}>
                  {item.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
