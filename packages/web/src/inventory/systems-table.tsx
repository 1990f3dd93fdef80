import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import type { AiSystem } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { ImpactTierBadge } from "./impact-tier-badge";
import { LifecycleBadge } from "./lifecycle-badge";

/** The AI systems register: each name opens the system's page. */
export function SystemsTable({ systems }: { systems: AiSystem[] }) {
  const { orgId } = useOrg();
  if (systems.length === 0) return <Text>No AI systems match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Impact</Table.Th>
            <Table.Th scope="col">Lifecycle</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Review date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {systems.map((system) => (
            <Table.Tr key={system.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${system.id}`} fw={500}>
                  {system.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {system.slug}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <ImpactTierBadge tier={system.impactTier} />
                  {system.customerFacing && (
                    <Badge variant="dot" color="teal">
                      Customer-facing
                    </Badge>
                  )}
                  {system.status === "archived" && <StatusBadge of="recordStatus" value="archived" />}
                </Group>
              </Table.Td>
              <Table.Td>
                <LifecycleBadge stage={system.lifecycleStage} />
              </Table.Td>
              <Table.Td>{system.owner?.name ?? "—"}</Table.Td>
              <Table.Td>{system.reviewDate ? formatDate(system.reviewDate) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
