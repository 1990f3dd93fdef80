import { Anchor, Group, Table, Text } from "@mantine/core";
import { labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDate } from "../ui/format";
import { sourceLabel, validUntilText } from "./evidence-format";
import { EvidenceStateBadge } from "./evidence-state-badge";
import type { Evidence } from "./evidence-types";

/**
 * Evidence in a table; each title opens the detail page (relative to the evidence list unless `hrefOf`
 * gives the address, for tables shown on other pages).
 */
export function EvidenceTable({
  evidence,
  hrefOf = (id) => id,
  emptyText = "No evidence matches these filters.",
}: {
  evidence: Evidence[];
  hrefOf?: (evidenceId: string) => string;
  emptyText?: string;
}) {
  if (evidence.length === 0) return <Text>{emptyText}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ref</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
            <Table.Th scope="col">Collected</Table.Th>
            <Table.Th scope="col">Valid until</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Linked to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {evidence.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.ref}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={hrefOf(item.id)}>
                  {item.title}
                </Anchor>
                {item.status === "archived" && (
                  <Text size="xs" c="dimmed">
                    Archived
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{labelOf("evidenceKind", item.kind)}</Table.Td>
              <Table.Td>{sourceLabel(item.source)}</Table.Td>
              <Table.Td>{formatDate(item.collectedAt)}</Table.Td>
              <Table.Td>{validUntilText(item)}</Table.Td>
              <Table.Td>
                <EvidenceStateBadge state={item.state} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {item.links.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      Nothing
                    </Text>
                  ) : (
                    <Text size="sm">{item.links.map((link) => link.ref).join(", ")}</Text>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
